// The admin API: GET and PUT /api/v1/admin/settings (the whole settings object; PUT validates and logs changes),
// and the users: GET and POST /api/v1/admin/users, PATCH /api/v1/admin/users/:id.
import { Hono } from 'hono';
import { DomainError } from '../../domain/errors';
import type { z } from 'zod';
import { createUserInput, updateUserInput } from '@secure-signature/shared';
import { addUser } from '../../domain/admin/add-user';
import { listUsers } from '../../domain/admin/list-users';
import { updateUser } from '../../domain/admin/update-user';
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
    return c.json(await updateSettings(c.var.ctx, { settings: await jsonBody(c.req.raw) }));
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
