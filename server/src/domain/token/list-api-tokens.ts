// The caller's own tokens that still work, newest first (never the tokens themselves).
import { and, desc, eq, isNull } from 'drizzle-orm';
import { apiTokens } from '../../db/schema';
import { requireActor, type Ctx } from '../context';

export async function listApiTokens(ctx: Ctx) {
  const actor = requireActor(ctx);
  return ctx.db
    .select({ id: apiTokens.id, label: apiTokens.label, createdAt: apiTokens.createdAt, lastUsedAt: apiTokens.lastUsedAt })
    .from(apiTokens)
    .where(and(eq(apiTokens.userId, actor.id), isNull(apiTokens.revokedAt)))
    .orderBy(desc(apiTokens.createdAt));
}
