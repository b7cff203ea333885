// Resolves a Bearer token to its user; revoked and unknown tokens are refused alike.
import { and, eq, isNull } from 'drizzle-orm';
import { apiTokens, groups, users } from '../../db/schema';
import { actorColumns, groupOfUser, toActor } from '../user/actor';
import type { Ctx, UserActor } from '../context';
import { hashToken } from '../secrets';

export async function authenticateApiToken(ctx: Ctx, input: { token: string }): Promise<UserActor | null> {
  const hash = hashToken(input.token);
  const [row] = await ctx.db
    .select({ tokenId: apiTokens.id, ...actorColumns })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .leftJoin(groups, groupOfUser)
    .where(and(eq(apiTokens.tokenHash, hash), isNull(apiTokens.revokedAt), eq(users.locked, false)))
    .limit(1);
  if (!row) return null;
  await ctx.db.update(apiTokens).set({ lastUsedAt: ctx.clock() }).where(eq(apiTokens.id, row.tokenId));
  return toActor(row);
}
