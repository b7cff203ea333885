// Revokes one of the caller's tokens; another user's token id is "not found".
import { and, eq, isNull } from 'drizzle-orm';
import { apiTokens } from '../../db/schema';
import { requireActor, type Ctx } from '../context';
import { notFound } from '../errors';

export async function revokeApiToken(ctx: Ctx, input: { tokenId: string }): Promise<void> {
  const actor = requireActor(ctx);
  const done = await ctx.db
    .update(apiTokens)
    .set({ revokedAt: ctx.clock() })
    .where(and(eq(apiTokens.id, input.tokenId), eq(apiTokens.userId, actor.id), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  if (done.length === 0) throw notFound('Token');
}
