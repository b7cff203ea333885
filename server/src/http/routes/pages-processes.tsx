// The sender's view in the browser: their processes, one process with its audit trail, abort and remind.
import { Hono } from 'hono';
import { requireActor } from '../../domain/context';
import { abortProcess } from '../../domain/process/abort-process';
import { replaceDocument } from '../../domain/process/replace-document';
import { uploadedFile } from './uploaded-file-from-form';
import { getDocumentFile } from '../../domain/process/get-document-file';
import { getProcess } from '../../domain/process/get-process';
import { canSeeStatistics, processStatistics } from '../../domain/process/process-statistics';
import { searchProcesses } from '../../domain/process/search-processes';
import { processesCsv } from '../../web/processes-csv';
import { processSearchQuery, type ProcessSearchQuery } from '@secure-signature/shared';
import { DomainError } from '../../domain/errors';
import { remindSigners } from '../../domain/process/remind-signers';
import { unlockSignerPin } from '../../domain/signer-pin/unlock-signer-pin';
import { verifyProcess } from '../../domain/process/verify-process';
import { ProcessListPage, ProcessPage } from '../../web/processes-page';
import type { AppEnv } from '../env';
import { requireSession } from '../middleware/session-auth';
import { fileResponse } from './file-response';
import { page } from './html';

const notices: Record<string, string> = { reminded: 'Reminders were sent to the signers who have not signed yet.', aborted: 'The process was aborted and the signers were told.',
  unlocked: "The signer's link is unlocked: they can order a new PIN and try again.",
  replaced: 'The document was replaced. Signers who had signed were told and asked to sign again.',
};

export const processPages = new Hono<AppEnv>()
  .use(requireSession)
  .get('/', async (c) => {
    const query = parseSearch(c.req.query());
    const actor = requireActor(c.var.ctx);
    const [result, statistics] = await Promise.all([
      searchProcesses(c.var.ctx, query),
      canSeeStatistics(actor) ? processStatistics(c.var.ctx, query) : undefined,
    ]);
    return page(c, <ProcessListPage actor={requireActor(c.var.ctx)} csrfToken={c.var.csrfToken} query={query} result={result} statistics={statistics} />);
  })
  .get('/export.csv', async (c) => {
    if (!canSeeStatistics(requireActor(c.var.ctx))) throw new DomainError('not_found', 'Page was not found');
    const result = await searchProcesses(c.var.ctx, { ...parseSearch(c.req.query()), limit: 'all', offset: 0 });
    return c.body(processesCsv(result), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="processes-${new Date().toISOString().slice(0, 10)}.csv"`,
      'Cache-Control': 'private, no-store',
    });
  })
  .get('/:id', async (c) => {
    const process = await getProcess(c.var.ctx, { processId: c.req.param('id') });
    const auditQuery = { q: (c.req.query('auditQ') ?? '').slice(0, 200), page: Number.parseInt(c.req.query('auditPage') ?? '1', 10) || 1 };
    return page(c, <ProcessPage actor={requireActor(c.var.ctx)} csrfToken={c.var.csrfToken} process={process} notice={notices[c.req.query('done') ?? '']} auditQuery={auditQuery} />);
  })
  .post('/:id/verify', async (c) => {
    const id = c.req.param('id');
    const [process, verification] = await Promise.all([getProcess(c.var.ctx, { processId: id }), verifyProcess(c.var.ctx, { processId: id })]);
    return page(c, <ProcessPage actor={requireActor(c.var.ctx)} csrfToken={c.var.csrfToken} process={process} verification={verification} />);
  })
  .post('/:id/remind', async (c) => {
    await remindSigners(c.var.ctx, { processId: c.req.param('id') });
    return c.redirect(`/processes/${c.req.param('id')}?done=reminded`, 303);
  })
  .post('/:id/signers/:signerId/unlock-pin', async (c) => {
    await unlockSignerPin(c.var.ctx, { processId: c.req.param('id'), signerId: c.req.param('signerId') });
    return c.redirect(`/processes/${c.req.param('id')}?done=unlocked`, 303);
  })
  .post('/:id/documents/replace', async (c) => {
    const id = c.req.param('id');
    const form = await c.req.parseBody();
    try {
      await replaceDocument(c.var.ctx, { processId: id, documentId: String(form.documentId ?? ''), file: await uploadedFile(form.file), confirm: form.confirm === 'yes' });
    } catch (err) {
      if (!(err instanceof DomainError) || err.code === 'not_found') throw err;
      const process = await getProcess(c.var.ctx, { processId: id });
      return page(c, <ProcessPage actor={requireActor(c.var.ctx)} csrfToken={c.var.csrfToken} process={process} error={err.message} />, 400);
    }
    return c.redirect(`/processes/${id}?done=replaced`, 303);
  })
  .post('/:id/abort', async (c) => {
    await abortProcess(c.var.ctx, { processId: c.req.param('id') });
    return c.redirect(`/processes/${c.req.param('id')}?done=aborted`, 303);
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

function parseSearch(query: Record<string, string>): ProcessSearchQuery {
  const parsed = processSearchQuery.safeParse(query);
  if (!parsed.success) throw new DomainError('invalid_input', `${parsed.error.issues[0].path.join('.')}: ${parsed.error.issues[0].message}`);
  return parsed.data;
}
