// A document as its signer may download it: the original while pending, the sealed final once completed.
import type { Ctx } from '../context';
import { readDocumentFile } from '../document/read-document-file';
import { recordAuditEvent } from '../audit/record-audit-event';
import { findSignerByToken } from './find-signer-by-token';

export async function getSignerDocument(ctx: Ctx, input: { token: string; documentId: string; version: 'original' | 'final' }) {
  const { signer, process } = await findSignerByToken(ctx, { token: input.token });
  const file = await readDocumentFile(ctx, { processId: process.id, documentId: input.documentId, version: input.version });
  await recordAuditEvent(ctx, {
    processId: process.id,
    type: 'document_downloaded',
    message: `Document ${file.filename} opened by signer ${signer.email}`,
    actor: signer.email,
  });
  return file;
}
