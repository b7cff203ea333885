// On start: makes sure the first admin exists. Returns the generated password when one had to be made, so that
// start-up can print it once; it is not kept anywhere else.
import { randomBytes, randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { users } from '../../db/schema';
import type { Ctx } from '../context';
import { hashPassword } from './password';

export async function ensureAdmin(ctx: Ctx): Promise<{ email: string; generatedPassword?: string; created: boolean }> {
  const email = ctx.config.adminEmail;
  const [existing] = await ctx.db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (existing) {
    if (ctx.config.adminPassword) {
      await ctx.db
        .update(users)
        .set({ passwordHash: await hashPassword(ctx.config.adminPassword), isAdmin: true })
        .where(eq(users.id, existing.id));
    }
    return { email, created: false };
  }
  const generated = ctx.config.adminPassword ? undefined : randomBytes(12).toString('base64url');
  await ctx.db
    .insert(users)
    .values({
      id: randomUUID(),
      email,
      username: 'admin',
      name: 'Administrator',
      isAdmin: true,
      passwordHash: await hashPassword(ctx.config.adminPassword ?? generated!),
    })
    .onConflictDoNothing();
  return { email, generatedPassword: generated, created: true };
}
