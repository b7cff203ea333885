// Stores the certificate final documents to this address are encrypted for, replacing an earlier one. Callers:
// the admin page (source "admin"), directory sync (source "directory", from userCertificate) and the recipient on
// a protected download page (source "recipient"). A certificate naming other addresses is refused.
import { randomUUID } from 'node:crypto';
import { recipientCertificates } from '../../db/schema';
import { CertificateRejected, readRecipientCertificate } from '../../smime/read-recipient-certificate';
import { recordAdminEvent } from '../admin/record-admin-event';
import { requireAdminActor } from '../admin/require-admin';
import { inTransaction, type Ctx } from '../context';
import { invalidInput } from '../errors';

export type CertificateSource = 'admin' | 'directory' | 'recipient';

export async function saveRecipientCertificate(
  ctx: Ctx,
  input: { email: string; certificate: Uint8Array | string; source: CertificateSource },
): Promise<{ id: string; subject: string; fingerprint256: string; notAfter: Date }> {
  if (input.source === 'admin') requireAdminActor(ctx);
  const email = input.email.trim().toLowerCase();
  if (!/^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(email)) throw invalidInput('Give the recipient\'s email address', 'email');
  let info;
  try {
    info = readRecipientCertificate(typeof input.certificate === 'string' ? Buffer.from(input.certificate, 'latin1') : input.certificate, ctx.clock());
  } catch (err) {
    if (err instanceof CertificateRejected) throw invalidInput(err.message, 'certificate');
    throw err;
  }
  if (info.emails.length > 0 && !info.emails.includes(email)) {
    throw invalidInput(`The certificate is for ${info.emails.join(', ')}, not ${email}`, 'certificate');
  }
  const row = { email, certificatePem: info.pem, subject: info.subject, fingerprint256: info.fingerprint256, notAfter: info.notAfter, source: input.source, createdAt: ctx.clock() };
  const saved = await inTransaction(ctx, async (tx) => {
    const [r] = await tx.db
      .insert(recipientCertificates)
      .values({ id: randomUUID(), ...row })
      .onConflictDoUpdate({ target: recipientCertificates.email, set: row })
      .returning({ id: recipientCertificates.id });
    if (input.source === 'admin') {
      await recordAdminEvent(tx, { action: 'recipient_certificate_saved', details: { email, subject: info.subject, fingerprint256: info.fingerprint256 } });
    }
    return r;
  });
  return { id: saved.id, subject: info.subject, fingerprint256: info.fingerprint256, notAfter: info.notAfter };
}
