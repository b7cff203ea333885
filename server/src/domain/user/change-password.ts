// A signed-in user changes their own password; the current one is asked for, so a borrowed session is not enough.
import { eq } from 'drizzle-orm';
import { users } from '../../db/schema';
import { requireActor, type Ctx } from '../context';
import { DomainError, invalidInput } from '../errors';
import { getSettings } from '../settings/get-settings';
import { hashPassword, verifyPassword } from './password';

export async function changePassword(ctx: Ctx, input: { current: string; next: string }): Promise<void> {
  const actor = requireActor(ctx);
  const { passwordMinLength } = (await getSettings(ctx)).authentication;
  if (input.next.length < passwordMinLength) {
    throw invalidInput(`The new password must be at least ${passwordMinLength} characters`, 'next');
  }
  const [user] = await ctx.db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, actor.id));
  if (!(await verifyPassword(input.current, user?.passwordHash ?? null))) {
    throw new DomainError('invalid_input', 'The current password is wrong', 'current');
  }
  await ctx.db.update(users).set({ passwordHash: await hashPassword(input.next) }).where(eq(users.id, actor.id));
}
