// The second step of an SMS PIN sign-in: the newest code sent, unused and in time. Wrong codes count; at the admin's
// number of PIN tries the account locks until an administrator unlocks it in the user editor (logged).
import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import { adminAuditEvents, loginPins, sessions, users } from '../../db/schema';
import { inTransaction, type Ctx, type UserActor } from '../context';
import { DomainError } from '../errors';
import { LOGIN_PIN_LENGTH } from '../mail/templates';
import { safeEqual } from '../secrets';
import { getSettings } from '../settings/get-settings';
import { toActor } from './actor';
import { findLoginUser } from './find-login-user';

export async function verifyLoginPin(ctx: Ctx, input: { login: string; pin: string }): Promise<UserActor> {
  const found = await findLoginUser(ctx, input);
  const user = found?.user;
  if (!user || user.authMethod !== 'sms_pin') throw new DomainError('unauthorized', 'Wrong username or code');
  if (user.locked) throw new DomainError('forbidden', 'This account is locked; ask an administrator');
  const { pinTries } = (await getSettings(ctx)).authentication;
  const now = ctx.clock();
  const outcome = await inTransaction(ctx, async (tx) => {
    const [pin] = await tx.db
      .select()
      .from(loginPins)
      .where(and(eq(loginPins.userId, user.id), isNull(loginPins.usedAt), gt(loginPins.expiresAt, now)))
      .orderBy(desc(loginPins.createdAt))
      .limit(1)
      .for('update');
    if (!pin) return 'expired' as const;
    if (safeEqual(input.pin.trim(), tx.secrets.pinCode(pin.id, 'digits', LOGIN_PIN_LENGTH))) {
      await tx.db.update(loginPins).set({ usedAt: now }).where(eq(loginPins.id, pin.id));
      await tx.db.update(users).set({ failedPins: 0 }).where(eq(users.id, user.id));
      return 'ok' as const;
    }
    const [{ failedPins }] = await tx.db.update(users).set({ failedPins: user.failedPins + 1 }).where(eq(users.id, user.id)).returning({ failedPins: users.failedPins });
    if (failedPins < pinTries) return pinTries - failedPins;
    await tx.db.update(users).set({ locked: true, failedPins: 0 }).where(eq(users.id, user.id));
    await tx.db.delete(sessions).where(eq(sessions.userId, user.id));
    await tx.db.insert(adminAuditEvents).values({ actor: 'system', action: 'account_locked', details: { email: user.email, reason: `${pinTries} wrong sign-in PINs` }, ip: tx.ip ?? null, createdAt: now });
    return 'locked' as const;
  });
  if (outcome === 'ok') return toActor({ ...user, own: user.privileges, fromGroup: found!.fromGroup });
  if (outcome === 'expired') throw new DomainError('unauthorized', 'The code has expired or was used; sign in again to get a new one');
  if (outcome === 'locked') {
    ctx.log.warn('account locked after wrong sign-in PINs', { userId: user.id });
    throw new DomainError('forbidden', 'Too many wrong codes: this account is locked; ask an administrator');
  }
  throw new DomainError('unauthorized', `Wrong code. Tries left: ${outcome}`);
}
