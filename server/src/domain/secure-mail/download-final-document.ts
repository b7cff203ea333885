// The recipient of a protected download link, past the code, downloads one final document: recorded in the
// process's audit trail with the file's SHA-256.
import { createHash } from 'node:crypto';
import { recordAuditEvent } from '../audit/record-audit-event';
import { inTransaction, type Ctx } from '../context';
import { readDocumentFile, type DocumentFile } from '../document/read-document-file';
import { DomainError, forbidden } from '../errors';
import { validDownloadSession } from './download-session';
import { findDownloadByToken } from './find-download-by-token';

export async function downloadFinalDocument(ctx: Ctx, input: { token: string; session: string | undefined; documentId: string }): Promise<DocumentFile> {
  return inTransaction(ctx, async (tx) => {
    const { download, process } = await findDownloadByToken(tx, { token: input.token });
    if (download.lockedAt || !validDownloadSession(tx, download.id, input.session)) throw new DomainError('forbidden', 'Enter the one-time code first', undefined, 'secureDelivery.codeFirst');
    const file = await readDocumentFile(tx, { processId: process.id, documentId: input.documentId, version: 'final' });
    if (file.kind !== 'document') throw forbidden();
    const sha256 = createHash('sha256').update(file.bytes).digest('hex');
    await recordAuditEvent(tx, {
      processId: process.id,
      type: 'final_downloaded',
      message: `Final document ${file.filename} downloaded by ${download.recipient} through the protected link (SHA-256 ${sha256})`,
      actor: download.recipient,
    });
    return file;
  });
}
