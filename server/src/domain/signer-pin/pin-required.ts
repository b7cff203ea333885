// Whether a signer's link asks for an SMS PIN first: when the sender gave the signer a phone number, or when the
// admin requires a PIN of every signer.
import type { Settings } from '@secure-signature/shared';

export const pinRequired = (signer: { phone: string | null }, settings: Pick<Settings, 'signerPin'>) =>
  Boolean(signer.phone) || settings.signerPin.requireForEverySigner;

/** The number as the signer is shown it: its last two digits, enough to recognise ("+••••••••67"). */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/[^0-9]/g, '');
  return `${phone.trim().startsWith('+') ? '+' : ''}${'•'.repeat(Math.max(0, digits.length - 2))}${digits.slice(-2)}`;
}
