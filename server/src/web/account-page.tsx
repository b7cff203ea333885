import type { UserActor } from '../domain/context';
import { Csrf, Layout, Notice, formatTime } from './layout';

export interface AccountPageProps {
  actor: UserActor;
  csrfToken?: string;
  tokens: { id: string; label: string; createdAt: Date; lastUsedAt: Date | null }[];
  newToken?: string;
  notice?: string;
  passwordError?: string;
}

export function AccountPage(p: AccountPageProps) {
  return (
    <Layout title="Account" actor={p.actor} csrfToken={p.csrfToken}>
      <h1>Account</h1>
      <div class="card">
        <h2>You</h2>
        <p>
          {p.actor.name ? `${p.actor.name} · ` : ''}
          {p.actor.email}
          {p.actor.isAdmin ? <span class="badge">admin</span> : null}
        </p>
      </div>
      <div class="card">
        <h2>Password</h2>
        <Notice kind="error" text={p.passwordError} />
        <form method="post" action="/account/password">
          <Csrf token={p.csrfToken} />
          <label for="current">Current password</label>
          <input id="current" name="current" type="password" autocomplete="current-password" required />
          <label for="next">New password (at least 8 characters)</label>
          <input id="next" name="next" type="password" autocomplete="new-password" minlength={8} required />
          <div class="actions">
            <button type="submit">Change password</button>
          </div>
        </form>
      </div>
      <div class="card">
        <h2>API tokens</h2>
        <p class="muted">
          A token lets a program start and follow signature processes as you: send it as <span class="mono nowrap">Authorization: Bearer &lt;token&gt;</span>.
        </p>
        {p.newToken ? (
          <div class="notice ok" role="status">
            <p>
              <strong>Your new token.</strong> Copy it now: it is shown only once.
            </p>
            <div class="token" id="new-token">
              {p.newToken}
            </div>
          </div>
        ) : null}
        <Notice text={p.notice} />
        {p.tokens.length === 0 ? (
          <p>You have no API tokens.</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th>Label</th>
                <th>Created</th>
                <th class="optional">Last used</th>
                <th></th>
              </tr>
            </thead>
            <tbody>
              {p.tokens.map((t) => (
                <tr>
                  <td>{t.label || '—'}</td>
                  <td class="time">{formatTime(t.createdAt)}</td>
                  <td class="optional">{formatTime(t.lastUsedAt) || 'never'}</td>
                  <td>
                    <form method="post" action={`/account/tokens/${t.id}/revoke`}>
                      <Csrf token={p.csrfToken} />
                      <button class="danger" type="submit" aria-label={`Revoke token ${t.label}`}>
                        Revoke
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <form method="post" action="/account/tokens" class="actions">
          <Csrf token={p.csrfToken} />
          <div>
            <label for="label">Label for a new token</label>
            <input id="label" name="label" type="text" maxlength={100} placeholder="e.g. HR system" />
          </div>
          <div style="align-self:flex-end">
            <button type="submit">Create token</button>
          </div>
        </form>
      </div>
    </Layout>
  );
}
