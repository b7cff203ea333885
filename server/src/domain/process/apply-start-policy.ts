// The admin's start-form policy (Settings → Start form, and a PIN for every signer) holds for every way of starting a process, not only the
// forms that hide what is not allowed: the API refuses a forced signing order or the sender as a signer when the
// admin does not allow them, and places the signatures page where the admin says when senders may not choose.
import type { SignatureMethod, Settings, StartProcessInput } from '@secure-signature/shared';
import type { UserActor } from '../context';
import { invalidInput } from '../errors';

/** The process as it will be stored: the admin's rules checked, and the methods and page position filled in. */
export function applyStartPolicy(
  settings: Pick<Settings, 'startForm' | 'signerPin' | 'signatureMethods' | 'signerDetails' | 'signingRights' | 'reminders'>,
  process: StartProcessInput,
  sender: Pick<UserActor, 'email'>,
  /** The methods the admin enabled (availableMethods): built-in ones and identity providers. */
  enabled: SignatureMethod[],
): StartProcessInput & { signatureMethods: SignatureMethod[] } {
  const policy = settings.startForm;
  if (enabled.length === 0) throw invalidInput('No signature method is enabled: an administrator must enable one', 'signatureMethods');
  if (process.signatureMethods && !settings.signatureMethods.sendersChoose) {
    throw invalidInput('The administrator does not let senders choose the signature methods', 'signatureMethods');
  }
  if (settings.signerDetails.organizationAndTitle === 'disabled') {
    const i = process.signers.findIndex((s) => s.organization || s.jobTitle);
    if (i >= 0) throw invalidInput('The administrator has turned off organisations and position titles of signers', `signers.${i}.organization`);
  }
  const off = process.signatureMethods?.find((m) => !enabled.includes(m));
  if (off) throw invalidInput(`The signature method ${off} is not enabled`, 'signatureMethods');
  const signatureMethods = process.signatureMethods ?? enabled;
  // Signing for a company needs a verified identity to check the right against.
  const forCompany = process.signers.findIndex((s) => s.businessId);
  if (forCompany >= 0) {
    if (!settings.signingRights.url) throw invalidInput('Signing for a company needs the signing-right service (Admin → Settings → Signing rights)', `signers.${forCompany}.businessId`);
    if (!signatureMethods.some((m) => m.startsWith('oidc:'))) {
      throw invalidInput('Signing for a company needs an identity-provider method, to check who signs', `signers.${forCompany}.businessId`);
    }
  }
  if (settings.signerPin.requireForEverySigner || policy.requirePhone) {
    const i = process.signers.findIndex((s) => !s.phone);
    const why = settings.signerPin.requireForEverySigner ? 'every signer gets an SMS PIN here' : 'the administrator requires one of every signer';
    if (i >= 0) throw invalidInput(`Signer ${i + 1} needs a phone number: ${why}`, `signers.${i}.phone`);
  }
  if (process.signingOrder && !policy.allowSigningOrder) {
    throw invalidInput('The administrator does not allow forcing the signing order', 'signingOrder');
  }
  if (process.reminders && !settings.reminders.sendersOverride) {
    throw invalidInput('The administrator does not let senders set reminders', 'reminders');
  }
  if (process.forceDownload && !policy.allowForceDownload) {
    throw invalidInput('The administrator does not allow requiring downloads before signing', 'forceDownload');
  }
  if (process.smsNotifications && !policy.allowSmsNotifications) {
    throw invalidInput('The administrator does not allow invitations by SMS', 'smsNotifications');
  }
  if ((process.allowSignAndForward || process.allowForward) && !policy.allowForwarding) {
    throw invalidInput('The administrator does not allow signers to forward', process.allowForward ? 'allowForward' : 'allowSignAndForward');
  }
  if (!policy.allowSenderSigns && process.signers.some((s) => s.email.toLowerCase() === sender.email.toLowerCase())) {
    throw invalidInput('The administrator does not allow senders to sign their own processes', 'signers');
  }
  return { ...process, signatureMethods, signaturePagePosition: policy.allowSignaturePageChoice ? process.signaturePagePosition : policy.signaturePagePosition };
}
