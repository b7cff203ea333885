// Resolves a session cookie. A session is bound to the browser's user agent: a stolen cookie used from another
// browser is refused.
import { and, eq, gt } from 'drizzle-orm';
import { sessions, users } from '../../db/schema';
import type { Ctx, UserActor } from '../context';
import { hashToken } from '../secrets';

export async function authenticateSession(
  ctx: Ctx,
  input: { token: string; userAgent: string },
): Promise<{ actor: UserActor; csrfToken: string } | null> {
  const [row] = await ctx.db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      isAdmin: users.isAdmin,
      csrfToken: sessions.csrfToken,
      userAgent: sessions.userAgent,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, hashToken(input.token)), gt(sessions.expiresAt, ctx.clock())))
    .limit(1);
  if (!row || row.userAgent !== input.userAgent.slice(0, 500)) return null;
  const { csrfToken, userAgent: _ua, ...actor } = row;
  return { actor, csrfToken };
}
