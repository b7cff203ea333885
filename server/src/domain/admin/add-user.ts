// An administrator creates an account; the password must meet the password policy.
import type { CreateUserInput, UserView } from '@secure-signature/shared';
import { eq } from 'drizzle-orm';
import { users } from '../../db/schema';
import { inTransaction, type Ctx } from '../context';
import { invalidInput } from '../errors';
import { getSettings } from '../settings/get-settings';
import { createUser } from '../user/create-user';
import { recordAdminEvent } from './record-admin-event';
import { requireAdminActor } from './require-admin';
import { toUserView } from './list-users';

export async function addUser(ctx: Ctx, input: CreateUserInput): Promise<UserView> {
  requireAdminActor(ctx);
  const { passwordMinLength } = (await getSettings(ctx)).authentication;
  if (input.password.length < passwordMinLength) throw invalidInput(`The password must be at least ${passwordMinLength} characters`, 'password');
  return inTransaction(ctx, async (tx) => {
    const created = await createUser(tx, input);
    await recordAdminEvent(tx, { action: 'user_created', details: { email: created.email, isAdmin: created.isAdmin } });
    const [row] = await tx.db.select().from(users).where(eq(users.id, created.id));
    return toUserView(row, tx.clock());
  });
}
