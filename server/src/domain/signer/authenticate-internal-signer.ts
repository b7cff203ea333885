// A signer whose email belongs to an account of this service signs as that user: they re-enter the account's
// password (wrong ones count towards the account's lock), and a signing key the admin gave them makes the sign
// hash. Runs before the signing transaction, so a wrong password's count survives the refusal.
import { and, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { userSigningKeys, users } from '../../db/schema';
import type { Ctx } from '../context';
import { DomainError } from '../errors';
import { getSettings } from '../settings/get-settings';
import type { Settings } from '@secure-signature/shared';
import { authenticatePassword } from '../user/authenticate-password';

export interface InternalSigner {
  userId: string;
  /** The user's own signing key, when the admin gave them one. */
  key: { id: string; privateKeyPem: string } | null;
}

/** The account a signer's email belongs to, when the admin wants such signers to re-enter its password. */
export async function accountOfSigner(ctx: Ctx, input: { email: string; settings?: Settings }): Promise<{ id: string } | null> {
  if (!(input.settings ?? (await getSettings(ctx))).signingPurposes.usersReenterPassword) return null;
  const [user] = await ctx.db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(sql`lower(${users.email})`, input.email.toLowerCase()), isNotNull(users.passwordHash)))
    .limit(1);
  return user ?? null;
}

export async function authenticateInternalSigner(ctx: Ctx, input: { email: string; password?: string }): Promise<InternalSigner | null> {
  const account = await accountOfSigner(ctx, input);
  if (!account) return null;
  if (!input.password) throw new DomainError('invalid_input', 'Enter the password of your account to sign', 'password', 'sign.errorPasswordNeeded');
  try {
    await authenticatePassword(ctx, { login: input.email, password: input.password });
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    if (err.code === 'unauthorized') throw new DomainError('invalid_input', 'Wrong password', 'password', 'sign.errorPassword');
    throw new DomainError(err.code, err.message, 'password', 'sign.errorAccountLocked');
  }
  return internalSigner(ctx, account.id);
}

/** The user and their current signing key, once the password was checked (for identity-provider signatures,
 *  before the redirect). */
export async function internalSigner(ctx: Ctx, userId: string): Promise<InternalSigner> {
  const [key] = await ctx.db
    .select()
    .from(userSigningKeys)
    .where(and(eq(userSigningKeys.userId, userId), isNull(userSigningKeys.retiredAt)))
    .limit(1);
  return { userId, key: key ? { id: key.id, privateKeyPem: ctx.secrets.decrypt(key.privateKeyEncrypted) } : null };
}
