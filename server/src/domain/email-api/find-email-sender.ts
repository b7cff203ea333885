// Who an Email API message is sent as: the envelope sender must be on the admin's allowed list (address or
// @domain) and be a user of this service, not locked. The process is then sent in that user's name, with their
// privileges checked by startProcess like any other start.
import { and, eq, sql } from 'drizzle-orm';
import type { Settings } from '@secure-signature/shared';
import { groups, users } from '../../db/schema';
import type { Ctx, UserActor } from '../context';
import { forbidden } from '../errors';
import { actorColumns, groupOfUser, toActor } from '../user/actor';

export function senderAllowed(allowed: Settings['emailApi']['allowedSenders'], address: string): boolean {
  const a = address.trim().toLowerCase();
  const at = a.lastIndexOf('@');
  const domain = a.slice(at);
  return at > 0 && at < a.length - 1 && allowed.some((entry) => (entry.startsWith('@') ? entry === domain : entry === a));
}

export async function findEmailSender(ctx: Ctx, input: { address: string; allowed: Settings['emailApi']['allowedSenders'] }): Promise<UserActor> {
  // One answer for both refusals, so it does not tell a stranger which addresses of an allowed domain are users.
  const refused = () => forbidden(`The sender ${input.address} may not start processes by email: not an allowed sender, or not an active user of this service`);
  if (!senderAllowed(input.allowed, input.address)) throw refused();
  const [row] = await ctx.db
    .select(actorColumns)
    .from(users)
    .leftJoin(groups, groupOfUser)
    .where(and(eq(sql`lower(${users.email})`, input.address.trim().toLowerCase()), eq(users.locked, false)))
    .limit(1);
  if (!row) throw refused();
  return toActor(row);
}
