// A signed-in user changes their own password; the current one is asked for, so a borrowed session is not enough.
import { eq } from 'drizzle-orm';
import { users } from '../../db/schema';
import { requireActor, type Ctx } from '../context';
import { DomainError, invalidInput } from '../errors';
import { hashPassword, verifyPassword } from './password';

export const MIN_PASSWORD_LENGTH = 8;

export async function changePassword(ctx: Ctx, input: { current: string; next: string }): Promise<void> {
  const actor = requireActor(ctx);
  if (input.next.length < MIN_PASSWORD_LENGTH) {
    throw invalidInput(`The new password must be at least ${MIN_PASSWORD_LENGTH} characters`, 'next');
  }
  const [user] = await ctx.db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, actor.id));
  if (!(await verifyPassword(input.current, user?.passwordHash ?? null))) {
    throw new DomainError('invalid_input', 'The current password is wrong', 'current');
  }
  await ctx.db.update(users).set({ passwordHash: await hashPassword(input.next) }).where(eq(users.id, actor.id));
}
