// Form posts must come from our own pages: the browser's Origin header must be this server's. This guards the
// signer's pages (which have no session) and the login form; signed-in forms also carry a CSRF token.
import type { MiddlewareHandler } from 'hono';
import { DomainError } from '../../domain/errors';
import type { AppEnv } from '../env';

export const sameOrigin: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
    const origin = c.req.header('origin');
    const allowed = [new URL(c.req.url).origin, new URL(c.var.ctx.config.publicUrl).origin];
    if (!origin || !allowed.includes(origin)) {
      throw new DomainError('forbidden', 'The form did not come from this site; reload the page and try again');
    }
  }
  await next();
};
