// The admin center in the browser (settings for now; users, groups, directories and templates join here).
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { GroupView, IdentityProviderView } from '@secure-signature/shared';
import { deleteGroup, listGroups, saveGroup } from '../../domain/admin/groups';
import { AdminGroupsPage } from '../../web/admin-groups-page';
import { postedPrivileges } from '../../web/privilege-fields';
import { identityProviderViews } from '../../domain/identity-provider/list-identity-providers';
import { deleteIdentityProvider, saveIdentityProvider } from '../../domain/identity-provider/save-identity-provider';
import { oidcRedirectUri } from '../../domain/identity-provider/start-oidc-signing';
import { AdminIdentityProvidersPage } from '../../web/admin-identity-providers-page';
import { AdminBrandingPage } from '../../web/admin-branding-page';
import { AdminSealPage } from '../../web/admin-seal-page';
import { secureMailAdminPages } from './pages-admin-secure-mail';
import { adminXmlApiPages } from './pages-admin-xml-api';
import { adminEmailApiPages } from './pages-admin-email-api';
import { adminFileRoomPages } from './pages-admin-file-rooms';
import { adminSigningKeyPages } from './pages-admin-signing-keys';
import { adminDirectoryPages } from './pages-admin-directory';
import { adminTemplatePages } from './pages-admin-templates';
import { activeSealKeyView, importSealKey } from '../../domain/seal/import-seal-key';
import { generateSealKey } from '../../domain/seal/generate-seal-key';
import { getBranding, updateBranding } from '../../domain/branding/branding';
import { requireActor } from '../../domain/context';
import { DomainError } from '../../domain/errors';
import { getSettings } from '../../domain/settings/get-settings';
import { maskSecrets } from '../../domain/settings/secret-settings';
import { updateSettings } from '../../domain/settings/update-settings';
import { createUserInput } from '@secure-signature/shared';
import { addUser } from '../../domain/admin/add-user';
import { listUsers } from '../../domain/admin/list-users';
import { updateUser } from '../../domain/admin/update-user';
import { AdminSettingsPage } from '../../web/admin-settings-page';
import { AdminUserPage, AdminUsersPage } from '../../web/admin-users-page';
import { settingsFromForm } from '../../web/settings-form';
import { postedSignInFields } from '../../web/sign-in-fields';
import type { AppEnv } from '../env';
import { requireAdmin, requireSession } from '../middleware/session-auth';
import { page } from './html';
import { reportTemplatePages } from './pages-report-templates';
import { listReportTemplates } from '../../domain/report/list-report-templates';
import { postedReportTemplateIds } from '../../web/report-template-fields';

export const adminPages = new Hono<AppEnv>()
  .use(requireSession, requireAdmin)
  .route('/xml-api', adminXmlApiPages)
  .route('/email-api', adminEmailApiPages)
  .route('/file-rooms', adminFileRoomPages)
  .route('/signing-keys', adminSigningKeyPages)
  .route('/directory', adminDirectoryPages)
  .get('/', (c) => c.redirect('/admin/settings', 303))
  .route('/report-templates', reportTemplatePages)
  .route('/templates', adminTemplatePages)
  .get('/settings', async (c) => {
    const notice = c.req.query('saved') ? 'Settings saved. They apply from the next request on.' : undefined;
    return page(c, <AdminSettingsPage actor={requireActor(c.var.ctx)} csrfToken={c.var.csrfToken} settings={maskSecrets(await getSettings(c.var.ctx))} notice={notice} />);
  })
  .post('/settings', async (c) => {
    const form = await c.req.parseBody();
    try {
      await updateSettings(c.var.ctx, { settings: settingsFromForm(form) });
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      return page(c, <AdminSettingsPage actor={requireActor(c.var.ctx)} csrfToken={c.var.csrfToken} settings={maskSecrets(await getSettings(c.var.ctx))} error={err.message} />, 400);
    }
    return c.redirect('/admin/settings?saved=1', 303);
  })
  .route('/secure-mail', secureMailAdminPages)
  .get('/seal', async (c) => {
    const notice = c.req.query('saved') ? 'The new certificate seals every document from now on.' : undefined;
    return page(c, <AdminSealPage actor={requireActor(c.var.ctx)} csrfToken={c.var.csrfToken} sealKey={await activeSealKeyView(c.var.ctx)} notice={notice} />);
  })
  .post('/seal', async (c) => {
    const form = await c.req.parseBody();
    const file = form.file instanceof File ? new Uint8Array(await form.file.arrayBuffer()) : new Uint8Array();
    try {
      await importSealKey(c.var.ctx, { pkcs12: file, password: typeof form.password === 'string' ? form.password : '' });
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      return page(c, <AdminSealPage actor={requireActor(c.var.ctx)} csrfToken={c.var.csrfToken} sealKey={await activeSealKeyView(c.var.ctx)} error={err.message} />, 400);
    }
    return c.redirect('/admin/seal?saved=1', 303);
  })
  .post('/seal/generate', async (c) => {
    const form = await c.req.parseBody();
    try {
      await generateSealKey(c.var.ctx, { algorithm: typeof form.algorithm === 'string' ? form.algorithm : '' });
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      return page(c, <AdminSealPage actor={requireActor(c.var.ctx)} csrfToken={c.var.csrfToken} sealKey={await activeSealKeyView(c.var.ctx)} error={err.message} />, 400);
    }
    return c.redirect('/admin/seal?saved=1', 303);
  })
  .get('/branding', async (c) => {
    const b = await getBranding(c.var.ctx);
    const notice = c.req.query('saved') ? 'Saved. Every page shows the new branding from now on.' : undefined;
    return page(c, <AdminBrandingPage actor={requireActor(c.var.ctx)} csrfToken={c.var.csrfToken} hasLogo={Boolean(b.logo)} customCss={b.customCss} notice={notice} />);
  })
  .post('/branding', async (c) => {
    const form = await c.req.parseBody();
    const file = form.logo instanceof File && form.logo.size > 0 ? new Uint8Array(await form.logo.arrayBuffer()) : undefined;
    try {
      await updateBranding(c.var.ctx, { logo: form.removeLogo === 'on' ? null : file, customCss: typeof form.customCss === 'string' ? form.customCss : undefined });
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      const b = await getBranding(c.var.ctx);
      return page(c, <AdminBrandingPage actor={requireActor(c.var.ctx)} csrfToken={c.var.csrfToken} hasLogo={Boolean(b.logo)} customCss={String(form.customCss ?? b.customCss)} error={err.message} />, 400);
    }
    return c.redirect('/admin/branding?saved=1', 303);
  })
  .get('/identity-providers', async (c) => identityProvidersPage(c, { notice: c.req.query('saved') ? 'Saved.' : c.req.query('removed') ? 'Removed.' : undefined }))
  .get('/identity-providers/:id', async (c) => {
    const editing = (await identityProviderViews(c.var.ctx)).find((x) => x.id === c.req.param('id'));
    if (!editing) throw new DomainError('not_found', 'Identity provider was not found');
    return identityProvidersPage(c, { editing });
  })
  .post('/identity-providers', async (c) => saveProviderForm(c))
  .post('/identity-providers/:id', async (c) => saveProviderForm(c, c.req.param('id')))
  .post('/identity-providers/:id/delete', async (c) => {
    await deleteIdentityProvider(c.var.ctx, { id: c.req.param('id') });
    return c.redirect('/admin/identity-providers?removed=1', 303);
  })
  .get('/groups', async (c) => groupsPage(c, { notice: c.req.query('saved') ? 'Saved.' : c.req.query('removed') ? 'The group was removed.' : undefined }))
  .get('/groups/:id', async (c) => {
    const editing = (await listGroups(c.var.ctx)).find((g) => g.id === c.req.param('id'));
    if (!editing) throw new DomainError('not_found', 'Group was not found');
    return groupsPage(c, { editing });
  })
  .post('/groups', async (c) => saveGroupForm(c))
  .post('/groups/:id', async (c) => saveGroupForm(c, c.req.param('id')))
  .post('/groups/:id/delete', async (c) => {
    await deleteGroup(c.var.ctx, { groupId: c.req.param('id') });
    return c.redirect('/admin/groups?removed=1', 303);
  })
  .get('/users', async (c) => {
    const notice = c.req.query('added') ? 'The user was added.' : undefined;
    return page(c, <AdminUsersPage actor={requireActor(c.var.ctx)} csrfToken={c.var.csrfToken} users={await listUsers(c.var.ctx)} groups={await listGroups(c.var.ctx)} notice={notice} />);
  })
  .post('/users', async (c) => {
    const form = await c.req.parseBody();
    const input = createUserInput.safeParse({ ...form, isAdmin: form.isAdmin === 'on', privileges: postedPrivileges(form), groupId: form.groupId || null });
    try {
      if (!input.success) throw new DomainError('invalid_input', `${input.error.issues[0].path.join('.')}: ${input.error.issues[0].message}`);
      await addUser(c.var.ctx, input.data);
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      return page(c, <AdminUsersPage actor={requireActor(c.var.ctx)} csrfToken={c.var.csrfToken} users={await listUsers(c.var.ctx)} groups={await listGroups(c.var.ctx)} error={err.message} />, 400);
    }
    return c.redirect('/admin/users?added=1', 303);
  })
  .get('/users/:id', async (c) => {
    const user = (await listUsers(c.var.ctx)).find((u) => u.id === c.req.param('id'));
    if (!user) throw new DomainError('not_found', 'User was not found');
    const notice = c.req.query('saved') ? 'Saved.' : undefined;
    return page(c, <AdminUserPage actor={requireActor(c.var.ctx)} csrfToken={c.var.csrfToken} user={user} groups={await listGroups(c.var.ctx)} notice={notice} />);
  })
  .post('/users/:id', async (c) => {
    const id = c.req.param('id');
    const form = await c.req.parseBody();
    let signIn: ReturnType<typeof postedSignInFields> | undefined;
    try {
      signIn = postedSignInFields(form);
      await updateUser(c.var.ctx, {
        userId: id,
        changes: {
          ...signIn,
          ...(typeof form.email === 'string' && form.email.trim() ? { email: emailField(form.email) } : {}),
          name: String(form.name ?? ''),
          isAdmin: form.isAdmin === 'on',
          locked: form.locked === 'on',
          privileges: postedPrivileges(form),
          groupId: typeof form.groupId === 'string' && form.groupId ? form.groupId : null,
          password: String(form.password ?? '') || undefined,
        },
      });
    } catch (err) {
      if (!(err instanceof DomainError) || err.code === 'not_found') throw err;
      const stored = (await listUsers(c.var.ctx)).find((u) => u.id === id)!;
      const typed = Object.fromEntries(Object.entries(signIn ?? {}).filter(([, v]) => v !== undefined));
      const user = { ...stored, ...typed }; // what the admin typed stays in the form
      return page(c, <AdminUserPage actor={requireActor(c.var.ctx)} csrfToken={c.var.csrfToken} user={user} groups={await listGroups(c.var.ctx)} error={err.message} />, 400);
    }
    return c.redirect(`/admin/users/${id}?saved=1`, 303);
  });

async function identityProvidersPage(c: Context<AppEnv>, extra: { editing?: IdentityProviderView; notice?: string; error?: string }, status: 200 | 400 | 409 = 200) {
  const providers = await identityProviderViews(c.var.ctx);
  return page(
    c,
    <AdminIdentityProvidersPage actor={requireActor(c.var.ctx)} csrfToken={c.var.csrfToken} providers={providers} redirectUri={oidcRedirectUri(c.var.ctx.config.publicUrl)} {...extra} />,
    status,
  );
}

/** The provider form: saved, or shown again with what was typed and why it was refused. */
async function saveProviderForm(c: Context<AppEnv>, existingId?: string) {
  const form = await c.req.parseBody();
  const text = (k: string) => (typeof form[k] === 'string' ? (form[k] as string) : '');
  const body = {
    id: existingId ?? text('id'),
    name: text('name'),
    preset: text('preset') || 'custom',
    issuer: text('issuer'),
    clientId: text('clientId'),
    clientSecret: text('clientSecret'),
    scopes: text('scopes'),
    nameClaim: text('nameClaim'),
    idNumberClaim: text('idNumberClaim'),
    acrValues: text('acrValues'),
    enabled: form.enabled === 'on',
  };
  try {
    await saveIdentityProvider(c.var.ctx, { body, existingId });
  } catch (err) {
    if (!(err instanceof DomainError) || err.code === 'not_found') throw err;
    return identityProvidersPage(c, { editing: body as IdentityProviderView, error: err.message }, err.code === 'conflict' ? 409 : 400);
  }
  return c.redirect('/admin/identity-providers?saved=1', 303);
}

async function groupsPage(c: Context<AppEnv>, extra: { editing?: GroupView; notice?: string; error?: string }, status: 200 | 400 | 409 = 200) {
  const reportTemplates = await listReportTemplates(c.var.ctx);
  return page(c, <AdminGroupsPage actor={requireActor(c.var.ctx)} csrfToken={c.var.csrfToken} groups={await listGroups(c.var.ctx)} reportTemplates={reportTemplates} {...extra} />, status);
}

async function saveGroupForm(c: Context<AppEnv>, groupId?: string) {
  const form = await c.req.parseBody({ all: true }); // several ticked report templates
  const body = { name: String(form.name ?? ''), privileges: postedPrivileges(form), reportTemplateIds: postedReportTemplateIds(form) };
  try {
    await saveGroup(c.var.ctx, { body, groupId });
  } catch (err) {
    if (!(err instanceof DomainError) || err.code === 'not_found') throw err;
    const editing = groupId ? { id: groupId, members: 0, ...body } : undefined;
    return groupsPage(c, { editing, error: err.message }, err.code === 'conflict' ? 409 : 400);
  }
  return c.redirect('/admin/groups?saved=1', 303);
}

/** A typed email address, checked like the API checks it. */
function emailField(value: string): string {
  const parsed = z.email().safeParse(value.trim());
  if (!parsed.success) throw new DomainError('invalid_input', 'Enter a valid email address', 'email');
  return parsed.data;
}
