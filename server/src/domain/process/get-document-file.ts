// The bytes of a process's document for its sender or an admin: the uploaded original, or the sealed final PDF.
import type { Ctx } from '../context';
import { readDocumentFile, type DocumentFile } from '../document/read-document-file';
import { findOwnProcess } from './find-own-process';

export async function getDocumentFile(
  ctx: Ctx,
  input: { processId: string; documentId: string; version: 'original' | 'final' },
): Promise<DocumentFile> {
  await findOwnProcess(ctx, { processId: input.processId });
  return readDocumentFile(ctx, input);
}
