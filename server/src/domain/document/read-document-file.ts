// Reads a document's bytes, original or sealed final, once the caller has checked access to its process.
import { and, eq } from 'drizzle-orm';
import { documents } from '../../db/schema';
import type { Ctx } from '../context';
import { notFound } from '../errors';
import { isUuid } from '../process/find-own-process';
import { finalName } from './final-name';

export interface DocumentFile {
  kind: 'document' | 'attachment';
  filename: string;
  contentType: string;
  bytes: Uint8Array;
}

export async function readDocumentFile(
  ctx: Ctx,
  input: { processId: string; documentId: string; version: 'original' | 'final' },
): Promise<DocumentFile> {
  if (!isUuid(input.documentId)) throw notFound('Document');
  const [doc] = await ctx.db
    .select()
    .from(documents)
    .where(and(eq(documents.id, input.documentId), eq(documents.processId, input.processId)));
  if (!doc) throw notFound('Document');
  const hash = input.version === 'final' ? doc.finalSha256 : doc.sha256;
  if (!hash) throw notFound('Final document (the process is not completed and sealed yet)');
  const filename = input.version === 'final' ? finalName(doc.filename) : doc.filename;
  return { kind: doc.kind, filename, contentType: input.version === 'final' ? 'application/pdf' : doc.contentType, bytes: await ctx.blobs.get(ctx.db, hash) };
}
