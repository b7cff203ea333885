// The process API: start (multipart), list, get, abort, remind, replace a document (multipart: file, confirm), unlock a signer's PIN, and download original and
// final documents.
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { processSearchQuery, startClient, startProcessInput, type ProcessSearchResult, type ProcessView } from '@secure-signature/shared';
import { DomainError } from '../../domain/errors';
import { formatSize } from '../../domain/format-size';
import { abortProcess } from '../../domain/process/abort-process';
import { replaceDocument } from '../../domain/process/replace-document';
import { uploadedFile } from './uploaded-file-from-form';
import { getDocumentFile } from '../../domain/process/get-document-file';
import { getProcess } from '../../domain/process/get-process';
import { searchProcesses } from '../../domain/process/search-processes';
import { remindSigners } from '../../domain/process/remind-signers';
import { unlockSignerPin } from '../../domain/signer-pin/unlock-signer-pin';
import { startProcess } from '../../domain/process/start-process';
import { verifyProcess } from '../../domain/process/verify-process';
import { requireApiUser } from '../middleware/api-auth';
import type { AppEnv } from '../env';
import { fileResponse } from './file-response';
import { readProcessUpload } from './read-process-upload';

export function apiProcessRoutes(limits: { maxRequestBytes: number }) {
  return new Hono<AppEnv>()
    .use(requireApiUser)
    .post(
      '/',
      bodyLimit({
        maxSize: limits.maxRequestBytes,
        onError: () => {
          throw new DomainError('too_large', `The request is larger than the limit of ${formatSize(limits.maxRequestBytes)}`);
        },
      }),
      async (c) => {
        const upload = await readProcessUpload(c.req.raw, startProcessInput);
        // The start form says where it runs (Outlook or the web UI), for the statistics; programs are "api".
        const client = startClient.safeParse(c.req.header('x-client'));
        const view = await startProcess(c.var.ctx, { ...upload, component: client.success ? client.data : 'api' });
        return c.json<ProcessView>(view, 201);
      },
    )
    .get('/', async (c) => {
      const q = processSearchQuery.safeParse(c.req.query());
      if (!q.success) throw new DomainError('invalid_input', `${q.error.issues[0].path.join('.')}: ${q.error.issues[0].message}`, q.error.issues[0].path.join('.'));
      return c.json<ProcessSearchResult>(await searchProcesses(c.var.ctx, q.data));
    })
    .get('/:id', async (c) => c.json<ProcessView>(await getProcess(c.var.ctx, { processId: c.req.param('id') })))
    .get('/:id/verify', async (c) => c.json(await verifyProcess(c.var.ctx, { processId: c.req.param('id') })))
    .post('/:id/abort', async (c) => c.json<ProcessView>(await abortProcess(c.var.ctx, { processId: c.req.param('id') })))
    .post('/:id/remind', async (c) => c.json(await remindSigners(c.var.ctx, { processId: c.req.param('id') })))
    .put(
      '/:id/documents/:documentId',
      bodyLimit({
        maxSize: limits.maxRequestBytes,
        onError: () => {
          throw new DomainError('too_large', `The request is larger than the limit of ${formatSize(limits.maxRequestBytes)}`);
        },
      }),
      async (c) => {
        const form = await c.req.parseBody();
        const processId = c.req.param('id');
        const result = await replaceDocument(c.var.ctx, { processId, documentId: c.req.param('documentId'), file: await uploadedFile(form.file), confirm: form.confirm === 'true' || form.confirm === 'yes' });
        return c.json({ ...result, process: await getProcess(c.var.ctx, { processId }) });
      },
    )
    .post('/:id/signers/:signerId/unlock-pin', async (c) => {
      await unlockSignerPin(c.var.ctx, { processId: c.req.param('id'), signerId: c.req.param('signerId') });
      return c.json(await getProcess(c.var.ctx, { processId: c.req.param('id') }));
    })
    .get('/:id/documents/:documentId/original', async (c) =>
      fileResponse(c, await getDocumentFile(c.var.ctx, { processId: c.req.param('id'), documentId: c.req.param('documentId'), version: 'original' })),
    )
    .get('/:id/documents/:documentId/final.pdf', async (c) =>
      fileResponse(c, await getDocumentFile(c.var.ctx, { processId: c.req.param('id'), documentId: c.req.param('documentId'), version: 'final' })),
    )
    .get('/:id/documents/:documentId/signatures-page.pdf', async (c) =>
      fileResponse(c, await getDocumentFile(c.var.ctx, { processId: c.req.param('id'), documentId: c.req.param('documentId'), version: 'signatures-page' })),
    );
}
