// A document as its signer may get it: the original while pending, the sealed final once completed. Attachments
// the sender hid are not there for signers. A download (not a view in the page) is remembered, for processes
// that require every document downloaded before Sign.
import { signerDownloads } from '../../db/schema';
import type { Ctx } from '../context';
import { readDocumentFile } from '../document/read-document-file';
import { recordAuditEvent } from '../audit/record-audit-event';
import { notFound } from '../errors';
import { findSignerByToken } from './find-signer-by-token';

export async function getSignerDocument(ctx: Ctx, input: { token: string; documentId: string; version: 'original' | 'final'; download?: boolean }) {
  const { signer, process } = await findSignerByToken(ctx, { token: input.token });
  const file = await readDocumentFile(ctx, { processId: process.id, documentId: input.documentId, version: input.version });
  if (file.kind === 'attachment' && !process.attachmentsVisible) throw notFound('Document');
  if (input.download) {
    await ctx.db.insert(signerDownloads).values({ signerId: signer.id, documentId: input.documentId, createdAt: ctx.clock() }).onConflictDoNothing();
  }
  await recordAuditEvent(ctx, {
    processId: process.id,
    type: 'document_downloaded',
    message: `Document ${file.filename} ${input.download ? 'downloaded' : 'opened'} by signer ${signer.email}`,
    actor: signer.email,
  });
  return file;
}
