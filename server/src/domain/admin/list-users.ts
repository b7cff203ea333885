// The accounts of the service, for the admin center.
import type { Privilege, UserView } from '@secure-signature/shared';
import { asc } from 'drizzle-orm';
import { users } from '../../db/schema';
import type { Ctx } from '../context';
import { requireAdminActor } from './require-admin';

export const toUserView = (u: typeof users.$inferSelect, now: Date): UserView => ({
  privileges: u.privileges as Privilege[],
  groupId: u.groupId,
  id: u.id,
  email: u.email,
  username: u.username,
  name: u.name,
  isAdmin: u.isAdmin,
  locked: u.locked,
  lockedOutUntil: u.lockedUntil && u.lockedUntil > now ? u.lockedUntil.toISOString() : null,
  createdAt: u.createdAt.toISOString(),
  authMethod: u.authMethod,
  phone: u.phone,
  allowedIps: u.allowedIps,
});

export async function listUsers(ctx: Ctx): Promise<UserView[]> {
  requireAdminActor(ctx);
  const rows = await ctx.db.select().from(users).orderBy(asc(users.email));
  return rows.map((u) => toUserView(u, ctx.clock()));
}
