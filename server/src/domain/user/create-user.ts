// Creates a user account (admin screens come with the admin center; tests and start-up use this).
import { randomUUID } from 'node:crypto';
import { defaultPrivileges, type Privilege } from '@secure-signature/shared';
import { users } from '../../db/schema';
import type { Ctx, UserActor } from '../context';
import { conflict } from '../errors';
import { hashPassword } from './password';

export async function createUser(
  ctx: Ctx,
  input: { email: string; username?: string; name?: string; password: string; isAdmin?: boolean; privileges?: Privilege[]; groupId?: string | null },
): Promise<UserActor> {
  const row = {
    id: randomUUID(),
    email: input.email.trim().toLowerCase(),
    username: input.username?.trim() || null,
    name: input.name?.trim() || null,
    isAdmin: input.isAdmin ?? false,
    privileges: input.privileges ?? defaultPrivileges,
    groupId: input.groupId ?? null,
    passwordHash: await hashPassword(input.password),
  };
  const inserted = await ctx.db.insert(users).values(row).onConflictDoNothing().returning({ id: users.id });
  if (inserted.length === 0) throw conflict('A user with that email or username exists already');
  // A new user's group privileges are read on their next request; here only their own count.
  return { id: row.id, email: row.email, name: row.name, isAdmin: row.isAdmin, privileges: row.privileges };
}
