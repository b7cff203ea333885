// The admin's OpenID Connect identity providers (bank ID brokers, Suomi.fi, …): each one is a signature method
// "oidc:<id>" signers authenticate with. Presets fill in what is known about a kind of provider.
import { z } from 'zod';

export const identityProviderPresets = ['custom', 'ftn', 'signicat', 'telia', 'suomifi', 'se-bankid', 'no-bankid'] as const;

export const identityProviderInput = z.object({
  id: z
    .string()
    .trim()
    .regex(/^[a-z0-9-]{1,40}$/, { error: 'use lower-case letters, digits and dashes (at most 40)' }),
  name: z.string().trim().min(1).max(100),
  preset: z.enum(identityProviderPresets).default('custom'),
  issuer: z.url({ protocol: /^https?$/ }),
  clientId: z.string().trim().min(1).max(300),
  /** Write-only: the API shows a mask in its place; sending the mask back keeps the stored secret. */
  clientSecret: z.string().max(1000).default(''),
  /** Empty: the preset's. */
  scopes: z.string().trim().max(500).default(''),
  /** The claim with the person's full name; empty: the preset's. */
  nameClaim: z.string().trim().max(100).default(''),
  /** The claim with the national identity number; empty: the preset's (none for a custom provider). */
  idNumberClaim: z.string().trim().max(100).default(''),
  /** acr_values to ask for, e.g. a level of assurance; empty: none. */
  acrValues: z.string().trim().max(300).default(''),
  enabled: z.boolean().default(true),
});
export type IdentityProviderInput = z.infer<typeof identityProviderInput>;
export type IdentityProviderView = IdentityProviderInput;
