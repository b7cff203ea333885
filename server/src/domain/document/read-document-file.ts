// Reads a document's bytes (original, sealed final, or its separately sealed signatures page) once the caller has
// checked access to its process.
import { and, eq } from 'drizzle-orm';
import { documents } from '../../db/schema';
import type { Ctx } from '../context';
import { notFound } from '../errors';
import { isUuid } from '../process/find-own-process';
import { signaturesPageName } from '../report/signatures-page-name';
import { finalName } from './final-name';

/** The uploaded file, the sealed final, or (report template "separate file") the sealed signatures page. */
export type DocumentVersion = 'original' | 'final' | 'signatures-page';

export interface DocumentFile {
  kind: 'document' | 'attachment';
  filename: string;
  contentType: string;
  bytes: Uint8Array;
}

export async function readDocumentFile(
  ctx: Ctx,
  input: { processId: string; documentId: string; version: DocumentVersion },
): Promise<DocumentFile> {
  if (!isUuid(input.documentId)) throw notFound('Document');
  const [doc] = await ctx.db
    .select()
    .from(documents)
    .where(and(eq(documents.id, input.documentId), eq(documents.processId, input.processId)));
  if (!doc) throw notFound('Document');
  const hash = input.version === 'final' ? doc.finalSha256 : input.version === 'signatures-page' ? doc.signaturesPageSha256 : doc.sha256;
  if (!hash) {
    throw notFound(input.version === 'final' ? 'Final document (the process is not completed and sealed yet)' : 'Separate signatures page (its report template puts the page in the PDF, or the process is not sealed yet)');
  }
  if (input.version === 'original') return { kind: doc.kind, filename: doc.filename, contentType: doc.contentType, bytes: await ctx.blobs.get(ctx.db, hash) };
  const filename = input.version === 'final' ? finalName(doc.filename) : signaturesPageName(doc.filename);
  return { kind: doc.kind, filename, contentType: 'application/pdf', bytes: await ctx.blobs.get(ctx.db, hash) };
}
