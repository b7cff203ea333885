// Admin → XML API (/admin/xml-api): settings of the XML API and its keys. Mounted inside the admin pages, so
// only administrators with a session (and the CSRF token) reach it.
import { Hono, type Context } from 'hono';
import { requireActor } from '../../domain/context';
import { DomainError } from '../../domain/errors';
import { getSettings } from '../../domain/settings/get-settings';
import { maskSecrets } from '../../domain/settings/secret-settings';
import { updateSettings } from '../../domain/settings/update-settings';
import { createXmlApiKey } from '../../domain/xml-api/create-xml-api-key';
import { listXmlApiKeys } from '../../domain/xml-api/list-xml-api-keys';
import { revokeXmlApiKey } from '../../domain/xml-api/revoke-xml-api-key';
import { AdminXmlApiPage } from '../../web/admin-xml-api-page';
import type { AppEnv } from '../env';
import { page } from './html';

const lines = (v: unknown) => (typeof v === 'string' ? v.split(/\r?\n/).map((l) => l.trim()).filter(Boolean) : []);

async function render(c: Context<AppEnv>, opts: { notice?: string; error?: string; newKey?: { name: string; key: string } } = {}, status: 200 | 201 | 400 = 200) {
  const settings = await getSettings(c.var.ctx);
  const keys = await listXmlApiKeys(c.var.ctx);
  return page(c, <AdminXmlApiPage actor={requireActor(c.var.ctx)} csrfToken={c.var.csrfToken} settings={settings.xmlApi} keys={keys} {...opts} />, status);
}

export const adminXmlApiPages = new Hono<AppEnv>()
  .get('/', (c) => render(c, { notice: c.req.query('saved') ? 'Saved.' : c.req.query('revoked') ? 'The key is revoked.' : undefined }))
  .post('/settings', async (c) => {
    const form = await c.req.parseBody();
    const xmlApi = { enabled: form.enabled === 'on', allowedIps: lines(form.allowedIps), trustedProxies: lines(form.trustedProxies) };
    try {
      await updateSettings(c.var.ctx, { settings: { ...maskSecrets(await getSettings(c.var.ctx)), xmlApi } });
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      return render(c, { error: err.message }, 400);
    }
    return c.redirect('/admin/xml-api?saved=1', 303);
  })
  .post('/keys', async (c) => {
    const form = await c.req.parseBody();
    const name = typeof form.name === 'string' ? form.name : '';
    try {
      const { key } = await createXmlApiKey(c.var.ctx, { name, allowedIps: lines(form.allowedIps) });
      // Answered directly, not redirected: the key exists only in this answer.
      c.header('Cache-Control', 'no-store');
      return render(c, { newKey: { name: name.trim(), key } }, 201);
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      return render(c, { error: err.message }, 400);
    }
  })
  .post('/keys/:id/revoke', async (c) => {
    await revokeXmlApiKey(c.var.ctx, { keyId: c.req.param('id') });
    return c.redirect('/admin/xml-api?revoked=1', 303);
  });
