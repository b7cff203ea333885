// The configured identity providers, and the signature methods they add beside click-to-sign and handwritten.
import { SECRET_MASK, type IdentityProviderView, type SignatureMethod } from '@secure-signature/shared';
import { asc, eq } from 'drizzle-orm';
import { identityProviders } from '../../db/schema';
import type { Ctx } from '../context';
import { getSettings } from '../settings/get-settings';

export async function listIdentityProviders(ctx: Pick<Ctx, 'db'>, opts: { enabledOnly?: boolean } = {}) {
  const query = ctx.db.select().from(identityProviders).orderBy(asc(identityProviders.name));
  return opts.enabledOnly ? query.where(eq(identityProviders.enabled, true)) : query;
}

/** For the admin: every provider, its secret masked. */
export async function identityProviderViews(ctx: Pick<Ctx, 'db'>): Promise<IdentityProviderView[]> {
  return (await listIdentityProviders(ctx)).map((p) => ({
    id: p.id,
    name: p.name,
    preset: p.preset as IdentityProviderView['preset'],
    issuer: p.issuer,
    clientId: p.clientId,
    clientSecret: p.clientSecretEncrypted ? SECRET_MASK : '',
    scopes: p.scopes,
    nameClaim: p.nameClaim,
    idNumberClaim: p.idNumberClaim,
    acrValues: p.acrValues,
    enabled: p.enabled,
  }));
}

const BUILT_IN_LABELS = { button: 'Click to sign (OK button)', handwritten: 'Handwritten signature' } as const;

/** Every signature method the admin enabled, with the label senders and signers see. */
export async function availableMethods(ctx: Ctx): Promise<{ id: SignatureMethod; label: string }[]> {
  const settings = await getSettings(ctx);
  const builtIn = (['button', 'handwritten'] as const).filter((m) => settings.signatureMethods[m]).map((m) => ({ id: m, label: BUILT_IN_LABELS[m] }));
  const providers = (await listIdentityProviders(ctx, { enabledOnly: true })).map((p) => ({ id: `oidc:${p.id}` as SignatureMethod, label: p.name }));
  return [...builtIn, ...providers];
}

/** The label of a method as the signatures page prints it, including methods of providers since removed. */
export async function methodLabels(ctx: Pick<Ctx, 'db'>): Promise<(method: string | null) => string> {
  const names = new Map((await listIdentityProviders(ctx)).map((p) => [`oidc:${p.id}`, `${p.name} (identity provider)`]));
  const labels: Record<string, string> = { button: 'OK button', handwritten: 'Handwritten signature' };
  return (method) => (method ? (labels[method] ?? names.get(method) ?? method) : '');
}
