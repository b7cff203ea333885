// Gives each request its domain context with the client address, and sets the security headers every page wants.
import { getConnInfo } from '@hono/node-server/conninfo';
import type { MiddlewareHandler } from 'hono';
import type { AppContext } from '../../domain/context';
import type { AppEnv } from '../env';

export function requestContext(app: AppContext): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('ctx', { ...app, ip: clientIp(c, app.config.trustProxy) });
    await next();
    c.header('X-Content-Type-Options', 'nosniff');
    // same-origin, not no-referrer: with no-referrer browsers send "Origin: null" on form posts, which the
    // same-origin check must refuse; links with tokens still never leak to other sites.
    c.header('Referrer-Policy', 'same-origin');
    // A route that set its own policy (the Outlook pane, which Outlook frames) keeps it.
    if (c.res.headers.has('Content-Security-Policy')) return;
    c.header('X-Frame-Options', 'DENY');
    if (c.res.headers.get('Content-Type')?.startsWith('text/html')) {
      c.header('Content-Security-Policy', pageCsp());
    }
  };
}

/** The policy of our pages. `formTargets`: other origins a form may lead to (identity providers, which a signing
 *  page's form redirects to: browsers apply form-action to redirects too). */
export function pageCsp(formTargets: string[] = []): string {
  return `default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; form-action ${["'self'", ...formTargets].join(' ')}`;
}

function clientIp(c: Parameters<MiddlewareHandler<AppEnv>>[0], trustProxy: boolean): string | undefined {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address?.replace(/^::ffff:/, '');
  } catch {
    return undefined; // app.request() in tests has no socket
  }
}
