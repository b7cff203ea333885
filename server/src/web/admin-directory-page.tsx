// Admin → Directory sync: the LDAP / Active Directory and the Microsoft Entra ID editors, each with Test
// connection, Sync now and the last run's outcome.
import type { Settings } from '@secure-signature/shared';
import type { UserActor } from '../domain/context';
import type { DirectorySource } from '../domain/directory/directory-person';
import type { DirectorySyncStatus } from '../domain/directory/get-directory-sync-status';
import { Field } from './admin-settings-page';
import { directoryFields } from './directory-settings-form';
import { Csrf, formatTime, Notice } from './layout';
import { settingValue } from './settings-form';
import { AdminLayout } from './admin-layout';

export interface DirectoryPageProps {
  actor: UserActor;
  csrfToken?: string;
  /** Secrets masked. */
  settings: Settings;
  status: Record<DirectorySource, DirectorySyncStatus>;
  notice?: string;
  error?: string;
  /** The outcome of Test connection, shown in its editor. */
  tested?: { source: DirectorySource; ok: boolean; message: string };
}

export function AdminDirectoryPage(p: DirectoryPageProps) {
  return (
    <AdminLayout title="Directory sync" current="directory" actor={p.actor} csrfToken={p.csrfToken} notice={p.notice} error={p.error}>
      <p class="muted">
        People in the directory become users here. Users the directory disables, or who leave it, are disabled (they cannot sign in or start
        processes) and never deleted, so their processes and audit history stay. Users with a phone number sign in with a PIN by SMS; the
        others set a password on first sign-in with “Forgot password”.
      </p>
      <Editor {...p} source="ldap" title="LDAP / Active Directory" />
      <Editor {...p} source="entra" title="Microsoft Entra ID" />
    </AdminLayout>
  );
}

function Editor(p: DirectoryPageProps & { source: DirectorySource; title: string }) {
  const s = p.status[p.source];
  const tested = p.tested?.source === p.source ? p.tested : undefined;
  const base = `/admin/directory/${p.source}`;
  return (
    <section class="card" aria-labelledby={`${p.source}-title`}>
      <h2 id={`${p.source}-title`}>{p.title}</h2>
      <LastRun status={s} />
      {tested ? <Notice kind={tested.ok ? 'ok' : 'error'} text={`Test connection: ${tested.message}`} /> : null}
      <div class="actions">
        <form method="post" action={`${base}/test`} style="display:inline">
          <Csrf token={p.csrfToken} />
          <button type="submit" class="secondary">Test connection</button>
        </form>
        <form method="post" action={`${base}/sync`} style="display:inline">
          <Csrf token={p.csrfToken} />
          <button type="submit" class="secondary">Sync now</button>
        </form>
      </div>
      <form method="post" action={base}>
        <Csrf token={p.csrfToken} />
        {directoryFields(p.source).map((f) => (
          <Field field={f} value={settingValue(p.settings, f.name)} />
        ))}
        <div class="actions">
          <button type="submit">Save {p.title} settings</button>
        </div>
      </form>
    </section>
  );
}

function LastRun({ status: s }: { status: DirectorySyncStatus }) {
  const r = s.lastResult;
  return (
    <div aria-label="Last sync" style="margin:8px 0">
      <p style="margin:4px 0">
        {s.users} user(s) from this directory, {s.disabledUsers} of them disabled.
        {s.pending ? ' A sync is waiting to run.' : ''}
      </p>
      {r ? (
        <>
          <p style="margin:4px 0">
            Last sync {formatTime(s.lastFinishedAt)}: {r.created} created, {r.updated} updated, {r.disabled} disabled, {r.unchanged} unchanged.
          </p>
          {r.errors.length > 0 ? (
            <ul class="notice error" role="alert" style="margin:4px 0;padding-left:28px">
              {r.errors.slice(0, 20).map((e) => (
                <li>{e}</li>
              ))}
              {r.errors.length > 20 ? <li>… and {r.errors.length - 20} more</li> : null}
            </ul>
          ) : null}
        </>
      ) : (
        <p class="muted" style="margin:4px 0">Not synced yet.</p>
      )}
    </div>
  );
}
