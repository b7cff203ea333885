// Starting points for common identity providers: the scopes, claims and acr_values they are usually set up with.
// The issuer and client come from the admin's own agreement with the provider; check the values against it.
import type { IdentityProviderInput } from '@secure-signature/shared';

type Preset = Pick<IdentityProviderInput, 'scopes' | 'nameClaim' | 'idNumberClaim' | 'acrValues'> & { label: string; hint: string };

export const identityProviderPresets: Record<IdentityProviderInput['preset'], Preset> = {
  custom: { label: 'Other OpenID Connect provider', hint: 'Any provider with discovery at <issuer>/.well-known/openid-configuration.', scopes: 'openid profile', nameClaim: 'name', idNumberClaim: '', acrValues: '' },
  ftn: {
    label: 'Finnish Trust Network broker',
    hint: 'Finnish bank IDs and mobile certificate through an FTN broker; the personal identity code (HETU) comes as a claim.',
    scopes: 'openid profile personal_identity_code',
    nameClaim: 'name',
    idNumberClaim: 'personal_identity_code',
    acrValues: 'http://ftn.ficora.fi/2017/loa2',
  },
  signicat: { label: 'Signicat', hint: 'Signicat OIDC; the national identity number is the nin claim.', scopes: 'openid profile nin', nameClaim: 'name', idNumberClaim: 'nin', acrValues: '' },
  telia: { label: 'Telia', hint: 'Telia identification broker (Finnish bank IDs).', scopes: 'openid profile hetu', nameClaim: 'name', idNumberClaim: 'hetu', acrValues: '' },
  suomifi: {
    label: 'Suomi.fi e-Identification',
    hint: 'Suomi.fi OpenID Connect; needs an agreement with the Digital and Population Data Services Agency.',
    scopes: 'openid profile personal_identity_code',
    nameClaim: 'name',
    idNumberClaim: 'personal_identity_code',
    acrValues: 'http://eidas.europa.eu/LoA/substantial',
  },
  'se-bankid': { label: 'Swedish BankID (broker)', hint: 'Swedish BankID through an OIDC broker; the personnummer is the ssn claim.', scopes: 'openid', nameClaim: 'name', idNumberClaim: 'ssn', acrValues: 'urn:grn:authn:se:bankid' },
  'no-bankid': { label: 'Norwegian BankID (broker)', hint: 'Norwegian BankID through an OIDC broker; the fødselsnummer is the ssn claim.', scopes: 'openid', nameClaim: 'name', idNumberClaim: 'ssn', acrValues: 'urn:grn:authn:no:bankid' },
};
