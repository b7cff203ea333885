// The admin center's report templates: the list (default marked, how many processes used each), and the editor of
// one: who gets the report (email addresses, HTTP POST URLs), its format, the signatures page, and the HMAC secret
// (never shown back). The POST switch, allow list and attempts are in Settings → Reports.
import type { ReportTemplateView, Settings } from '@secure-signature/shared';
import type { UserActor } from '../domain/context';
import { Csrf } from './layout';
import { AdminLayout } from './admin-layout';

type Props = {
  actor: UserActor;
  csrfToken?: string;
  templates: ReportTemplateView[];
  reports: Settings['reports'];
  editing?: Partial<ReportTemplateView>;
  notice?: string;
  error?: string;
};

const languages = { en: 'English', fi: 'Finnish', sv: 'Swedish', da: 'Danish', de: 'German' } as const;

export function AdminReportTemplatesPage(p: Props) {
  const e = p.editing;
  const select = (name: string, label: string, options: Record<string, string>, value: string | undefined) => (
    <div>
      <label for={`rt-${name}`}>{label}</label>
      <select id={`rt-${name}`} name={name}>
        {Object.entries(options).map(([v, text]) => (
          <option value={v} selected={v === value}>{text}</option>
        ))}
      </select>
    </div>
  );
  return (
    <AdminLayout title="Report templates" current="report-templates" actor={p.actor} csrfToken={p.csrfToken} notice={p.notice} error={p.error}>
      <div class="card">
        <p>
          When a process completes, its template's recipients get the report: email addresses the final documents, URLs an HTTP POST (XML or
          JSON with the documents in base64, signed with HMAC-SHA256). {p.reports.templateChoice === 'default_forced' ? 'Every process gets the default template.' : 'Senders choose among the templates their group may use.'}{' '}
          Reports by HTTP POST are <strong id="post-state">{p.reports.postEnabled ? 'on' : 'off'}</strong>
          {p.reports.postAllowList.length ? `; internal targets allowed: ${p.reports.postAllowList.join(', ')}` : ''}. Change these in <a href="/admin/settings">Settings → Reports</a>.
        </p>
        {p.templates.length === 0 ? (
          <p class="muted">No report templates yet: processes get no report beyond the completion email.</p>
        ) : (
          <table id="report-templates">
            <thead>
              <tr><th>Template</th><th class="optional">Recipients</th><th>Format</th><th>Processes</th><th></th></tr>
            </thead>
            <tbody>
              {p.templates.map((t) => (
                <tr>
                  <td>
                    <a href={`/admin/report-templates/${t.id}`}>{t.name}</a> {t.isDefault ? <strong class="badge">default</strong> : null}
                  </td>
                  <td class="optional">{[...t.emailRecipients, ...t.postUrls.map((u) => `POST ${new URL(u).host}`)].join(', ') || '—'}</td>
                  <td>{t.format.toUpperCase()}</td>
                  <td>{t.processes}</td>
                  <td>
                    {t.isDefault ? null : (
                      <form method="post" action={`/admin/report-templates/${t.id}/default`}>
                        <Csrf token={p.csrfToken} />
                        <button type="submit" class="secondary">Make default</button>
                      </form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      <form method="post" action={e?.id ? `/admin/report-templates/${e.id}` : '/admin/report-templates'} class="card">
        <h2>{e?.id ? `Change ${e.name}` : 'Add a report template'}</h2>
        <Csrf token={p.csrfToken} />
        <label for="rt-name">Name</label>
        <input id="rt-name" name="name" type="text" required value={e?.name ?? ''} placeholder="e.g. Recruitment, NDA" />
        <label for="rt-senderAddress">Sender address of report emails</label>
        <input id="rt-senderAddress" name="senderAddress" type="email" value={e?.senderAddress ?? ''} aria-describedby="rt-senderAddress-help" />
        <div class="muted" id="rt-senderAddress-help">Empty: the usual sender address.</div>
        {select('signaturesPage', 'Signatures page', { in_pdf: 'Part of each PDF', separate: 'A separate file' }, e?.signaturesPage)}
        {select('pagePosition', 'Signatures page goes', { last: 'After the last page', first: 'Before the first page' }, e?.pagePosition)}
        {select('language', 'Language of report emails', languages, e?.language)}
        <label for="rt-emailRecipients">Email recipients</label>
        <textarea id="rt-emailRecipients" name="emailRecipients" rows={3} aria-describedby="rt-emailRecipients-help">{(e?.emailRecipients ?? []).join('\n')}</textarea>
        <div class="muted" id="rt-emailRecipients-help">One address per line; they get the final documents.</div>
        <label for="rt-postUrls">HTTP POST URLs</label>
        <textarea id="rt-postUrls" name="postUrls" rows={3} aria-describedby="rt-postUrls-help">{(e?.postUrls ?? []).join('\n')}</textarea>
        <div class="muted" id="rt-postUrls-help">One https URL per line. Internal addresses are refused unless allow-listed in Settings → Reports.</div>
        {select('format', 'Format of POSTed reports', { json: 'JSON', xml: 'XML' }, e?.format)}
        <label for="rt-hmacSecret">HMAC secret</label>
        <input id="rt-hmacSecret" name="hmacSecret" type="password" autocomplete="new-password" value={e?.hmacSecret ?? ''} aria-describedby="rt-hmacSecret-help" />
        <div class="muted" id="rt-hmacSecret-help">
          {e?.hmacSecret ? 'Stored; leave as it is to keep it. ' : ''}Receivers check the header X-Secure-Signature-Signature: sha256=&lt;HMAC-SHA256 of the body&gt;.
        </div>
        <div class="actions">
          <button type="submit">{e?.id ? 'Save' : 'Add template'}</button>
        </div>
      </form>
      {e?.id ? (
        <form method="post" action={`/admin/report-templates/${e.id}/delete`} class="card">
          <Csrf token={p.csrfToken} />
          {e.processes ? <p>{e.name} was used by {e.processes} process(es) and stays, so their reports can be traced.</p> : <p>No process used {e.name} yet.</p>}
          <button type="submit" class="danger" disabled={Boolean(e.processes)}>Remove {e.name}</button>
        </form>
      ) : null}
    </AdminLayout>
  );
}
