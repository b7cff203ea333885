// The admin center's XML API page: the switch, the allowed client addresses, the trusted proxies, and the keys
// (created here, shown once, revocable).
import type { Settings } from '@secure-signature/shared';
import type { UserActor } from '../domain/context';
import type { XmlApiKeyView } from '../domain/xml-api/list-xml-api-keys';
import { Csrf, formatTime } from './layout';
import { AdminLayout } from './admin-layout';

export function AdminXmlApiPage(p: {
  actor: UserActor;
  csrfToken?: string;
  settings: Settings['xmlApi'];
  keys: XmlApiKeyView[];
  newKey?: { name: string; key: string };
  notice?: string;
  error?: string;
}) {
  const s = p.settings;
  return (
    <AdminLayout title="XML API" current="xml-api" actor={p.actor} csrfToken={p.csrfToken} notice={p.notice} error={p.error}>
      {p.newKey ? (
        <div class="card" id="new-key" role="status">
          <h2>Key “{p.newKey.name}” created</h2>
          <p>Copy it now: it is shown only this once (only a hash of it is stored).</p>
          <p class="mono" style="word-break:break-all">
            <strong data-testid="new-key">{p.newKey.key}</strong>
          </p>
        </div>
      ) : null}
      <form method="post" action="/admin/xml-api/settings" class="card">
        <h2>Settings</h2>
        <Csrf token={p.csrfToken} />
        <p class="muted">
          Programs start processes, read their status and fetch the final documents with <span class="mono">POST /api/xml</span>. Every request is
          validated against the <a href="/api/xml/schema.xsd">XML schema</a>; see also the <a href="/api/docs">REST API documentation</a>.
        </p>
        <label style="font-weight:600">
          <input type="checkbox" name="enabled" checked={s.enabled} /> XML API enabled
        </label>
        <label for="allowedIps">Allowed client addresses</label>
        <textarea id="allowedIps" name="allowedIps" rows={3} placeholder="192.0.2.0/24">{s.allowedIps.join('\n')}</textarea>
        <p class="muted">One address or CIDR range per line. Empty: any address. Each key may narrow this further.</p>
        <label for="trustedProxies">Trusted proxies</label>
        <textarea id="trustedProxies" name="trustedProxies" rows={2} placeholder="10.0.0.5">{s.trustedProxies.join('\n')}</textarea>
        <p class="muted">
          Your reverse proxies. Only a request that arrives from one of them may name the client in X-Forwarded-For; from anywhere else the
          connection's address counts.
        </p>
        <div class="actions">
          <button type="submit">Save</button>
        </div>
      </form>
      <div class="card">
        <h2>Keys</h2>
        {p.keys.length === 0 ? (
          <p class="muted">No keys yet.</p>
        ) : (
          <table id="xml-api-keys">
            <thead>
              <tr><th>Name</th><th class="optional">Created by</th><th>Allowed addresses</th><th class="optional">Created</th><th>Last used</th><th>State</th></tr>
            </thead>
            <tbody>
              {p.keys.map((k) => (
                <tr data-key={k.name}>
                  <td>{k.name}</td>
                  <td class="optional">{k.createdBy}</td>
                  <td class="mono">{k.allowedIps.length ? k.allowedIps.join(', ') : 'any'}</td>
                  <td class="optional">{formatTime(k.createdAt)}</td>
                  <td>{k.lastUsedAt ? formatTime(k.lastUsedAt) : 'never'}</td>
                  <td>
                    {k.revokedAt ? (
                      <span>revoked {formatTime(k.revokedAt)}</span>
                    ) : (
                      <form method="post" action={`/admin/xml-api/keys/${k.id}/revoke`} style="margin:0">
                        <Csrf token={p.csrfToken} />
                        <button type="submit" class="danger" aria-label={`Revoke ${k.name}`}>Revoke</button>
                      </form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      <form method="post" action="/admin/xml-api/keys" class="card">
        <h2>New key</h2>
        <Csrf token={p.csrfToken} />
        <p class="muted">Processes started with a key are sent in your name. Give each system its own key, so one can be revoked alone.</p>
        <label for="name">Name</label>
        <input id="name" name="name" type="text" required maxlength={100} placeholder="e.g. ERP production" />
        <label for="keyAllowedIps">Allowed client addresses for this key</label>
        <textarea id="keyAllowedIps" name="allowedIps" rows={2} placeholder="198.51.100.7"></textarea>
        <p class="muted">One address or CIDR range per line. Empty: whatever the settings above allow.</p>
        <div class="actions">
          <button type="submit">Create key</button>
        </div>
      </form>
    </AdminLayout>
  );
}
