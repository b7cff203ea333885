// The admin center in the browser (settings for now; users, groups, directories and templates join here).
import { Hono } from 'hono';
import { requireActor } from '../../domain/context';
import { DomainError } from '../../domain/errors';
import { getSettings } from '../../domain/settings/get-settings';
import { updateSettings } from '../../domain/settings/update-settings';
import { AdminSettingsPage } from '../../web/admin-settings-page';
import { settingsFromForm } from '../../web/settings-form';
import type { AppEnv } from '../env';
import { requireAdmin, requireSession } from '../middleware/session-auth';
import { page } from './html';

export const adminPages = new Hono<AppEnv>()
  .use(requireSession, requireAdmin)
  .get('/', (c) => c.redirect('/admin/settings', 303))
  .get('/settings', async (c) => {
    const notice = c.req.query('saved') ? 'Settings saved. They apply from the next request on.' : undefined;
    return page(c, <AdminSettingsPage actor={requireActor(c.var.ctx)} csrfToken={c.var.csrfToken} settings={await getSettings(c.var.ctx)} notice={notice} />);
  })
  .post('/settings', async (c) => {
    const form = await c.req.parseBody();
    try {
      await updateSettings(c.var.ctx, { settings: settingsFromForm(form) });
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      return page(c, <AdminSettingsPage actor={requireActor(c.var.ctx)} csrfToken={c.var.csrfToken} settings={await getSettings(c.var.ctx)} error={err.message} />, 400);
    }
    return c.redirect('/admin/settings?saved=1', 303);
  });
