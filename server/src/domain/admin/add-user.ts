// An administrator creates an account; the password must meet the password policy.
import type { CreateUserInput, UserView } from '@secure-signature/shared';
import { eq } from 'drizzle-orm';
import { groups, users } from '../../db/schema';
import { inTransaction, type Ctx } from '../context';
import { invalidInput } from '../errors';
import { getSettings } from '../settings/get-settings';
import { assertPasswordPolicy } from '../user/password-policy';
import { createUser } from '../user/create-user';
import { recordAdminEvent } from './record-admin-event';
import { requireAdminActor } from './require-admin';
import { toUserView } from './list-users';

export async function addUser(ctx: Ctx, input: CreateUserInput): Promise<UserView> {
  requireAdminActor(ctx);
  assertPasswordPolicy(input.password, (await getSettings(ctx)).authentication);
  return inTransaction(ctx, async (tx) => {
    if (input.groupId && (await tx.db.select({ id: groups.id }).from(groups).where(eq(groups.id, input.groupId))).length === 0) throw invalidInput('No such group', 'groupId');
    const created = await createUser(tx, input);
    await recordAdminEvent(tx, { action: 'user_created', details: { email: created.email, isAdmin: created.isAdmin } });
    const [row] = await tx.db.select().from(users).where(eq(users.id, created.id));
    return toUserView(row, tx.clock());
  });
}
