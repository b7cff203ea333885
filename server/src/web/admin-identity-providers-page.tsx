// The admin center's identity providers: the list, and the form to add or change one (presets fill in the usual
// scopes and claims). Each enabled provider is a signature method senders can offer.
import { identityProviderPresets as presetIds, type IdentityProviderView } from '@secure-signature/shared';
import type { UserActor } from '../domain/context';
import { identityProviderPresets } from '../domain/identity-provider/presets';
import { Csrf } from './layout';
import { AdminLayout } from './admin-layout';

type Props = { actor: UserActor; csrfToken?: string; providers: IdentityProviderView[]; redirectUri: string; editing?: IdentityProviderView; notice?: string; error?: string };

export function AdminIdentityProvidersPage(p: Props) {
  const e = p.editing;
  const field = (name: keyof IdentityProviderView, label: string, help?: string, type = 'text') => (
    <div>
      <label for={`idp-${name}`}>{label}</label>
      <input id={`idp-${name}`} name={name} type={type} value={e ? String(e[name] ?? '') : ''} autocomplete="off" aria-describedby={help ? `idp-${name}-help` : undefined} />
      {help ? <div class="muted" id={`idp-${name}-help`}>{help}</div> : null}
    </div>
  );
  return (
    <AdminLayout title="Identity providers" current="identity-providers" actor={p.actor} csrfToken={p.csrfToken} notice={p.notice} error={p.error}>
      <div class="card">
        <p>
          Signers can sign by authenticating with an OpenID Connect identity provider (bank ID brokers, Suomi.fi). Register this redirect URI with
          the provider: <code id="redirect-uri">{p.redirectUri}</code>
        </p>
        {p.providers.length === 0 ? (
          <p class="muted">No identity providers yet.</p>
        ) : (
          <table>
            <thead>
              <tr><th>Name</th><th class="optional">Issuer</th><th>Method</th><th>State</th></tr>
            </thead>
            <tbody>
              {p.providers.map((x) => (
                <tr>
                  <td><a href={`/admin/identity-providers/${x.id}`}>{x.name}</a></td>
                  <td class="optional mono">{x.issuer}</td>
                  <td class="mono">oidc:{x.id}</td>
                  <td>{x.enabled ? 'enabled' : 'disabled'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      <div class="card">
        <h2>{e ? `Change ${e.name}` : 'Add an identity provider'}</h2>
        <form method="post" action={e ? `/admin/identity-providers/${e.id}` : '/admin/identity-providers'}>
          <Csrf token={p.csrfToken} />
          <label for="idp-preset">Kind of provider</label>
          <select id="idp-preset" name="preset" aria-describedby="idp-preset-help">
            {presetIds.map((id) => (
              <option value={id} selected={(e?.preset ?? 'custom') === id}>
                {identityProviderPresets[id].label}
              </option>
            ))}
          </select>
          <div class="muted" id="idp-preset-help">
            Empty scopes and claims below are filled in from the kind of provider: {presetIds.filter((id) => id !== 'custom').map((id) => identityProviderPresets[id].label).join(', ')}.
          </div>
          {e ? <input type="hidden" name="id" value={e.id} /> : field('id', 'Id', 'Lower-case letters, digits and dashes; the method is oidc:<id>. Cannot change later.')}
          {field('name', 'Name shown to signers', 'e.g. "Finnish bank IDs"')}
          {field('issuer', 'Issuer URL', 'Its discovery document is at <issuer>/.well-known/openid-configuration.', 'url')}
          {field('clientId', 'Client id')}
          {field('clientSecret', 'Client secret', e?.clientSecret ? 'Stored; leave as it is to keep it.' : undefined, 'password')}
          {field('scopes', 'Scopes')}
          {field('nameClaim', 'Claim with the full name')}
          {field('idNumberClaim', 'Claim with the national identity number')}
          {field('acrValues', 'acr_values (level of assurance)')}
          <label style="margin-top:10px">
            <input type="checkbox" name="enabled" checked={e ? e.enabled : true} /> Enabled
          </label>
          <div class="actions">
            <button type="submit">{e ? 'Save' : 'Add provider'}</button>
          </div>
        </form>
        {e ? (
          <form method="post" action={`/admin/identity-providers/${e.id}/delete`} class="actions">
            <Csrf token={p.csrfToken} />
            <button type="submit" class="danger">Remove {e.name}</button>
          </form>
        ) : null}
      </div>
    </AdminLayout>
  );
}
