// What anyone holding a sealed document may learn about it: the process title and status, and who signed when and
// how. Nothing else (no message, no addresses of computers, no other documents).
import { asc, eq, or } from 'drizzle-orm';
import { documents, processes, signers } from '../../db/schema';
import type { Ctx } from '../context';

export interface DocumentRecord {
  filename: string;
  version: 'final' | 'original';
  verificationCode: string | null;
  process: {
    title: string;
    status: string;
    createdAt: string;
    completedAt: string | null;
    signers: { name: string | null; email: string; status: string; signedAt: string | null; method: string | null }[];
  };
}

export async function loadDocumentRecord(
  ctx: Ctx,
  where: { finalSha256: string } | { sha256: string } | { verificationCode: string },
): Promise<DocumentRecord | null> {
  const condition =
    // A final is also found as a separately sealed signatures page of it.
    'finalSha256' in where ? or(eq(documents.finalSha256, where.finalSha256), eq(documents.signaturesPageSha256, where.finalSha256))
    : 'sha256' in where ? eq(documents.sha256, where.sha256)
    : eq(documents.verificationCode, where.verificationCode);
  const [row] = await ctx.db.select({ d: documents, p: processes }).from(documents).innerJoin(processes, eq(processes.id, documents.processId)).where(condition).limit(1);
  if (!row) return null;
  const people = await ctx.db.select().from(signers).where(eq(signers.processId, row.p.id)).orderBy(asc(signers.position));
  return {
    filename: row.d.filename,
    version: 'sha256' in where ? 'original' : 'final',
    verificationCode: row.d.verificationCode,
    process: {
      title: row.p.title,
      status: row.p.status,
      createdAt: row.p.createdAt.toISOString(),
      completedAt: row.p.completedAt?.toISOString() ?? null,
      signers: people.map((s) => ({
        name: s.name,
        email: s.email,
        status: s.status,
        signedAt: s.signedAt?.toISOString() ?? null,
        method: s.method === 'button' ? 'OK button' : s.method,
      })),
    },
  };
}
