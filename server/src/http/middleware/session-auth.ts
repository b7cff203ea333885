// Browser sessions: a cookie resolves to the user; pages that need one send the visitor to /login. Every form post
// of a signed-in user must carry the session's CSRF token.
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { DomainError } from '../../domain/errors';
import { safeEqual } from '../../domain/secrets';
import { authenticateSession } from '../../domain/session/authenticate-session';
import type { AppEnv } from '../env';

export const SESSION_COOKIE = 'ss_session';

export const loadSession: MiddlewareHandler<AppEnv> = async (c, next) => {
  const token = getCookie(c, SESSION_COOKIE);
  if (token) {
    const session = await authenticateSession(c.var.ctx, { token, userAgent: c.req.header('user-agent') ?? '' });
    if (session) {
      c.set('ctx', { ...c.var.ctx, actor: session.actor });
      c.set('csrfToken', session.csrfToken);
      c.set('sessionToken', token);
    }
  }
  await next();
};

export const requireSession: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!c.var.ctx.actor) {
    const back = c.req.method === 'GET' ? `?next=${encodeURIComponent(c.req.path)}` : '';
    return c.redirect(`/login${back}`, 303);
  }
  if (c.req.method === 'POST') {
    const form = await c.req.parseBody();
    const sent = typeof form._csrf === 'string' ? form._csrf : '';
    if (!c.var.csrfToken || !safeEqual(sent, c.var.csrfToken)) {
      throw new DomainError('forbidden', 'The form has expired or did not come from this site; reload the page and try again');
    }
  }
  await next();
};

export const requireAdmin: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!c.var.ctx.actor?.isAdmin) throw new DomainError('not_found', 'Page was not found');
  await next();
};
