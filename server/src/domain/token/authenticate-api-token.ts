// Resolves a Bearer token to its user; revoked and unknown tokens are refused alike.
import { and, eq, isNull } from 'drizzle-orm';
import { apiTokens, users } from '../../db/schema';
import type { Ctx, UserActor } from '../context';
import { hashToken } from '../secrets';

export async function authenticateApiToken(ctx: Ctx, input: { token: string }): Promise<UserActor | null> {
  const hash = hashToken(input.token);
  const [row] = await ctx.db
    .select({ tokenId: apiTokens.id, id: users.id, email: users.email, name: users.name, isAdmin: users.isAdmin })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, hash), isNull(apiTokens.revokedAt), eq(users.locked, false)))
    .limit(1);
  if (!row) return null;
  await ctx.db.update(apiTokens).set({ lastUsedAt: ctx.clock() }).where(eq(apiTokens.id, row.tokenId));
  return { id: row.id, email: row.email, name: row.name, isAdmin: row.isAdmin };
}
