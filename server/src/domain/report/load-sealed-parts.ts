// What a completed process hands to other systems (reports by HTTP POST, file rooms): the process, who signed, and
// every sealed file with its bytes (each final, and its separately sealed signatures page when there is one).
import { and, asc, eq } from 'drizzle-orm';
import { documents, processes, signers } from '../../db/schema';
import type { Ctx } from '../context';
import { finalName } from '../document/final-name';
import { signaturesPageName } from './signatures-page-name';

export interface SealedFile {
  filename: string;
  sha256: string;
  role: 'document' | 'signatures_page';
  contentType: 'application/pdf';
  bytes: Uint8Array;
}

export interface SealedParts {
  process: typeof processes.$inferSelect;
  completedAt: string;
  signers: { name: string; email: string; signedAt: string; method: string }[];
  files: SealedFile[];
}

export async function loadSealedParts(ctx: Ctx, input: { processId: string }): Promise<SealedParts | null> {
  const [process] = await ctx.db.select().from(processes).where(eq(processes.id, input.processId));
  if (!process) return null;
  const signed = (await ctx.db.select().from(signers).where(eq(signers.processId, process.id)).orderBy(asc(signers.position))).filter((s) => s.status === 'signed');
  const docs = await ctx.db
    .select()
    .from(documents)
    .where(and(eq(documents.processId, process.id), eq(documents.kind, 'document')))
    .orderBy(asc(documents.position));
  const files = docs.flatMap((d) => [
    { filename: finalName(d.filename), sha256: d.finalSha256!, role: 'document' as const },
    ...(d.signaturesPageSha256 ? [{ filename: signaturesPageName(d.filename), sha256: d.signaturesPageSha256, role: 'signatures_page' as const }] : []),
  ]);
  return {
    process,
    completedAt: (process.completedAt ?? process.sealedAt ?? ctx.clock()).toISOString(),
    signers: signed.map((s) => ({ name: s.name ?? '', email: s.email, signedAt: s.signedAt!.toISOString(), method: s.method ?? '' })),
    files: await Promise.all(files.map(async (f) => ({ ...f, contentType: 'application/pdf' as const, bytes: await ctx.blobs.get(ctx.db, f.sha256) }))),
  };
}
