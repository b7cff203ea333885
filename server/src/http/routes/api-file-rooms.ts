// The file room API: a shared-folder integration starts a process (multipart like POST /api/v1/processes, plus
// "folder") and polls it. No user token: each request is signed with the room's secret (authenticate-file-room.ts,
// docs/file-rooms.md). Order: body size before buffering, rate limit, signature over the raw bytes, then parsing.
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { startProcessInput, type FileRoomProcessView } from '@secure-signature/shared';
import { DomainError } from '../../domain/errors';
import { authenticateFileRoom } from '../../domain/file-room/authenticate-file-room';
import { loadFileRoomProcess } from '../../domain/file-room/load-file-room-process';
import { startFileRoomProcess } from '../../domain/file-room/start-file-room-process';
import { formatSize } from '../../domain/format-size';
import type { AppEnv } from '../env';
import { rateLimit } from '../middleware/rate-limit';
import { readProcessUpload } from './read-process-upload';

export function apiFileRoomRoutes(limits: { maxRequestBytes: number }) {
  return new Hono<AppEnv>()
    .use(rateLimit({ windowMs: 60_000, max: 300, name: 'file-rooms' }))
    .post(
      '/:roomId/processes',
      bodyLimit({
        maxSize: limits.maxRequestBytes,
        onError: () => {
          throw new DomainError('too_large', `The request is larger than the limit of ${formatSize(limits.maxRequestBytes)}`);
        },
      }),
      async (c) => {
        const body = new Uint8Array(await c.req.arrayBuffer());
        const auth = await authenticateFileRoom(c.var.ctx, {
          roomId: c.req.param('roomId'),
          timestamp: c.req.header('x-secure-signature-timestamp'),
          signature: c.req.header('x-secure-signature-signature'),
          method: 'POST',
          path: new URL(c.req.url).pathname,
          body,
        });
        // The bytes were read once to check the signature; the multipart reader gets the same bytes.
        const again = new Request(c.req.url, { method: 'POST', headers: { 'content-type': c.req.header('content-type') ?? '' }, body });
        const form = await again.clone().formData().catch(() => null);
        const upload = await readProcessUpload(again, startProcessInput);
        const view = await startFileRoomProcess(c.var.ctx, { ...auth, ...upload, folder: form?.get('folder') ?? undefined });
        return c.json<FileRoomProcessView>(view, 201);
      },
    )
    .get('/:roomId/processes/:id', async (c) => {
      const { roomId } = await authenticateFileRoom(c.var.ctx, {
        roomId: c.req.param('roomId'),
        timestamp: c.req.header('x-secure-signature-timestamp'),
        signature: c.req.header('x-secure-signature-signature'),
        method: 'GET',
        path: new URL(c.req.url).pathname,
        body: new Uint8Array(),
      });
      return c.json<FileRoomProcessView>(await loadFileRoomProcess(c.var.ctx, { roomId, processId: c.req.param('id') }));
    });
}
