// Password reset by email, when the admin allows it: a user orders a link (the answer never says whether the
// account exists), the link is derived from the reset's id under the server secret and works once within an hour;
// setting the new password follows the policy, ends every session and clears a lockout.
import { randomUUID } from 'node:crypto';
import { and, count, eq, gt, isNull, or, sql } from 'drizzle-orm';
import { passwordResets, sessions, users } from '../../db/schema';
import { recordAdminEvent } from '../admin/record-admin-event';
import { inTransaction, type Ctx } from '../context';
import { DomainError } from '../errors';
import { queueMessage } from '../mail/queue-message';
import { isUuid } from '../process/find-own-process';
import { safeEqual } from '../secrets';
import { getSettings } from '../settings/get-settings';
import { hashPassword } from './password';
import { assertPasswordPolicy } from './password-policy';

export const RESET_VALID_MINUTES = 60;
const MAX_PER_HOUR = 3;
const PURPOSE = 'password-reset';

export const resetToken = (ctx: Pick<Ctx, 'secrets'>, id: string) => `${id}.${ctx.secrets.mac(PURPOSE, id)}`;

const notAllowed = () => new DomainError('not_found', 'Password reset is not available here; ask your administrator');

export async function requestPasswordReset(ctx: Ctx, input: { login: string }): Promise<void> {
  if (!(await getSettings(ctx)).authentication.allowPasswordReset) throw notAllowed();
  const login = input.login.trim().toLowerCase();
  if (!login) return;
  await inTransaction(ctx, async (tx) => {
    const [user] = await tx.db
      .select({ id: users.id, email: users.email, locked: users.locked })
      .from(users)
      .where(or(eq(users.email, login), eq(sql`lower(${users.username})`, login)))
      .for('update');
    // Unknown and administratively locked accounts get the same answer and no email.
    if (!user || user.locked) return;
    const hourAgo = new Date(tx.clock().getTime() - 3_600_000);
    const [recent] = await tx.db.select({ n: count() }).from(passwordResets).where(and(eq(passwordResets.userId, user.id), gt(passwordResets.createdAt, hourAgo)));
    if (recent.n >= MAX_PER_HOUR) return;
    const id = randomUUID();
    await tx.db.insert(passwordResets).values({ id, userId: user.id, createdAt: tx.clock(), expiresAt: new Date(tx.clock().getTime() + RESET_VALID_MINUTES * 60_000) });
    await queueMessage(tx, { processId: null, recipient: user.email, template: 'passwordReset', params: { resetId: id, validMinutes: RESET_VALID_MINUTES } });
  });
}

/** The reset a link names, if it is genuine, unused and unexpired. */
async function findReset(ctx: Ctx, token: string) {
  const [id, mac] = token.split('.');
  if (!id || !mac || !isUuid(id) || !safeEqual(mac, ctx.secrets.mac(PURPOSE, id))) return undefined;
  const [row] = await ctx.db
    .select()
    .from(passwordResets)
    .where(and(eq(passwordResets.id, id), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, ctx.clock())));
  return row;
}

const expired = () => new DomainError('not_found', 'This reset link has expired or was used already: order a new one');

export async function checkResetLink(ctx: Ctx, input: { token: string }): Promise<void> {
  if (!(await getSettings(ctx)).authentication.allowPasswordReset) throw notAllowed();
  if (!(await findReset(ctx, input.token))) throw expired();
}

export async function completePasswordReset(ctx: Ctx, input: { token: string; password: string }): Promise<void> {
  const settings = await getSettings(ctx);
  if (!settings.authentication.allowPasswordReset) throw notAllowed();
  assertPasswordPolicy(input.password, settings.authentication);
  const passwordHash = await hashPassword(input.password);
  await inTransaction(ctx, async (tx) => {
    const reset = await findReset(tx, input.token);
    if (!reset) throw expired();
    const used = await tx.db.update(passwordResets).set({ usedAt: tx.clock() }).where(and(eq(passwordResets.id, reset.id), isNull(passwordResets.usedAt))).returning({ id: passwordResets.id });
    if (used.length === 0) throw expired();
    const [user] = await tx.db.update(users).set({ passwordHash, failedLogins: 0, lockedUntil: null }).where(eq(users.id, reset.userId)).returning({ email: users.email });
    await tx.db.delete(sessions).where(eq(sessions.userId, reset.userId));
    // The user acts on their own account here; the admin log shows it.
    await recordAdminEvent({ ...tx, actor: { id: reset.userId, email: user.email, name: null, isAdmin: false, privileges: [] } }, { action: 'password_reset', details: { email: user.email } });
  });
}
