// The groups a sender may name in a signature block (any member signs it): names only, for signed-in senders.
import { asc } from 'drizzle-orm';
import { groups } from '../../db/schema';
import { requireActor, type Ctx } from '../context';

export async function listGroupNames(ctx: Ctx): Promise<string[]> {
  requireActor(ctx);
  return (await ctx.db.select({ name: groups.name }).from(groups).orderBy(asc(groups.name))).map((g) => g.name);
}
