// Builds the API's view of one process (shared/ `processView`): documents with SHA-256, signers with status and
// dates, and optionally the audit trail.
import type { ProcessView } from '@secure-signature/shared';
import { asc, eq } from 'drizzle-orm';
import { auditEvents, documents, processes, signers, users } from '../../db/schema';
import type { Ctx } from '../context';
import { notFound } from '../errors';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export async function loadProcessView(ctx: Ctx, input: { processId: string; withAudit: boolean }): Promise<ProcessView> {
  const [row] = await ctx.db
    .select({ p: processes, senderEmail: users.email, senderName: users.name })
    .from(processes)
    .innerJoin(users, eq(users.id, processes.senderId))
    .where(eq(processes.id, input.processId));
  if (!row) throw notFound('Process');
  const [signerRows, documentRows, auditRows] = await Promise.all([
    ctx.db.select().from(signers).where(eq(signers.processId, input.processId)).orderBy(asc(signers.position)),
    ctx.db
      .select({
        id: documents.id,
        kind: documents.kind,
        filename: documents.filename,
        contentType: documents.contentType,
        size: documents.size,
        sha256: documents.sha256,
        finalSha256: documents.finalSha256,
      })
      .from(documents)
      .where(eq(documents.processId, input.processId))
      .orderBy(asc(documents.position)),
    input.withAudit
      ? ctx.db.select().from(auditEvents).where(eq(auditEvents.processId, input.processId)).orderBy(asc(auditEvents.id))
      : Promise.resolve([]),
  ]);
  const p = row.p;
  return {
    id: p.id,
    title: p.title,
    message: p.message,
    status: p.status,
    signingOrder: p.signingOrder,
    signaturePagePosition: p.signaturePagePosition,
    createdAt: p.createdAt.toISOString(),
    completedAt: iso(p.completedAt),
    sealedAt: iso(p.sealedAt),
    expiresAt: iso(p.expiresAt),
    sender: { email: row.senderEmail, name: row.senderName },
    signerCount: signerRows.length,
    signedCount: signerRows.filter((s) => s.status === 'signed').length,
    signers: signerRows.map((s) => ({
      id: s.id,
      position: s.position,
      email: s.email,
      name: s.name,
      phone: s.phone,
      status: s.status,
      invitedAt: iso(s.invitedAt),
      signedAt: iso(s.signedAt),
      rejectedAt: iso(s.rejectedAt),
      rejectReason: s.rejectReason,
      method: s.method,
    })),
    documents: documentRows,
    ...(input.withAudit
      ? {
          auditTrail: auditRows.map((a) => ({
            type: a.type,
            ip: a.ip,
            message: a.message,
            createdAt: a.createdAt.toISOString(),
          })),
        }
      : {}),
  };
}
