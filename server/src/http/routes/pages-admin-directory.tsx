// Admin → Directory sync (/admin/directory): the LDAP and Entra ID editors, Test connection and Sync now. Mounted
// inside the admin pages, so only administrators with a session (and the CSRF token) reach it.
import { Hono, type Context } from 'hono';
import type { Settings } from '@secure-signature/shared';
import { requireActor } from '../../domain/context';
import type { DirectorySource } from '../../domain/directory/directory-person';
import { getDirectorySyncStatus } from '../../domain/directory/get-directory-sync-status';
import { requestDirectorySync } from '../../domain/directory/request-directory-sync';
import { testDirectoryConnection } from '../../domain/directory/test-directory-connection';
import { DomainError } from '../../domain/errors';
import { getSettings } from '../../domain/settings/get-settings';
import { maskSecrets } from '../../domain/settings/secret-settings';
import { updateSettings } from '../../domain/settings/update-settings';
import { AdminDirectoryPage, type DirectoryPageProps } from '../../web/admin-directory-page';
import { directorySettingsFromForm } from '../../web/directory-settings-form';
import type { AppEnv } from '../env';
import { page } from './html';

type Extra = Pick<DirectoryPageProps, 'notice' | 'error' | 'tested'> & { settings?: Settings };

async function render(c: Context<AppEnv>, { settings, ...extra }: Extra = {}, status: 200 | 400 = 200) {
  const ctx = c.var.ctx;
  const [ldap, entra] = [await getDirectorySyncStatus(ctx, { source: 'ldap' }), await getDirectorySyncStatus(ctx, { source: 'entra' })];
  return page(
    c,
    <AdminDirectoryPage actor={requireActor(ctx)} csrfToken={c.var.csrfToken} settings={settings ?? maskSecrets(await getSettings(ctx))} status={{ ldap, entra }} {...extra} />,
    status,
  );
}

const sourceOf = (c: Context<AppEnv>): DirectorySource => {
  const s = c.req.param('source');
  if (s !== 'ldap' && s !== 'entra') throw new DomainError('not_found', 'Page was not found');
  return s;
};

const notices: Record<string, string> = { saved: 'Saved.', queued: 'The sync is queued; reload this page in a moment for its outcome.' };

export const adminDirectoryPages = new Hono<AppEnv>()
  .get('/', (c) => render(c, { notice: notices[c.req.query('done') ?? ''] }))
  .post('/:source', async (c) => {
    const source = sourceOf(c);
    const form = await c.req.parseBody();
    const posted = directorySettingsFromForm(maskSecrets(await getSettings(c.var.ctx)), source, form);
    try {
      await updateSettings(c.var.ctx, { settings: posted });
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      // The editor shows what was posted, so a typo costs no retyping.
      return render(c, { error: err.message, settings: maskSecrets(posted) }, 400);
    }
    return c.redirect('/admin/directory?done=saved', 303);
  })
  .post('/:source/test', async (c) => {
    const source = sourceOf(c);
    return render(c, { tested: { source, ...(await testDirectoryConnection(c.var.ctx, { source })) } });
  })
  .post('/:source/sync', async (c) => {
    await requestDirectorySync(c.var.ctx, { source: sourceOf(c) });
    return c.redirect('/admin/directory?done=queued', 303);
  });
