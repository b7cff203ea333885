// An admin takes a user's own signing key away: later signatures use the organisation's key again. The key row
// stays (retired), so the signatures it made keep verifying.
import { and, eq, isNull } from 'drizzle-orm';
import { userSigningKeys, users } from '../../db/schema';
import { recordAdminEvent } from '../admin/record-admin-event';
import { requireAdminActor } from '../admin/require-admin';
import { inTransaction, type Ctx } from '../context';
import { DomainError } from '../errors';

export async function retireUserSigningKey(ctx: Ctx, input: { userId: string }): Promise<void> {
  requireAdminActor(ctx);
  await inTransaction(ctx, async (tx) => {
    const retired = await tx.db
      .update(userSigningKeys)
      .set({ retiredAt: tx.clock() })
      .where(and(eq(userSigningKeys.userId, input.userId), isNull(userSigningKeys.retiredAt)))
      .returning({ id: userSigningKeys.id });
    if (retired.length === 0) throw new DomainError('not_found', 'This user has no signing key');
    const [user] = await tx.db.select({ email: users.email }).from(users).where(eq(users.id, input.userId));
    await recordAdminEvent(tx, { action: 'user_signing_key_retired', details: { user: user?.email } });
  });
}
