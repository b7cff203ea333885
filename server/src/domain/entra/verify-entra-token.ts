// Checks a Microsoft Entra ID access token sent by the Outlook pane (nested app authentication): signature by a
// key of the authority's JWKS, audience our app registration, issuer one of the allowed tenants.
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';
import type { Settings } from '@secure-signature/shared';
import { DomainError } from '../errors';

export type EntraIdentity = { objectId: string; tenantId: string; email: string; name: string | null };

const DEFAULT_AUTHORITY = 'https://login.microsoftonline.com';
// One key set per authority: jose caches the keys and refetches when a token names an unknown key id.
const keySets = new Map<string, ReturnType<typeof createRemoteJWKSet>>();

export const entraEnabled = (s: Settings['microsoft']) => Boolean(s.tenantId && s.clientId);

/** The token's audience: the client id itself, or the Application ID URI api://<host>/<client id>. */
export const entraAudiences = (s: Settings['microsoft'], publicUrl: string) => [s.clientId, `api://${new URL(publicUrl).host}/${s.clientId}`];

export async function verifyEntraToken(token: string, s: Settings['microsoft'], opts: { publicUrl: string; now: Date }): Promise<EntraIdentity> {
  if (!entraEnabled(s)) throw new DomainError('unauthorized', 'Microsoft sign-in is not configured on this server');
  const authority = s.authorityHost.replace(/\/+$/, '');
  const jwksUrl = `${authority}/common/discovery/v2.0/keys`;
  let keys = keySets.get(jwksUrl);
  if (!keys) keySets.set(jwksUrl, (keys = createRemoteJWKSet(new URL(jwksUrl))));
  const tenants = [s.tenantId, ...s.allowedTenants].map((t) => t.toLowerCase());
  const issuers = tenants.flatMap((t) => [`${authority}/${t}/v2.0`, ...(authority === DEFAULT_AUTHORITY ? [`https://sts.windows.net/${t}/`] : [])]);
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, keys, {
      audience: entraAudiences(s, opts.publicUrl),
      issuer: issuers,
      algorithms: ['RS256'],
      currentDate: opts.now,
      clockTolerance: 300,
    }));
  } catch (err) {
    if (err instanceof errors.JOSEError) throw new DomainError('unauthorized', `The Microsoft token was refused: ${reason(err)}`);
    throw err;
  }
  const claim = (name: string) => (typeof payload[name] === 'string' ? (payload[name] as string) : undefined);
  const tenantId = claim('tid')?.toLowerCase();
  const objectId = claim('oid');
  const email = claim('preferred_username') ?? claim('email') ?? claim('upn');
  if (!tenantId || !tenants.includes(tenantId) || !objectId || !email) {
    throw new DomainError('unauthorized', 'The Microsoft token lacks the tenant, object id or user name of an allowed tenant');
  }
  return { objectId, tenantId, email: email.toLowerCase(), name: claim('name') ?? null };
}

function reason(err: InstanceType<typeof errors.JOSEError>): string {
  if (err instanceof errors.JWTClaimValidationFailed) return `${err.claim} is not accepted here`;
  if (err instanceof errors.JWTExpired) return 'it has expired';
  if (err instanceof errors.JWSSignatureVerificationFailed || err instanceof errors.JWKSNoMatchingKey) return 'its signature is not from Microsoft Entra ID';
  return 'it is malformed';
}
