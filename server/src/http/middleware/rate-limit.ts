// A fixed-window rate limit per client address, in memory (per server process). It slows guessing of passwords
// and links; account lockout in the database is the durable guard.
import type { MiddlewareHandler } from 'hono';
import { DomainError } from '../../domain/errors';
import type { AppEnv } from '../env';

export function rateLimit(opts: { windowMs: number; max: number; name: string }): MiddlewareHandler<AppEnv> {
  const hits = new Map<string, { count: number; resetAt: number }>();
  return async (c, next) => {
    const now = Date.now();
    if (hits.size > 10_000) for (const [k, v] of hits) if (v.resetAt <= now) hits.delete(k);
    const key = c.var.ctx.ip ?? 'unknown';
    const entry = hits.get(key);
    if (!entry || entry.resetAt <= now) hits.set(key, { count: 1, resetAt: now + opts.windowMs });
    else if (++entry.count > opts.max) {
      c.header('Retry-After', String(Math.ceil((entry.resetAt - now) / 1000)));
      throw new DomainError('rate_limited', 'Too many requests; please wait a moment and try again');
    }
    await next();
  };
}
