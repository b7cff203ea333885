// The account a sign-in names, by email or username (either case), with its group's privileges.
import { eq, or, sql } from 'drizzle-orm';
import { groups, users } from '../../db/schema';
import type { Ctx } from '../context';
import { groupOfUser } from './actor';

export async function findLoginUser(ctx: Ctx, input: { login: string }) {
  const login = input.login.trim().toLowerCase();
  if (!login) return undefined;
  const [found] = await ctx.db
    .select({ user: users, fromGroup: groups.privileges })
    .from(users)
    .leftJoin(groups, groupOfUser)
    .where(or(eq(users.email, login), eq(sql`lower(${users.username})`, login)))
    .limit(1);
  return found;
}
