// An administrator changes an account: email, name (the clarification of signature), username, sign-in method, phone and IP restrictions, administrator right, privileges and group, lock (which also ends its sessions and
// tokens' use) and password. Unlocking also clears a lockout from wrong passwords. An admin cannot lock themself
// out or drop their own admin right, so the service always keeps someone who can undo a mistake.
import type { UpdateUserInput, UserView } from '@secure-signature/shared';
import { and, eq, ne } from 'drizzle-orm';
import { groups, sessions, users } from '../../db/schema';
import { inTransaction, type Ctx } from '../context';
import { conflict, invalidInput, notFound } from '../errors';
import { isUuid } from '../process/find-own-process';
import { getSettings } from '../settings/get-settings';
import { assertPasswordPolicy } from '../user/password-policy';
import { hashPassword } from '../user/password';
import { recordAdminEvent } from './record-admin-event';
import { requireAdminActor } from './require-admin';
import { toUserView } from './list-users';
import { signInChanges } from './sign-in-changes';

export async function updateUser(ctx: Ctx, input: { userId: string; changes: UpdateUserInput }): Promise<UserView> {
  const actor = requireAdminActor(ctx);
  if (!isUuid(input.userId)) throw notFound('User');
  const c = input.changes;
  if (input.userId === actor.id && (c.locked === true || c.isAdmin === false)) {
    throw conflict('You cannot lock your own account or remove your own administrator right');
  }
  if (c.password !== undefined) {
    assertPasswordPolicy(c.password, (await getSettings(ctx)).authentication);
  }
  return inTransaction(ctx, async (tx) => {
    const [before] = await tx.db.select().from(users).where(eq(users.id, input.userId)).for('update');
    if (!before) throw notFound('User');
    const set: Partial<typeof users.$inferInsert> = {};
    if (c.name !== undefined) set.name = c.name || null;
    if (c.email !== undefined && c.email.toLowerCase() !== before.email) {
      set.email = c.email.toLowerCase();
      if ((await tx.db.select({ id: users.id }).from(users).where(and(eq(users.email, set.email), ne(users.id, before.id)))).length > 0) {
        throw conflict('Another account has that email address');
      }
    }
    if (c.isAdmin !== undefined) set.isAdmin = c.isAdmin;
    if (c.locked !== undefined) set.locked = c.locked;
    if (c.privileges !== undefined) set.privileges = [...new Set(c.privileges)];
    if (c.groupId !== undefined) {
      if (c.groupId && (await tx.db.select({ id: groups.id }).from(groups).where(eq(groups.id, c.groupId))).length === 0) throw invalidInput('No such group', 'groupId');
      set.groupId = c.groupId;
    }
    if (c.locked === false) Object.assign(set, { lockedUntil: null, failedLogins: 0, failedPins: 0 });
    Object.assign(set, signInChanges(before, c));
    if (set.username && (await tx.db.select({ id: users.id }).from(users).where(and(eq(users.username, set.username), ne(users.id, before.id)))).length > 0) {
      throw conflict('Another account has that username');
    }
    if (c.password !== undefined) set.passwordHash = await hashPassword(c.password);
    const [after] = await tx.db.update(users).set(set).where(eq(users.id, before.id)).returning();
    if (c.locked === true || c.password !== undefined) await tx.db.delete(sessions).where(eq(sessions.userId, before.id));
    const changed = Object.keys(set).filter((k) => k !== 'failedLogins' && k !== 'lockedUntil' && k !== 'passwordHash');
    await recordAdminEvent(tx, {
      action: 'user_changed',
      details: { email: before.email, ...(set.email ? { newEmail: set.email } : {}), changed: c.password !== undefined ? [...changed, 'password'] : changed, ...(c.locked !== undefined ? { locked: c.locked } : {}), ...(c.isAdmin !== undefined ? { isAdmin: c.isAdmin } : {}) },
    });
    return toUserView(after, tx.clock());
  });
}
