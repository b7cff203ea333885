// Admin → Secure mail: how final documents reach external recipients (attachments, S/MIME, protected link),
// the mail transport (SMTP or Microsoft Graph), and the recipients' certificates S/MIME encrypts for.
import type { Settings } from '@secure-signature/shared';
import type { UserActor } from '../domain/context';
import type { RecipientCertificateView } from '../domain/secure-mail/list-recipient-certificates';
import { Field } from './admin-settings-page';
import { Csrf, formatTime } from './layout';
import { settingSections, settingValue } from './settings-form';
import { AdminLayout } from './admin-layout';

export const SECURE_MAIL_SECTIONS = ['secureDelivery', 'mailTransport'] as const;

export function AdminSecureMailPage(p: {
  actor: UserActor;
  csrfToken?: string;
  settings: Settings;
  certificates: RecipientCertificateView[];
  notice?: string;
  error?: string;
}) {
  const sections = settingSections().filter((s) => (SECURE_MAIL_SECTIONS as readonly string[]).includes(s.key));
  return (
    <AdminLayout title="Secure mail" current="secure-mail" actor={p.actor} csrfToken={p.csrfToken} notice={p.notice} error={p.error}>
      <form method="post" action="/admin/secure-mail/settings" id="secure-mail-settings">
        <Csrf token={p.csrfToken} />
        {sections.map((section) => (
          <fieldset class="card" style="border:1px solid var(--line)">
            <legend>
              <h2 style="margin:0">{section.title.replace(/ \(Admin → Secure mail\)$/, '')}</h2>
            </legend>
            {section.fields.map((f) => (
              <Field field={f} value={settingValue(p.settings, f.name)} />
            ))}
          </fieldset>
        ))}
        <div class="actions">
          <button type="submit">Save</button>
        </div>
      </form>

      <div class="card" id="certificates">
        <h2>Recipient certificates</h2>
        <p class="muted">Final documents to these addresses go S/MIME-encrypted (when the mode above says so).</p>
        {p.certificates.length === 0 ? (
          <p>No certificates yet.</p>
        ) : (
          <table>
            <thead>
              <tr><th>Address</th><th>Subject</th><th>Valid until</th><th>From</th><th>SHA-256 fingerprint</th><th>Action</th></tr>
            </thead>
            <tbody>
              {p.certificates.map((c) => (
                <tr>
                  <td>{c.email}</td>
                  <td>{c.subject}</td>
                  <td>{formatTime(c.notAfter)}{c.expired ? ' (expired)' : ''}</td>
                  <td>{c.source}</td>
                  <td class="mono" style="font-size:11px;word-break:break-all">{c.fingerprint256}</td>
                  <td>
                    <form method="post" action={`/admin/secure-mail/certificates/${c.id}/delete`}>
                      <Csrf token={p.csrfToken} />
                      <button type="submit" class="secondary" aria-label={`Delete the certificate of ${c.email}`}>Delete</button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>

      <form method="post" action="/admin/secure-mail/certificates" enctype="multipart/form-data" class="card" id="certificate-upload">
        <h2>Add a certificate</h2>
        <Csrf token={p.csrfToken} />
        <p class="muted">An RSA certificate for encryption (PEM or DER), valid now. It replaces the address's earlier one.</p>
        <label for="email">Recipient's email address</label>
        <input id="email" name="email" type="email" required />
        <label for="certificate">Certificate file</label>
        <input id="certificate" name="certificate" type="file" accept=".cer,.crt,.pem,.der" required />
        <div class="actions">
          <button type="submit">Add certificate</button>
        </div>
      </form>
    </AdminLayout>
  );
}
