// A signed-in user changes their own password; the current one is asked for, so a borrowed session is not enough.
import { eq } from 'drizzle-orm';
import { users } from '../../db/schema';
import { requireActor, type Ctx } from '../context';
import { DomainError } from '../errors';
import { assertPasswordPolicy } from './password-policy';
import { getSettings } from '../settings/get-settings';
import { hashPassword, verifyPassword } from './password';

export async function changePassword(ctx: Ctx, input: { current: string; next: string }): Promise<void> {
  const actor = requireActor(ctx);
  assertPasswordPolicy(input.next, (await getSettings(ctx)).authentication, 'next');
  const [user] = await ctx.db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, actor.id));
  if (!(await verifyPassword(input.current, user?.passwordHash ?? null))) {
    throw new DomainError('invalid_input', 'The current password is wrong', 'current');
  }
  await ctx.db.update(users).set({ passwordHash: await hashPassword(input.next) }).where(eq(users.id, actor.id));
}
