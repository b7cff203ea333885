// A browser session after a successful sign-in: a random cookie token (stored hashed) and a CSRF token for forms.
import { randomUUID } from 'node:crypto';
import { sessions } from '../../db/schema';
import { requireActor, type Ctx } from '../context';
import { hashToken, randomToken } from '../secrets';
import { getSettings } from '../settings/get-settings';

export async function createSession(ctx: Ctx, input: { userAgent: string }): Promise<{ token: string; expiresAt: Date }> {
  const actor = requireActor(ctx);
  const token = randomToken(32);
  const { session } = await getSettings(ctx);
  const expiresAt = new Date(ctx.clock().getTime() + session.timeoutSeconds * 1000);
  await ctx.db.insert(sessions).values({
    id: randomUUID(),
    userId: actor.id,
    tokenHash: hashToken(token),
    csrfToken: randomToken(24),
    userAgent: input.userAgent.slice(0, 500),
    ip: ctx.ip ?? null,
    createdAt: ctx.clock(),
    expiresAt,
  });
  return { token, expiresAt };
}
