// The organisation's branding for every page: /branding/custom.css (linked after our stylesheet) and the logo.
import { Hono } from 'hono';
import { brandingStylesheet, getBranding } from '../../domain/branding/branding';
import { DomainError } from '../../domain/errors';
import type { AppEnv } from '../env';

export const brandingRoutes = new Hono<AppEnv>()
  .get('/custom.css', async (c) =>
    c.body(await brandingStylesheet(c.var.ctx), 200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'no-cache' }),
  )
  .get('/logo', async (c) => {
    const { logo } = await getBranding(c.var.ctx);
    if (!logo) throw new DomainError('not_found', 'No logo has been set');
    const bytes = await c.var.ctx.blobs.get(c.var.ctx.db, logo.sha256);
    // Versioned by ?v=<hash> from the stylesheet, so it can be kept long.
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': logo.contentType, 'Cache-Control': 'public, max-age=86400' });
  });
