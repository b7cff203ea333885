// The admin center's message templates: every email and SMS in every language, its wording with the placeholders it
// may use, a preview with sample values, and a way back to the built-in text.
import type { UserActor } from '../domain/context';
import type { RenderedMessage } from '../domain/mail/templates';
import type { MessageTemplateView } from '../domain/template/get-message-template';
import { templateCatalog } from '../domain/template/template-catalog';
import { languageNames, languages } from '../i18n/languages';
import { Csrf } from './layout';
import { AdminLayout } from './admin-layout';

const href = (channel: string, kind: string, language: string) => `/admin/templates?channel=${channel}&kind=${kind}&language=${language}`;

export function AdminTemplatesPage(p: {
  actor: UserActor;
  csrfToken?: string;
  template: MessageTemplateView;
  customised: Set<string>;
  preview?: RenderedMessage;
  notice?: string;
  error?: string;
}) {
  const t = p.template;
  const action = `/admin/templates/${t.channel}/${t.kind}/${t.language}`;
  return (
    <AdminLayout title="Message templates" current="templates" actor={p.actor} csrfToken={p.csrfToken} notice={p.notice} error={p.error}>
      <div class="card">
        <table>
          <thead>
            <tr>
              <th>Message</th>
              {languages.map((l) => (
                <th>{languageNames[l]}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {templateCatalog.map((e) => (
              <tr>
                <td>
                  {e.channel === 'sms' ? 'SMS: ' : 'Email: '}
                  {e.title}
                </td>
                {languages.map((l) => {
                  const current = e.kind === t.kind && e.channel === t.channel && l === t.language;
                  const label = p.customised.has(`${e.channel}:${e.kind}:${l}`) ? 'edited' : 'built-in';
                  return <td style="white-space:nowrap">{current ? <strong aria-current="page">{label}</strong> : <a href={href(e.channel, e.kind, l)} aria-label={`${label}: ${e.channel === 'sms' ? 'SMS' : 'Email'} ${e.kind}, ${languageNames[l]}`}>{label}</a>}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <form method="post" action={action} class="card">
        <h2>
          {t.channel === 'sms' ? 'SMS: ' : 'Email: '}
          {t.title} · {languageNames[t.language]}
        </h2>
        <p class="muted">{t.customised ? 'Edited: this wording is used instead of the built-in text.' : 'The built-in text. Save to use your own wording.'}</p>
        <Csrf token={p.csrfToken} />
        {t.channel === 'email' ? (
          <>
            <label for="subject">Subject</label>
            <input id="subject" name="subject" type="text" value={t.subject} maxlength={300} />
          </>
        ) : null}
        <label for="body">{t.channel === 'email' ? 'Text (paragraphs separated by an empty line)' : 'Text'}</label>
        <textarea id="body" name="body" rows={t.channel === 'email' ? 16 : 4}>
          {t.body}
        </textarea>
        <p class="muted">Placeholders:</p>
        <ul class="muted">
          {Object.entries(t.placeholders).map(([name, what]) => (
            <li>
              <code>{`{{${name}}}`}</code> {what}
              {t.required.includes(name) ? ' (required)' : ''}
            </li>
          ))}
        </ul>
        <div class="actions">
          <button type="submit" name="action" value="save">Save</button>
          <button type="submit" name="action" value="preview" class="secondary">Preview</button>
        </div>
      </form>
      {t.customised ? (
        <form method="post" action={`${action}/reset`} class="card">
          <Csrf token={p.csrfToken} />
          <p>Delete this wording and use the built-in text again.</p>
          <div class="actions">
            <button type="submit" class="secondary">Reset to default</button>
          </div>
        </form>
      ) : null}
      {p.preview ? (
        <section class="card" aria-label="Preview">
          <h2>Preview with sample values</h2>
          {t.channel === 'email' ? (
            <p>
              <strong>Subject:</strong> <span id="preview-subject">{p.preview.subject}</span>
            </p>
          ) : null}
          <pre id="preview-text" style="white-space:pre-wrap">{p.preview.text}</pre>
        </section>
      ) : null}
    </AdminLayout>
  );
}
