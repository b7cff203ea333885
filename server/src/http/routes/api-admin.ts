// The admin API: GET and PUT /api/v1/admin/settings (the whole settings object; PUT validates and logs changes).
import { Hono } from 'hono';
import { DomainError } from '../../domain/errors';
import { getSettings } from '../../domain/settings/get-settings';
import { updateSettings } from '../../domain/settings/update-settings';
import type { AppEnv } from '../env';
import { requireApiUser } from '../middleware/api-auth';

export const apiAdminRoutes = new Hono<AppEnv>()
  .use(requireApiUser, async (c, next) => {
    if (!c.var.ctx.actor?.isAdmin) throw new DomainError('not_found', 'Not found');
    await next();
  })
  .get('/settings', async (c) => c.json(await getSettings(c.var.ctx)))
  .put('/settings', async (c) => {
    const body = await c.req.json().catch(() => {
      throw new DomainError('invalid_input', 'The body must be the settings as JSON');
    });
    return c.json(await updateSettings(c.var.ctx, { settings: body }));
  });
