// The identity provider sends the signer back: the one-time request is claimed (unused, unexpired, same
// browser), the code exchanged with the PKCE verifier and the nonce checked (openid-client), the verified name
// and identity number read from the claims, matched against the person the sender named, and the signature
// recorded with them. A refusal names the signer's link, so the page can say what went wrong.
import * as oidc from 'openid-client';
import { and, eq, gt, isNull } from 'drizzle-orm';
import { identityProviders, oidcRequests, signers } from '../../db/schema';
import { recordAuditEvent } from '../audit/record-audit-event';
import type { Ctx } from '../context';
import { DomainError } from '../errors';
import { hashToken, safeEqual } from '../secrets';
import { signAsSigner } from '../signer/sign-as-signer';
import { oidcClient } from './oidc-client';
import { checkSigningRight } from '../signing-right/check-signing-right';
import { getSettings } from '../settings/get-settings';

export type OidcOutcome = { token: string; refusal?: DomainError };

const refuse = (textKey: string, message: string, params?: Record<string, string>) => new DomainError('conflict', message, undefined, textKey, params);
/** Identity numbers compared without case, spaces or dashes' position mattering. */
const sameNumber = (a: string, b: string) => a.replace(/[\s-]/g, '').toUpperCase() === b.replace(/[\s-]/g, '').toUpperCase();

export async function finishOidcSigning(ctx: Ctx, input: { callbackUrl: URL; browserSecret?: string; userAgent?: string }): Promise<OidcOutcome> {
  const state = input.callbackUrl.searchParams.get('state');
  if (!state) throw new DomainError('invalid_input', 'The answer from the identity provider has no state: start again from the link in your invitation', 'state');
  const [request] = await ctx.db.select().from(oidcRequests).where(eq(oidcRequests.stateHash, hashToken(state)));
  if (!request) throw new DomainError('invalid_input', 'This sign-in is not known here: start again from the link in your invitation', 'state');
  const token = ctx.secrets.signerToken(request.signerId);

  // Claim the request once: a replayed or late callback finds it used or expired.
  const claimed = await ctx.db
    .update(oidcRequests)
    .set({ usedAt: ctx.clock() })
    .where(and(eq(oidcRequests.id, request.id), isNull(oidcRequests.usedAt), gt(oidcRequests.expiresAt, ctx.clock())))
    .returning({ id: oidcRequests.id });
  if (claimed.length === 0) return { token, refusal: refuse('sign.oidcUsed', 'This sign-in was already used or has expired') };
  if (!input.browserSecret || !safeEqual(hashToken(input.browserSecret), request.browserHash)) {
    return { token, refusal: refuse('sign.oidcOtherBrowser', 'The sign-in was started in another browser') };
  }
  const [provider] = await ctx.db.select().from(identityProviders).where(eq(identityProviders.id, request.providerId));
  if (!provider) return { token, refusal: refuse('sign.errorMethod', 'The identity provider was removed') };
  const failed = () => refuse('sign.oidcFailed', `Authentication with ${provider.name} did not succeed`, { provider: provider.name });
  if (input.callbackUrl.searchParams.has('error')) return { token, refusal: failed() }; // cancelled or refused at the provider

  let claims: Record<string, unknown>;
  try {
    const config = await oidcClient(provider, ctx.secrets);
    const tokens = await oidc.authorizationCodeGrant(config, input.callbackUrl, {
      pkceCodeVerifier: ctx.secrets.decrypt(request.codeVerifierEncrypted),
      expectedState: state,
      expectedNonce: request.nonce,
      idTokenExpected: true,
    });
    const idClaims = tokens.claims()!;
    // Providers put profile claims in the ID token or only in userinfo; take both, the ID token first.
    const userinfo = config.serverMetadata().userinfo_endpoint
      ? await oidc.fetchUserInfo(config, tokens.access_token, idClaims.sub).catch(() => ({}))
      : {};
    claims = { ...userinfo, ...idClaims };
  } catch (err) {
    ctx.log.warn('identity provider sign-in failed', { provider: provider.id, error: err instanceof Error ? err.message : String(err) });
    return { token, refusal: failed() };
  }

  const name = typeof claims[provider.nameClaim] === 'string' ? (claims[provider.nameClaim] as string).trim() : '';
  const idNumber = provider.idNumberClaim && typeof claims[provider.idNumberClaim] === 'string' ? (claims[provider.idNumberClaim] as string).trim() : '';
  if (!name) return { token, refusal: failed() };

  const [signer] = await ctx.db.select().from(signers).where(eq(signers.id, request.signerId));
  if (signer.identityNumber && !(idNumber && sameNumber(idNumber, signer.identityNumber))) {
    await recordAuditEvent(ctx, {
      processId: signer.processId,
      type: 'identity_refused',
      message: `Signature refused: ${name} authenticated with ${provider.name}, but the sender asked ${signer.email} to sign with another identity`,
      actor: signer.email,
    });
    return { token, refusal: refuse('sign.identityMismatch', 'Another person authenticated') };
  }

  const identity: Record<string, string> = { provider: provider.name, name, ...(idNumber ? { idNumber } : {}), subject: String(claims.sub ?? '') };
  if (signer.businessId) {
    const refusal = await confirmSigningRight(ctx, signer, identity);
    if (refusal) return { token, refusal };
    identity.signingRightFor = signer.businessId;
  }

  try {
    await signAsSigner(ctx, { token, method: `oidc:${provider.id}`, userAgent: input.userAgent, verifiedIdentity: identity, blockId: request.blockId ?? undefined, accountUserId: request.accountUserId ?? undefined });
  } catch (err) {
    if (err instanceof DomainError) return { token, refusal: err };
    throw err;
  }
  return { token };
}

/** Signing for a company: the signing-right service must say yes. A no is recorded (audit trail, and the reason
 *  on the signer for their page); a service that cannot answer refuses nothing for good. */
async function confirmSigningRight(ctx: Ctx, signer: typeof signers.$inferSelect, identity: Record<string, string>): Promise<DomainError | undefined> {
  const businessId = signer.businessId!;
  let answer;
  try {
    answer = await checkSigningRight((await getSettings(ctx)).signingRights, { businessId, identityNumber: identity.idNumber ?? '', name: identity.name });
  } catch (err) {
    ctx.log.warn('signing-right check failed', { error: err instanceof Error ? err.message : String(err) });
    return refuse('sign.rightUnavailable', 'The signing right could not be checked just now');
  }
  if (answer.allowed) {
    await recordAuditEvent(ctx, { processId: signer.processId, type: 'signing_right_confirmed', message: `Signing right of ${identity.name} for ${businessId} confirmed`, actor: signer.email });
    return undefined;
  }
  const reason = answer.reason?.trim() || 'no right to sign for this company';
  await ctx.db.update(signers).set({ signingRightRefusal: reason }).where(eq(signers.id, signer.id));
  await recordAuditEvent(ctx, {
    processId: signer.processId,
    type: 'signing_right_refused',
    message: `Signing right of ${identity.name} for ${businessId} refused: ${reason}`,
    actor: signer.email,
  });
  return refuse('sign.rightRefused', `No right to sign for ${businessId}: ${reason}`);
}
