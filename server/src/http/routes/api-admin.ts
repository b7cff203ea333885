// The admin API: GET and PUT /api/v1/admin/settings (the whole settings object; PUT validates and logs changes),
// the users: GET and POST /api/v1/admin/users, PATCH /api/v1/admin/users/:id; the groups: GET and POST
// /api/v1/admin/groups, PUT and DELETE /api/v1/admin/groups/:id; the sealing key: GET and POST (PKCS#12) /api/v1/admin/seal-key, POST /api/v1/admin/seal-key/generate {algorithm}; users' own signing keys: GET /api/v1/admin/signing-keys, PUT and DELETE /api/v1/admin/users/:id/signing-key {privateKey, publicKey}; and the identity providers:
// GET and POST /api/v1/admin/identity-providers, PUT and DELETE /api/v1/admin/identity-providers/:id; the message
// templates: /api/v1/admin/message-templates/:channel/:kind/:language (api-message-templates.ts).
import { Hono } from 'hono';
import { DomainError } from '../../domain/errors';
import type { z } from 'zod';
import { createUserInput, updateUserInput } from '@secure-signature/shared';
import { addUser } from '../../domain/admin/add-user';
import { listUsers } from '../../domain/admin/list-users';
import { deleteGroup, listGroups, saveGroup } from '../../domain/admin/groups';
import { activeSealKeyView, importSealKey } from '../../domain/seal/import-seal-key';
import { generateSealKey } from '../../domain/seal/generate-seal-key';
import { listUserSigningKeys } from '../../domain/user-signing-key/list-user-signing-keys';
import { retireUserSigningKey } from '../../domain/user-signing-key/retire-user-signing-key';
import { setUserSigningKey } from '../../domain/user-signing-key/set-user-signing-key';
import { updateUser } from '../../domain/admin/update-user';
import { getSettings } from '../../domain/settings/get-settings';
import { identityProviderViews } from '../../domain/identity-provider/list-identity-providers';
import { deleteIdentityProvider, saveIdentityProvider } from '../../domain/identity-provider/save-identity-provider';
import { oidcRedirectUri } from '../../domain/identity-provider/start-oidc-signing';
import { maskSecrets } from '../../domain/settings/secret-settings';
import { updateSettings } from '../../domain/settings/update-settings';
import type { AppEnv } from '../env';
import { apiReportTemplateRoutes } from './api-report-templates';
import { apiMessageTemplateRoutes } from './api-message-templates';
import { requireApiUser } from '../middleware/api-auth';

export const apiAdminRoutes = new Hono<AppEnv>()
  .use(requireApiUser, async (c, next) => {
    if (!c.var.ctx.actor?.isAdmin) throw new DomainError('not_found', 'Not found');
    await next();
  })
  .route('/report-templates', apiReportTemplateRoutes)
  .route('/message-templates', apiMessageTemplateRoutes)
  .get('/settings', async (c) => c.json(maskSecrets(await getSettings(c.var.ctx))))
  .put('/settings', async (c) => {
    return c.json(await updateSettings(c.var.ctx, { settings: await jsonBody(c.req.raw) }));
  })
  .get('/identity-providers', async (c) => c.json({ providers: await identityProviderViews(c.var.ctx), redirectUri: oidcRedirectUri(c.var.ctx.config.publicUrl) }))
  .post('/identity-providers', async (c) => c.json(await saveIdentityProvider(c.var.ctx, { body: await jsonBody(c.req.raw) }), 201))
  .put('/identity-providers/:id', async (c) => c.json(await saveIdentityProvider(c.var.ctx, { body: await jsonBody(c.req.raw), existingId: c.req.param('id') })))
  .delete('/identity-providers/:id', async (c) => {
    await deleteIdentityProvider(c.var.ctx, { id: c.req.param('id') });
    return c.body(null, 204);
  })
  .get('/seal-key', async (c) => c.json({ key: await activeSealKeyView(c.var.ctx) }))
  .post('/seal-key', async (c) => {
    const form = await c.req.parseBody();
    const file = form.file instanceof File ? new Uint8Array(await form.file.arrayBuffer()) : new Uint8Array();
    return c.json({ key: await importSealKey(c.var.ctx, { pkcs12: file, password: typeof form.password === 'string' ? form.password : '' }) }, 201);
  })
  .get('/signing-keys', async (c) => c.json({ keys: await listUserSigningKeys(c.var.ctx) }))
  .put('/users/:id/signing-key', async (c) => {
    const body = (await jsonBody(c.req.raw)) as { privateKey?: unknown; publicKey?: unknown } | null;
    const text = (v: unknown) => (typeof v === 'string' ? v : '');
    return c.json(await setUserSigningKey(c.var.ctx, { userId: c.req.param('id'), privateKeyPem: text(body?.privateKey), publicPem: text(body?.publicKey) }));
  })
  .delete('/users/:id/signing-key', async (c) => {
    await retireUserSigningKey(c.var.ctx, { userId: c.req.param('id') });
    return c.body(null, 204);
  })
  .post('/seal-key/generate', async (c) => {
    const body = (await jsonBody(c.req.raw)) as { algorithm?: unknown };
    return c.json({ key: await generateSealKey(c.var.ctx, { algorithm: String(body?.algorithm ?? '') }) }, 201);
  })
  .get('/groups', async (c) => c.json({ groups: await listGroups(c.var.ctx) }))
  .post('/groups', async (c) => c.json(await saveGroup(c.var.ctx, { body: await jsonBody(c.req.raw) }), 201))
  .put('/groups/:id', async (c) => c.json(await saveGroup(c.var.ctx, { body: await jsonBody(c.req.raw), groupId: c.req.param('id') })))
  .delete('/groups/:id', async (c) => {
    await deleteGroup(c.var.ctx, { groupId: c.req.param('id') });
    return c.body(null, 204);
  })
  .get('/users', async (c) => c.json({ users: await listUsers(c.var.ctx) }))
  .post('/users', async (c) => c.json(await addUser(c.var.ctx, parse(createUserInput, await jsonBody(c.req.raw))), 201))
  .patch('/users/:id', async (c) => c.json(await updateUser(c.var.ctx, { userId: c.req.param('id'), changes: parse(updateUserInput, await jsonBody(c.req.raw)) })));

async function jsonBody(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    throw new DomainError('invalid_input', 'The body must be JSON');
  }
}

function parse<T>(schema: z.ZodType<T, any>, body: unknown): T {
  const result = schema.safeParse(body);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new DomainError('invalid_input', `${issue.path.join('.')}: ${issue.message}`, issue.path.join('.'));
  }
  return result.data;
}
