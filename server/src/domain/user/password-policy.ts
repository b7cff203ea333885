// The admin's password policy (Settings → Authentication), checked wherever a password is set: by an admin, by
// the user on their account page, and through a reset link.
import type { Settings } from '@secure-signature/shared';
import { invalidInput } from '../errors';

export function passwordProblems(password: string, policy: Settings['authentication']): string[] {
  const problems: string[] = [];
  if (password.length < policy.passwordMinLength) problems.push(`at least ${policy.passwordMinLength} characters`);
  if (policy.requireLowercase && !/\p{Ll}/u.test(password)) problems.push('a lower-case letter');
  if (policy.requireUppercase && !/\p{Lu}/u.test(password)) problems.push('an upper-case letter');
  if (policy.requireDigit && !/\p{Nd}/u.test(password)) problems.push('a digit');
  if (policy.requireSpecial && !/[^\p{L}\p{Nd}]/u.test(password)) problems.push('a special character');
  return problems;
}

/** Refuses a password that breaks the policy, naming everything it lacks. */
export function assertPasswordPolicy(password: string, policy: Settings['authentication'], field = 'password'): void {
  const problems = passwordProblems(password, policy);
  if (problems.length) throw invalidInput(`The password needs ${problems.join(', ')}`, field);
}
