// Admin → Signing keys (/admin/signing-keys): users' own record-signing keys. Mounted inside the admin pages, so
// only administrators with a session (and the CSRF token) reach it.
import { Hono, type Context } from 'hono';
import { listUsers } from '../../domain/admin/list-users';
import { requireActor } from '../../domain/context';
import { DomainError } from '../../domain/errors';
import { listUserSigningKeys } from '../../domain/user-signing-key/list-user-signing-keys';
import { retireUserSigningKey } from '../../domain/user-signing-key/retire-user-signing-key';
import { setUserSigningKey } from '../../domain/user-signing-key/set-user-signing-key';
import { AdminSigningKeysPage } from '../../web/admin-signing-keys-page';
import type { AppEnv } from '../env';
import { page } from './html';

async function render(c: Context<AppEnv>, opts: { notice?: string; error?: string } = {}, status: 200 | 400 = 200) {
  const users = (await listUsers(c.var.ctx)).map((u) => ({ id: u.id, email: u.email }));
  return page(c, <AdminSigningKeysPage actor={requireActor(c.var.ctx)} csrfToken={c.var.csrfToken} keys={await listUserSigningKeys(c.var.ctx)} users={users} {...opts} />, status);
}

const text = (v: unknown) => (typeof v === 'string' ? v : '');

export const adminSigningKeyPages = new Hono<AppEnv>()
  .get('/', (c) => render(c, { notice: c.req.query('saved') ? 'The key is saved: this user signs with it from now on.' : c.req.query('removed') ? 'The key is removed.' : undefined }))
  .post('/', async (c) => {
    const form = await c.req.parseBody();
    try {
      await setUserSigningKey(c.var.ctx, { userId: text(form.userId), privateKeyPem: text(form.privateKey), publicPem: text(form.publicKey) });
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      return render(c, { error: err.message }, 400);
    }
    return c.redirect('/admin/signing-keys?saved=1', 303);
  })
  .post('/:userId/retire', async (c) => {
    try {
      await retireUserSigningKey(c.var.ctx, { userId: c.req.param('userId') });
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      return render(c, { error: err.message }, 400);
    }
    return c.redirect('/admin/signing-keys?removed=1', 303);
  });
