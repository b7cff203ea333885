// Admin → File rooms (/admin/file-rooms): the file rooms' settings and rooms. Mounted inside the admin pages, so
// only administrators with a session (and the CSRF token) reach it.
import { Hono, type Context } from 'hono';
import { requireActor } from '../../domain/context';
import { DomainError } from '../../domain/errors';
import { createFileRoom } from '../../domain/file-room/create-file-room';
import { listFileRooms } from '../../domain/file-room/list-file-rooms';
import { setFileRoomEnabled } from '../../domain/file-room/set-file-room-enabled';
import { getSettings } from '../../domain/settings/get-settings';
import { maskSecrets } from '../../domain/settings/secret-settings';
import { updateSettings } from '../../domain/settings/update-settings';
import { AdminFileRoomsPage } from '../../web/admin-file-rooms-page';
import type { AppEnv } from '../env';
import { page } from './html';

const lines = (v: unknown) => (typeof v === 'string' ? v.split(/\r?\n/).map((l) => l.trim()).filter(Boolean) : []);
const text = (v: unknown) => (typeof v === 'string' ? v : '');

async function render(c: Context<AppEnv>, opts: { notice?: string; error?: string; newRoom?: { id: string; name: string; secret: string } } = {}, status: 200 | 201 | 400 = 200) {
  const settings = await getSettings(c.var.ctx);
  const rooms = await listFileRooms(c.var.ctx);
  return page(c, <AdminFileRoomsPage actor={requireActor(c.var.ctx)} csrfToken={c.var.csrfToken} settings={settings.fileRooms} rooms={rooms} {...opts} />, status);
}

export const adminFileRoomPages = new Hono<AppEnv>()
  .get('/', (c) => render(c, { notice: c.req.query('saved') ? 'Saved.' : undefined }))
  .post('/settings', async (c) => {
    const form = await c.req.parseBody();
    const fileRooms = { enabled: form.enabled === 'on', callbackAllowList: lines(form.callbackAllowList), maxAttempts: text(form.maxAttempts), timeoutSeconds: text(form.timeoutSeconds) };
    try {
      await updateSettings(c.var.ctx, { settings: { ...maskSecrets(await getSettings(c.var.ctx)), fileRooms } });
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      return render(c, { error: err.message }, 400);
    }
    return c.redirect('/admin/file-rooms?saved=1', 303);
  })
  .post('/rooms', async (c) => {
    const form = await c.req.parseBody();
    const name = text(form.name);
    try {
      const { id, secret } = await createFileRoom(c.var.ctx, { name, callbackUrl: text(form.callbackUrl), senderEmail: text(form.senderEmail), allowedIps: lines(form.allowedIps) });
      // Answered directly, not redirected: the secret exists in clear only in this answer.
      c.header('Cache-Control', 'no-store');
      return render(c, { newRoom: { id, name: name.trim(), secret } }, 201);
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      return render(c, { error: err.message }, 400);
    }
  })
  .post('/:id/enable', async (c) => {
    await setFileRoomEnabled(c.var.ctx, { roomId: c.req.param('id'), enabled: true });
    return c.redirect('/admin/file-rooms?saved=1', 303);
  })
  .post('/:id/disable', async (c) => {
    await setFileRoomEnabled(c.var.ctx, { roomId: c.req.param('id'), enabled: false });
    return c.redirect('/admin/file-rooms?saved=1', 303);
  });
