// Signs in the user a verified Entra token belongs to: by the linked account (tenant + object id), else by email
// (linking that account), else, when the admin allows it, a new account.
import { randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { defaultPrivileges } from '@secure-signature/shared';
import { groups, users } from '../../db/schema';
import { actorColumns, groupOfUser, toActor } from '../user/actor';
import { recordAdminEvent } from '../admin/record-admin-event';
import { inTransaction, type Ctx, type UserActor } from '../context';
import { DomainError } from '../errors';
import { getSettings } from '../settings/get-settings';
import { verifyEntraToken } from './verify-entra-token';

export async function authenticateEntraUser(ctx: Ctx, input: { token: string }): Promise<UserActor> {
  const s = (await getSettings(ctx)).microsoft;
  const who = await verifyEntraToken(input.token, s, { publicUrl: ctx.config.publicUrl, now: ctx.clock() });
  const columns = { ...actorColumns, locked: users.locked };

  return inTransaction(ctx, async (tx) => {
    const [linked] = await tx.db.select(columns).from(users).leftJoin(groups, groupOfUser).where(and(eq(users.entraTenantId, who.tenantId), eq(users.entraObjectId, who.objectId)));
    if (linked) return usable(linked);
    const [byEmail] = await tx.db.select({ ...columns, linkedTo: users.entraObjectId }).from(users).leftJoin(groups, groupOfUser).where(eq(users.email, who.email));
    if (byEmail) {
      if (byEmail.linkedTo) throw new DomainError('forbidden', `The account ${who.email} is linked to another Microsoft account`);
      await tx.db.update(users).set({ entraTenantId: who.tenantId, entraObjectId: who.objectId }).where(and(eq(users.id, byEmail.id), isNull(users.entraObjectId)));
      return usable(byEmail);
    }
    if (!s.createUsers) throw new DomainError('forbidden', `${who.email} has no Secure Signature account; ask your administrator for one`);
    const actor = { id: randomUUID(), email: who.email, name: who.name, isAdmin: false, privileges: defaultPrivileges };
    await tx.db.insert(users).values({ ...actor, entraTenantId: who.tenantId, entraObjectId: who.objectId, createdAt: tx.clock() });
    await recordAdminEvent({ ...tx, actor }, { action: 'user.created_by_entra', details: { email: who.email, tenantId: who.tenantId } });
    return actor;
  });
}

function usable(row: Parameters<typeof toActor>[0] & { locked: boolean }): UserActor {
  if (row.locked) throw new DomainError('forbidden', 'This account is locked; ask your administrator');
  return toActor(row);
}
