// Resolves a session cookie. As the admin chose, a session is bound to the browser's user agent (and address): a
// stolen cookie used from another browser is refused. The admin's timeout applies from when the session began.
import { and, eq, gt } from 'drizzle-orm';
import { groups, sessions, users } from '../../db/schema';
import { actorColumns, groupOfUser, toActor } from '../user/actor';
import type { Ctx, UserActor } from '../context';
import { hashToken } from '../secrets';
import { getSettings } from '../settings/get-settings';

export async function authenticateSession(
  ctx: Ctx,
  input: { token: string; userAgent: string },
): Promise<{ actor: UserActor; csrfToken: string } | null> {
  const [row] = await ctx.db
    .select({
      ...actorColumns,
      csrfToken: sessions.csrfToken,
      userAgent: sessions.userAgent,
      ip: sessions.ip,
      createdAt: sessions.createdAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(groups, groupOfUser)
    .where(and(eq(sessions.tokenHash, hashToken(input.token)), gt(sessions.expiresAt, ctx.clock()), eq(users.locked, false)))
    .limit(1);
  if (!row) return null;
  const { binding, timeoutSeconds } = (await getSettings(ctx)).session;
  // The timeout as it is set now, so shortening it ends older sessions on their next request.
  if (ctx.clock().getTime() - row.createdAt.getTime() > timeoutSeconds * 1000) return null;
  if (binding !== 'none' && row.userAgent !== input.userAgent.slice(0, 500)) return null;
  if (binding === 'user_agent_and_ip' && row.ip !== (ctx.ip ?? null)) return null;
  return { actor: toActor(row), csrfToken: row.csrfToken };
}
