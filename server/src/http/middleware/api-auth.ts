// API authentication: `Authorization: Bearer <token>` for programs and the Outlook add-in (our API token or a
// Microsoft Entra token); for pages of this site
// (the /start form), the session cookie, with the session's CSRF token in `X-CSRF-Token` on every change.
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { DomainError } from '../../domain/errors';
import { safeEqual } from '../../domain/secrets';
import { authenticateEntraUser } from '../../domain/entra/authenticate-entra-user';
import { authenticateSession } from '../../domain/session/authenticate-session';
import { authenticateApiToken } from '../../domain/token/authenticate-api-token';
import type { AppEnv } from '../env';
import { SESSION_COOKIE } from './session-auth';

const JWT_SHAPE = /^[\w-]+\.[\w-]+\.[\w-]+$/;

export const requireApiUser: MiddlewareHandler<AppEnv> = async (c, next) => {
  const header = c.req.header('authorization');
  const session = getCookie(c, SESSION_COOKIE);
  if (!header && session) {
    const found = await authenticateSession(c.var.ctx, { token: session, userAgent: c.req.header('user-agent') ?? '' });
    if (!found) throw new DomainError('unauthorized', 'Your session has ended; sign in again');
    if (!['GET', 'HEAD'].includes(c.req.method) && !safeEqual(c.req.header('x-csrf-token') ?? '', found.csrfToken)) {
      throw new DomainError('forbidden', 'The X-CSRF-Token header is missing or wrong');
    }
    c.set('ctx', { ...c.var.ctx, actor: found.actor });
    return next();
  }
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  if (!match) throw new DomainError('unauthorized', 'An API token is required: Authorization: Bearer <token>');
  // A JWT (three base64url parts) is a Microsoft Entra token from the Outlook pane; anything else is our API token.
  if (JWT_SHAPE.test(match[1])) {
    c.set('ctx', { ...c.var.ctx, actor: await authenticateEntraUser(c.var.ctx, { token: match[1] }) });
    return next();
  }
  const actor = await authenticateApiToken(c.var.ctx, { token: match[1] });
  if (!actor) throw new DomainError('unauthorized', 'The API token is not valid or has been revoked');
  c.set('ctx', { ...c.var.ctx, actor });
  await next();
};
