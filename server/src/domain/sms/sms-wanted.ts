// Whether a message kind also goes out by SMS, as the admin set it per kind (Settings → SMS notifications): off never,
// allowed when the sender asked for SMS notifications on the process, forced always. Only to a known phone number.
import type { Settings } from '@secure-signature/shared';

export type SmsKind = keyof Settings['smsNotifications'];

export function smsWanted(settings: Pick<Settings, 'smsNotifications'>, kind: SmsKind, senderAsked: boolean | undefined): boolean {
  const mode = settings.smsNotifications[kind];
  return mode === 'forced' || (mode === 'allowed' && Boolean(senderAsked));
}
