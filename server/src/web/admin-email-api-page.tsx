// The admin center's Email API page: the listener's state (listening on host:port with the certificate's
// fingerprint, off, or why it cannot listen) and the emailApi settings section, with the PEM fields as text areas.
import type { Settings } from '@secure-signature/shared';
import type { UserActor } from '../domain/context';
import type { EmailApiStatus } from '../email-api/start-email-api';
import { Field } from './admin-settings-page';
import { Csrf } from './layout';
import { settingSections, settingValue } from './settings-form';
import { AdminLayout } from './admin-layout';

const PEM_FIELDS = ['emailApi.tlsCertificate', 'emailApi.tlsKey'];

function Status({ status }: { status: EmailApiStatus }) {
  switch (status.state) {
    case 'off':
      return <p id="email-api-status">Not listening: the Email API is off.</p>;
    case 'listening':
      return (
        <div id="email-api-status">
          <p>
            <strong>Listening</strong> on <span class="mono">{`${status.host}:${status.port}`}</span> (SMTP with STARTTLS).
          </p>
          <p class="muted">
            {status.selfSigned ? 'Self-signed certificate' : 'Certificate'}, SHA-256 fingerprint:{' '}
            <span class="mono" style="word-break:break-all">{status.fingerprint}</span>
          </p>
        </div>
      );
    case 'error':
      return (
        <p id="email-api-status" class="error" role="alert">
          Cannot listen on <span class="mono">{`${status.host}:${status.port}`}</span>: {status.error}
        </p>
      );
  }
}

export function AdminEmailApiPage(p: { actor: UserActor; csrfToken?: string; settings: Settings; status: EmailApiStatus; notice?: string; error?: string }) {
  const section = settingSections().find((s) => s.key === 'emailApi')!;
  return (
    <AdminLayout title="Email API" current="email-api" actor={p.actor} csrfToken={p.csrfToken} notice={p.notice} error={p.error}>
      <div class="card">
        <h2>Status</h2>
        <Status status={p.status} />
        <p class="muted">
          An allowed sender starts a process by sending an email: the subject is the title, the text the message, the PDF attachments the
          documents, and the headers <span class="mono">X-Secure-Signature-Signers</span> and <span class="mono">X-Secure-Signature-Options</span>{' '}
          name the signers and options (see docs/email-api.md). A refused message is answered with the reason, which the sender gets as a bounce.
        </p>
      </div>
      <form method="post" action="/admin/email-api/settings" class="card">
        <h2>Settings</h2>
        <Csrf token={p.csrfToken} />
        {section.fields.map((f) => {
          if (!PEM_FIELDS.includes(f.name)) return <Field field={f} value={settingValue(p.settings, f.name)} />;
          const id = f.name.replace('.', '-');
          return (
            <div>
              <label for={id}>{f.title}</label>
              <textarea id={id} name={f.name} rows={4} class="mono" spellcheck={false} autocomplete="off" aria-describedby={`${id}-help`}>
                {String(settingValue(p.settings, f.name) ?? '')}
              </textarea>
              <div class="muted" id={`${id}-help`}>{f.description}</div>
            </div>
          );
        })}
        <p class="muted" style="margin-top:12px">Changes apply within a few seconds, without a restart.</p>
        <div class="actions">
          <button type="submit">Save</button>
        </div>
      </form>
    </AdminLayout>
  );
}
