// Admin → Email API (/admin/email-api): the listener's state and the emailApi settings. Mounted inside the admin
// pages, so only administrators with a session (and the CSRF token) reach it.
import { Hono, type Context } from 'hono';
import { requireActor } from '../../domain/context';
import { DomainError } from '../../domain/errors';
import { getSettings } from '../../domain/settings/get-settings';
import { maskSecrets } from '../../domain/settings/secret-settings';
import { updateSettings } from '../../domain/settings/update-settings';
import { emailApiStatus } from '../../email-api/start-email-api';
import { AdminEmailApiPage } from '../../web/admin-email-api-page';
import { settingsFromForm } from '../../web/settings-form';
import type { AppEnv } from '../env';
import { page } from './html';

async function render(c: Context<AppEnv>, opts: { notice?: string; error?: string } = {}, status: 200 | 400 = 200) {
  const settings = maskSecrets(await getSettings(c.var.ctx));
  return page(c, <AdminEmailApiPage actor={requireActor(c.var.ctx)} csrfToken={c.var.csrfToken} settings={settings} status={emailApiStatus()} {...opts} />, status);
}

export const adminEmailApiPages = new Hono<AppEnv>()
  .get('/', (c) => render(c, { notice: c.req.query('saved') ? 'Saved. The listener follows within a few seconds.' : undefined }))
  .post('/settings', async (c) => {
    const posted = settingsFromForm(await c.req.parseBody());
    try {
      // Only this section changes; the others are sent back as stored (secrets masked, so kept).
      await updateSettings(c.var.ctx, { settings: { ...maskSecrets(await getSettings(c.var.ctx)), emailApi: posted.emailApi } });
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      return render(c, { error: err.message }, 400);
    }
    return c.redirect('/admin/email-api?saved=1', 303);
  });
