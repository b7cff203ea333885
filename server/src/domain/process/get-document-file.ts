// The bytes of a process's document for its sender or an admin: the uploaded original, the sealed final PDF, or
// its separately sealed signatures page.
import type { Ctx } from '../context';
import { readDocumentFile, type DocumentFile, type DocumentVersion } from '../document/read-document-file';
import { findOwnProcess } from './find-own-process';

export async function getDocumentFile(
  ctx: Ctx,
  input: { processId: string; documentId: string; version: DocumentVersion },
): Promise<DocumentFile> {
  await findOwnProcess(ctx, { processId: input.processId });
  return readDocumentFile(ctx, input);
}
