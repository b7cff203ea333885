// Builds the API's view of one process (shared/ `processView`): documents with SHA-256, signers with status and
// dates, signature blocks, and optionally the audit trail.
import type { ProcessView, SignatureMethod } from '@secure-signature/shared';
import { asc, eq } from 'drizzle-orm';
import { auditEvents, documents, processes, signers, users } from '../../db/schema';
import type { Ctx } from '../context';
import { notFound } from '../errors';
import { listSignatureBlocks } from '../signature-block/list-signature-blocks';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export async function loadProcessView(ctx: Ctx, input: { processId: string; withAudit: boolean }): Promise<ProcessView> {
  const [row] = await ctx.db
    .select({ p: processes, senderEmail: users.email, senderName: users.name })
    .from(processes)
    .innerJoin(users, eq(users.id, processes.senderId))
    .where(eq(processes.id, input.processId));
  if (!row) throw notFound('Process');
  const [signerRows, documentRows, auditRows, blocks] = await Promise.all([
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
        signaturesPageSha256: documents.signaturesPageSha256,
      })
      .from(documents)
      .where(eq(documents.processId, input.processId))
      .orderBy(asc(documents.position)),
    input.withAudit
      ? ctx.db.select().from(auditEvents).where(eq(auditEvents.processId, input.processId)).orderBy(asc(auditEvents.id))
      : Promise.resolve([]),
    listSignatureBlocks(ctx, { processId: input.processId }),
  ]);
  const p = row.p;
  return {
    id: p.id,
    title: p.title,
    message: p.message,
    status: p.status,
    signingOrder: p.signingOrder,
    signaturePagePosition: p.signaturePagePosition,
    signatureMethods: p.signatureMethods as SignatureMethod[],
    reminders: p.reminders ?? null,
    forceDownload: p.forceDownload,
    allowSignAndForward: p.allowSignAndForward,
    allowForward: p.allowForward,
    attachmentsVisible: p.attachmentsVisible,
    smsNotifications: p.smsNotifications,
    createdAt: p.createdAt.toISOString(),
    completedAt: iso(p.completedAt),
    sealedAt: iso(p.sealedAt),
    expiresAt: iso(p.expiresAt),
    sender: { email: row.senderEmail, name: row.senderName },
    signerCount: signerRows.filter((s) => s.status !== 'forwarded').length,
    signedCount: blocks.length ? blocks.filter((b) => b.status === 'signed').length : signerRows.filter((s) => s.status === 'signed').length,
    blockCount: blocks.length,
    signers: signerRows.map((s) => ({
      id: s.id,
      position: s.position,
      email: s.email,
      name: s.name,
      phone: s.phone,
      organization: s.organization,
      jobTitle: s.jobTitle,
      businessId: s.businessId,
      status: s.status,
      invitedAt: iso(s.invitedAt),
      signedAt: iso(s.signedAt),
      rejectedAt: iso(s.rejectedAt),
      rejectReason: s.rejectReason,
      method: s.method,
      pinLocked: s.pinLockedAt !== null,
    })),
    blocks: blocks.map(({ groupId: _group, ...b }) => b),
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
