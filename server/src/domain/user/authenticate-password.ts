// Checks a username-or-email and password, counting failures: after the admin's number of wrong passwords the
// account is locked for a while, whatever password is tried, so guessing is slow.
import { eq } from 'drizzle-orm';
import { users } from '../../db/schema';
import { toActor } from './actor';
import { findLoginUser } from './find-login-user';
import type { Ctx, UserActor } from '../context';
import { DomainError } from '../errors';
import { getSettings } from '../settings/get-settings';
import { verifyPassword } from './password';

export async function authenticatePassword(
  ctx: Ctx,
  input: { login: string; password: string },
): Promise<UserActor> {
  const found = await findLoginUser(ctx, input);
  const user = found?.user;
  const now = ctx.clock();
  const ok = await verifyPassword(input.password, user?.passwordHash ?? null);
  const { authentication } = await getSettings(ctx);
  if (!user) throw new DomainError('unauthorized', 'Wrong username or password');
  if (user.locked) throw new DomainError('forbidden', 'This account is locked; ask an administrator');
  if (user.lockedUntil && user.lockedUntil > now) {
    throw new DomainError('rate_limited', 'Too many failed sign-ins: the account is locked for a while');
  }
  if (!ok) {
    const failures = user.failedLogins + 1;
    const lock = failures >= authentication.passwordTries;
    await ctx.db
      .update(users)
      .set({
        failedLogins: lock ? 0 : failures,
        lockedUntil: lock ? new Date(now.getTime() + authentication.lockMinutes * 60_000) : user.lockedUntil,
      })
      .where(eq(users.id, user.id));
    ctx.log.warn('sign-in failed', { userId: user.id, locked: lock });
    throw new DomainError('unauthorized', 'Wrong username or password');
  }
  if (user.failedLogins > 0) await ctx.db.update(users).set({ failedLogins: 0 }).where(eq(users.id, user.id));
  return toActor({ ...user, own: user.privileges, fromGroup: found!.fromGroup });
}
