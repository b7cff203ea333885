// The admin center in the browser (settings for now; users, groups, directories and templates join here).
import { Hono } from 'hono';
import { requireActor } from '../../domain/context';
import { DomainError } from '../../domain/errors';
import { getSettings } from '../../domain/settings/get-settings';
import { updateSettings } from '../../domain/settings/update-settings';
import { createUserInput } from '@secure-signature/shared';
import { addUser } from '../../domain/admin/add-user';
import { listUsers } from '../../domain/admin/list-users';
import { updateUser } from '../../domain/admin/update-user';
import { AdminSettingsPage } from '../../web/admin-settings-page';
import { AdminUserPage, AdminUsersPage } from '../../web/admin-users-page';
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
  })
  .get('/users', async (c) => {
    const notice = c.req.query('added') ? 'The user was added.' : undefined;
    return page(c, <AdminUsersPage actor={requireActor(c.var.ctx)} csrfToken={c.var.csrfToken} users={await listUsers(c.var.ctx)} notice={notice} />);
  })
  .post('/users', async (c) => {
    const form = await c.req.parseBody();
    const input = createUserInput.safeParse({ ...form, isAdmin: form.isAdmin === 'on' });
    try {
      if (!input.success) throw new DomainError('invalid_input', `${input.error.issues[0].path.join('.')}: ${input.error.issues[0].message}`);
      await addUser(c.var.ctx, input.data);
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      return page(c, <AdminUsersPage actor={requireActor(c.var.ctx)} csrfToken={c.var.csrfToken} users={await listUsers(c.var.ctx)} error={err.message} />, 400);
    }
    return c.redirect('/admin/users?added=1', 303);
  })
  .get('/users/:id', async (c) => {
    const user = (await listUsers(c.var.ctx)).find((u) => u.id === c.req.param('id'));
    if (!user) throw new DomainError('not_found', 'User was not found');
    const notice = c.req.query('saved') ? 'Saved.' : undefined;
    return page(c, <AdminUserPage actor={requireActor(c.var.ctx)} csrfToken={c.var.csrfToken} user={user} notice={notice} />);
  })
  .post('/users/:id', async (c) => {
    const id = c.req.param('id');
    const form = await c.req.parseBody();
    try {
      await updateUser(c.var.ctx, {
        userId: id,
        changes: { name: String(form.name ?? ''), isAdmin: form.isAdmin === 'on', locked: form.locked === 'on', password: String(form.password ?? '') || undefined },
      });
    } catch (err) {
      if (!(err instanceof DomainError) || err.code === 'not_found') throw err;
      const user = (await listUsers(c.var.ctx)).find((u) => u.id === id)!;
      return page(c, <AdminUserPage actor={requireActor(c.var.ctx)} csrfToken={c.var.csrfToken} user={user} error={err.message} />, 400);
    }
    return c.redirect(`/admin/users/${id}?saved=1`, 303);
  });
