// An admin adds or changes an identity provider: validated, the issuer must be https (http only on this machine,
// for tests), the client secret encrypted at rest and kept when the mask is sent back; logged in the admin log.
import { SECRET_MASK, identityProviderInput, type IdentityProviderInput, type IdentityProviderView } from '@secure-signature/shared';
import { identityProviderPresets } from './presets';
import { eq } from 'drizzle-orm';
import { identityProviders } from '../../db/schema';
import { recordAdminEvent } from '../admin/record-admin-event';
import { requireAdminActor } from '../admin/require-admin';
import { inTransaction, type Ctx } from '../context';
import { DomainError, invalidInput, notFound } from '../errors';
import { forgetClient, isLoopback } from './oidc-client';

export async function saveIdentityProvider(ctx: Ctx, input: { body: unknown; existingId?: string }): Promise<IdentityProviderView> {
  requireAdminActor(ctx);
  const parsed = identityProviderInput.safeParse(input.body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw invalidInput(`${issue.path.join('.')}: ${issue.message}`, issue.path.join('.'));
  }
  const p = withPresetDefaults(parsed.data);
  const issuer = new URL(p.issuer);
  if (issuer.protocol !== 'https:' && !isLoopback(issuer.hostname)) throw invalidInput('The issuer must be an https URL', 'issuer');
  return inTransaction(ctx, async (tx) => {
    const [existing] = await tx.db.select().from(identityProviders).where(eq(identityProviders.id, input.existingId ?? p.id));
    if (input.existingId && !existing) throw notFound('Identity provider');
    if (!input.existingId && existing) throw new DomainError('conflict', `An identity provider with the id ${p.id} exists already`, 'id');
    if (input.existingId && p.id !== input.existingId) throw invalidInput('The id of a provider cannot change (processes refer to it)', 'id');
    const secret = p.clientSecret === SECRET_MASK ? existing?.clientSecretEncrypted ?? null : p.clientSecret ? tx.secrets.encrypt(p.clientSecret) : null;
    const values = {
      name: p.name,
      preset: p.preset,
      issuer: p.issuer,
      clientId: p.clientId,
      clientSecretEncrypted: secret,
      scopes: p.scopes.split(/\s+/).includes('openid') ? p.scopes : `openid ${p.scopes}`.trim(),
      nameClaim: p.nameClaim,
      idNumberClaim: p.idNumberClaim,
      acrValues: p.acrValues,
      enabled: p.enabled,
      updatedAt: tx.clock(),
    };
    if (existing) await tx.db.update(identityProviders).set(values).where(eq(identityProviders.id, p.id));
    else await tx.db.insert(identityProviders).values({ id: p.id, ...values, createdAt: tx.clock() });
    await recordAdminEvent(tx, {
      action: existing ? 'identity_provider.changed' : 'identity_provider.added',
      details: { id: p.id, name: p.name, issuer: p.issuer, enabled: p.enabled, secretChanged: p.clientSecret !== SECRET_MASK },
    });
    forgetClient(p.id);
    return { ...p, clientSecret: secret ? SECRET_MASK : '' };
  });
}

export async function deleteIdentityProvider(ctx: Ctx, input: { id: string }): Promise<void> {
  requireAdminActor(ctx);
  await inTransaction(ctx, async (tx) => {
    const removed = await tx.db.delete(identityProviders).where(eq(identityProviders.id, input.id)).returning({ id: identityProviders.id });
    if (removed.length === 0) throw notFound('Identity provider');
    await recordAdminEvent(tx, { action: 'identity_provider.removed', details: { id: input.id } });
    forgetClient(input.id);
  });
}

/** Empty scopes, claims and acr_values take the preset's values (the form leaves them empty for a new provider). */
function withPresetDefaults(p: IdentityProviderInput): IdentityProviderInput {
  const preset = identityProviderPresets[p.preset];
  return {
    ...p,
    scopes: p.scopes || preset.scopes,
    nameClaim: p.nameClaim || preset.nameClaim,
    idNumberClaim: p.idNumberClaim || preset.idNumberClaim,
    acrValues: p.acrValues || preset.acrValues,
  };
}
