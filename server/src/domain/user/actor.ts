// Who acts: the columns every sign-in path reads, and the user's privileges, their own with their group's on top.
// Administrators may do everything.
import type { Privilege } from '@secure-signature/shared';
import { eq } from 'drizzle-orm';
import { groups, users } from '../../db/schema';
import type { UserActor } from '../context';

export const actorColumns = { id: users.id, email: users.email, name: users.name, isAdmin: users.isAdmin, own: users.privileges, fromGroup: groups.privileges };
/** Join this to a query over users to read actorColumns. */
export const groupOfUser = eq(groups.id, users.groupId);

export function toActor(row: { id: string; email: string; name: string | null; isAdmin: boolean; own: string[]; fromGroup: string[] | null }): UserActor {
  return { id: row.id, email: row.email, name: row.name, isAdmin: row.isAdmin, privileges: [...new Set([...row.own, ...(row.fromGroup ?? [])])] as Privilege[] };
}

export const can = (actor: UserActor, privilege: Privilege) => actor.isAdmin || actor.privileges.includes(privilege);
