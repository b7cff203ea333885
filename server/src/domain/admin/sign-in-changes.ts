// How an account signs in, as an admin changes it: username, phone, method and IP restrictions, checked together so
// an account is never left with a method it cannot use (an SMS PIN without a phone, the username alone from
// anywhere).
import type { UpdateUserInput } from '@secure-signature/shared';
import type { users } from '../../db/schema';
import { invalidInput } from '../errors';
import { normaliseAllowedIps } from '../user/normalise-allowed-ips';

type User = typeof users.$inferSelect;

export function signInChanges(before: User, c: UpdateUserInput): Partial<Pick<User, 'username' | 'phone' | 'authMethod' | 'allowedIps'>> {
  const set: Partial<Pick<User, 'username' | 'phone' | 'authMethod' | 'allowedIps'>> = {};
  if (c.username !== undefined) set.username = c.username || null;
  if (c.phone !== undefined) {
    if (c.phone && !/^\+?[0-9 ()-]{6,20}$/.test(c.phone)) throw invalidInput('The phone number is not valid: give it as +358 40 123 4567', 'phone');
    set.phone = c.phone ? c.phone.replace(/[\s()-]/g, '') : null;
  }
  if (c.authMethod !== undefined) set.authMethod = c.authMethod;
  if (c.allowedIps !== undefined) set.allowedIps = normaliseAllowedIps(c.allowedIps);
  const method = set.authMethod ?? before.authMethod;
  const ips = set.allowedIps ?? before.allowedIps;
  const phone = set.phone !== undefined ? set.phone : before.phone;
  if (method === 'username_only' && ips.length === 0) {
    throw invalidInput('Sign-in with the username alone needs an IP restriction: add the addresses or ranges the user signs in from', 'allowedIps');
  }
  if (method === 'sms_pin' && !phone) throw invalidInput('Sign-in by SMS PIN needs the phone number the PIN is sent to', 'phone');
  return set;
}
