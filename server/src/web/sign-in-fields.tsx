// The user editor's sign-in part: username, phone, how the account signs in and the addresses it may sign in from
// with the username alone; and reading them back from the posted form.
import type { UserView } from '@secure-signature/shared';
import { DomainError } from '../domain/errors';

const methods = [
  ['password', 'Password'],
  ['sms_pin', 'Code by SMS to the phone'],
  ['username_only', 'Username only, from the IP restrictions'],
] as const;

export function SignInFields({ user }: { user: Pick<UserView, 'username' | 'phone' | 'authMethod' | 'allowedIps'> }) {
  return (
    <fieldset style="margin-top:12px">
      <legend>Sign-in</legend>
      <label for="username">Username</label>
      <input id="username" name="username" type="text" value={user.username ?? ''} />
      <label for="phone">Phone (for a sign-in code by SMS)</label>
      <input id="phone" name="phone" type="text" inputmode="tel" autocomplete="off" value={user.phone ?? ''} placeholder="+358 40 123 4567" />
      <label for="authMethod">Signs in with</label>
      <select id="authMethod" name="authMethod">
        {methods.map(([value, label]) => (
          <option value={value} selected={user.authMethod === value}>
            {label}
          </option>
        ))}
      </select>
      <label for="allowedIps">IP restrictions: addresses and ranges from which the username alone is enough (one per line, e.g. 192.0.2.0/24); from anywhere else the user needs the password</label>
      <textarea id="allowedIps" name="allowedIps" rows={3} class="mono">
        {user.allowedIps.join('\n')}
      </textarea>
    </fieldset>
  );
}

/** The sign-in fields the form carried (a form without them changes none). */
export function postedSignInFields(form: Record<string, unknown>): { username?: string; phone?: string; authMethod?: UserView['authMethod']; allowedIps?: string[] } {
  const text = (name: string) => (typeof form[name] === 'string' ? (form[name] as string).trim() : undefined);
  const out: ReturnType<typeof postedSignInFields> = { username: text('username'), phone: text('phone') };
  if (form.authMethod !== undefined) {
    out.authMethod = methods.find(([m]) => m === form.authMethod)?.[0];
    if (!out.authMethod) throw new DomainError('invalid_input', 'Choose how the user signs in', 'authMethod');
  }
  const ips = text('allowedIps');
  if (ips !== undefined) out.allowedIps = ips.split(/[\r\n,]+/).map((s) => s.trim()).filter(Boolean);
  return out;
}
