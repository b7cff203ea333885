// A signer chooses to sign with an identity provider: a one-time request (state, nonce, PKCE verifier) bound to
// this browser is stored, and the browser is sent to the provider's authorization endpoint.
import { randomUUID } from 'node:crypto';
import * as oidc from 'openid-client';
import { and, eq } from 'drizzle-orm';
import { identityProviders, oidcRequests, signers } from '../../db/schema';
import { getSettings } from '../settings/get-settings';
import { inTransaction, type Ctx } from '../context';
import { DomainError, notFound } from '../errors';
import { hashToken } from '../secrets';
import { findSignerByToken } from '../signer/find-signer-by-token';
import { assertCanSign, assertDownloadedAll, checkPurpose } from '../signer/sign-as-signer';
import { oidcClient } from './oidc-client';
import { blockToSign } from '../signature-block/block-to-sign';
import { authenticateInternalSigner } from '../signer/authenticate-internal-signer';

export const OIDC_REQUEST_MINUTES = 15;
export const oidcRedirectUri = (publicUrl: string) => `${publicUrl}/s/oidc/callback`;

export async function startOidcSigning(
  ctx: Ctx,
  input: { token: string; providerId: string; browserSecret: string; language: string; purpose?: string; blockId?: string; password?: string },
): Promise<URL> {
  const { signer, process } = await findSignerByToken(ctx, { token: input.token });
  assertCanSign(process.status, signer.status);
  // Chosen before the redirect, kept on the signer row until the signature records it.
  const purpose = checkPurpose((await getSettings(ctx)).signingPurposes.purposes, input.purpose || undefined);
  const method = `oidc:${input.providerId}`;
  if (!process.signatureMethods.includes(method)) throw new DomainError('conflict', `The method ${method} is not offered in this process`, undefined, 'sign.errorMethod');
  // With blocks: the open one, which this signer may sign (checked again when the provider sends them back).
  const block = await blockToSign(ctx, { processId: process.id, email: signer.email, blockId: input.blockId });
  if (process.forceDownload) await assertDownloadedAll(ctx, process.id, signer.id, block?.documentIds);
  // A user of this service re-enters the account's password here, as on the other ways to sign.
  const account = await authenticateInternalSigner(ctx, { email: signer.email, password: input.password });
  const [provider] = await ctx.db.select().from(identityProviders).where(and(eq(identityProviders.id, input.providerId), eq(identityProviders.enabled, true)));
  if (!provider) throw notFound('Identity provider');

  let config: oidc.Configuration;
  try {
    config = await oidcClient(provider, ctx.secrets);
  } catch (err) {
    ctx.log.warn('identity provider discovery failed', { provider: provider.id, error: err instanceof Error ? err.message : String(err) });
    throw new DomainError('conflict', `${provider.name} cannot be reached just now`, undefined, 'sign.oidcUnavailable', { provider: provider.name });
  }
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const verifier = oidc.randomPKCECodeVerifier();
  await inTransaction(ctx, async (tx) => {
    await tx.db.update(signers).set({ purpose }).where(eq(signers.id, signer.id));
    await tx.db.insert(oidcRequests).values({
      id: randomUUID(),
      stateHash: hashToken(state),
      browserHash: hashToken(input.browserSecret),
      signerId: signer.id,
      providerId: provider.id,
      codeVerifierEncrypted: tx.secrets.encrypt(verifier),
      nonce,
      blockId: block?.id ?? null,
      accountUserId: account?.userId ?? null,
      createdAt: tx.clock(),
      expiresAt: new Date(tx.clock().getTime() + OIDC_REQUEST_MINUTES * 60_000),
    });
  });
  return oidc.buildAuthorizationUrl(config, {
    redirect_uri: oidcRedirectUri(ctx.config.publicUrl),
    scope: provider.scopes,
    state,
    nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    ui_locales: input.language,
    // A signature is a fresh act: never ride on a session the provider still has in this browser.
    prompt: 'login',
    ...(provider.acrValues ? { acr_values: provider.acrValues } : {}),
  });
}
