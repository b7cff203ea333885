// "Sent by the recipient once": past the code of a protected download link, the recipient uploads their own
// certificate, and later final documents to them come S/MIME-encrypted. Only for the link's own address.
import { recordAuditEvent } from '../audit/record-audit-event';
import { inTransaction, type Ctx } from '../context';
import { DomainError } from '../errors';
import { validDownloadSession } from './download-session';
import { findDownloadByToken } from './find-download-by-token';
import { saveRecipientCertificate } from './save-recipient-certificate';

export async function receiveRecipientCertificate(ctx: Ctx, input: { token: string; session: string | undefined; certificate: Uint8Array }): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const { download, process } = await findDownloadByToken(tx, { token: input.token });
    if (download.lockedAt || !validDownloadSession(tx, download.id, input.session)) throw new DomainError('forbidden', 'Enter the one-time code first', undefined, 'secureDelivery.codeFirst');
    const saved = await saveRecipientCertificate(tx, { email: download.recipient, certificate: input.certificate, source: 'recipient' });
    await recordAuditEvent(tx, {
      processId: process.id,
      type: 'recipient_certificate_received',
      message: `${download.recipient} sent their S/MIME certificate (${saved.subject}, SHA-256 fingerprint ${saved.fingerprint256})`,
      actor: download.recipient,
    });
  });
}
