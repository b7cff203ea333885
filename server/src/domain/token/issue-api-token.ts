// Issues a personal API token. The token is shown once; only its SHA-256 is stored.
import { randomUUID } from 'node:crypto';
import { apiTokens } from '../../db/schema';
import { requireActor, type Ctx } from '../context';
import { hashToken, randomToken } from '../secrets';

export const TOKEN_PREFIX = 'sst_';

export async function issueApiToken(ctx: Ctx, input: { label?: string }): Promise<{ id: string; token: string }> {
  const actor = requireActor(ctx);
  const token = TOKEN_PREFIX + randomToken(32);
  const id = randomUUID();
  await ctx.db.insert(apiTokens).values({
    id,
    userId: actor.id,
    tokenHash: hashToken(token),
    label: (input.label ?? '').trim().slice(0, 100),
  });
  return { id, token };
}
