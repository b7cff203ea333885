// The OpenID Connect client of one identity provider (openid-client): discovered from its issuer once and kept,
// forgotten when the admin changes the provider. http issuers are allowed only on this machine (tests).
import * as oidc from 'openid-client';
import { identityProviders } from '../../db/schema';
import type { Secrets } from '../secrets';

type Provider = typeof identityProviders.$inferSelect;
const clients = new Map<string, { key: string; config: Promise<oidc.Configuration> }>();

export const isLoopback = (hostname: string) => hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]';

export function oidcClient(provider: Provider, secrets: Pick<Secrets, 'decrypt'>): Promise<oidc.Configuration> {
  const key = `${provider.issuer} ${provider.clientId} ${provider.updatedAt?.toISOString() ?? ''}`;
  const cached = clients.get(provider.id);
  if (cached?.key === key) return cached.config;
  const issuer = new URL(provider.issuer);
  const secret = provider.clientSecretEncrypted ? secrets.decrypt(provider.clientSecretEncrypted) : undefined;
  const insecure = issuer.protocol === 'http:' && isLoopback(issuer.hostname);
  const config = oidc.discovery(issuer, provider.clientId, secret, secret ? undefined : oidc.None(), {
    ...(insecure ? { execute: [oidc.allowInsecureRequests] } : {}),
    timeout: 10,
  });
  // A failed discovery is not kept: the next signer tries again.
  config.then(
    (c) => {
      const endpoint = c.serverMetadata().authorization_endpoint;
      if (endpoint) authorizationOrigins.set(provider.id, new URL(endpoint).origin);
    },
    () => clients.delete(provider.id),
  );
  clients.set(provider.id, { key, config });
  return config;
}

export const forgetClient = (providerId: string) => {
  clients.delete(providerId);
  authorizationOrigins.delete(providerId);
};

/** Where signers are sent to authenticate, once a provider was discovered (it may differ from the issuer). */
const authorizationOrigins = new Map<string, string>();
export const authorizationOrigin = (providerId: string) => authorizationOrigins.get(providerId);
