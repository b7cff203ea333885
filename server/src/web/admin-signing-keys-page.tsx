// The admin center's users' own signing keys: who has one (kind, fingerprint, since when), giving a user a key
// pair, and taking it away. Private keys are never shown again once saved.
import type { UserActor } from '../domain/context';
import type { UserSigningKeyView } from '../domain/user-signing-key/list-user-signing-keys';
import { Csrf, formatTime } from './layout';
import { AdminLayout } from './admin-layout';

export function AdminSigningKeysPage(p: {
  actor: UserActor;
  csrfToken?: string;
  keys: UserSigningKeyView[];
  users: { id: string; email: string }[];
  notice?: string;
  error?: string;
}) {
  return (
    <AdminLayout title="Signing keys" current="signing-keys" actor={p.actor} csrfToken={p.csrfToken} notice={p.notice} error={p.error}>
      <p class="muted">
        Every signature carries a sign hash: a signature over the record of what was signed (the SHA-256 of each document, who, how, when and
        for what purpose). It is made with the organisation's sealing key, or with the signer's own key when they are a user listed here and
        re-entered their password when signing.
      </p>
      <div class="card">
        <h2>Users with their own key</h2>
        {p.keys.length === 0 ? (
          <p id="no-keys">Nobody yet: every sign hash is made with the organisation's key.</p>
        ) : (
          <table id="signing-keys">
            <thead>
              <tr>
                <th>User</th>
                <th>Key</th>
                <th>Public key SHA-256</th>
                <th>Since</th>
                <th></th>
              </tr>
            </thead>
            <tbody>
              {p.keys.map((k) => (
                <tr>
                  <td>{k.email}</td>
                  <td>
                    {k.algorithm}
                    {k.certificateSubject ? <div class="muted">{k.certificateSubject}</div> : null}
                  </td>
                  <td class="mono" style="word-break:break-all">{k.fingerprint}</td>
                  <td>{formatTime(k.createdAt)}</td>
                  <td>
                    <form method="post" action={`/admin/signing-keys/${k.userId}/retire`} class="inline-form">
                      <Csrf token={p.csrfToken} />
                      <button type="submit" class="secondary" aria-label={`Remove the key of ${k.email}`}>
                        Remove
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      <form method="post" action="/admin/signing-keys" class="card" id="set-signing-key">
        <h2>Give a user a key</h2>
        <Csrf token={p.csrfToken} />
        <label for="userId">User</label>
        <select id="userId" name="userId" required>
          {p.users.map((u) => (
            <option value={u.id}>{u.email}</option>
          ))}
        </select>
        <label for="privateKey">Private key (PEM, not encrypted)</label>
        <textarea id="privateKey" name="privateKey" rows={6} class="mono" required placeholder="-----BEGIN PRIVATE KEY-----" autocomplete="off"></textarea>
        <label for="publicKey">Its public key or certificate (PEM)</label>
        <textarea id="publicKey" name="publicKey" rows={6} class="mono" required placeholder="-----BEGIN CERTIFICATE-----"></textarea>
        <p class="muted">RSA (2048 bits or more), ECDSA (P-256, P-384, P-521) or, for legacy keys, DSA. The two must be one pair; a user's earlier key stays on record so their earlier signatures keep verifying.</p>
        <div class="actions">
          <button type="submit">Save the key</button>
        </div>
      </form>
    </AdminLayout>
  );
}
