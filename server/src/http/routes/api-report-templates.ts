// The admin API of report templates (mounted under /api/v1/admin, which admits administrators only): GET and POST
// /report-templates, PUT and DELETE /report-templates/:id, POST /report-templates/:id/default.
import { Hono } from 'hono';
import { DomainError } from '../../domain/errors';
import { deleteReportTemplate } from '../../domain/report/delete-report-template';
import { listReportTemplates } from '../../domain/report/list-report-templates';
import { saveReportTemplate } from '../../domain/report/save-report-template';
import { setDefaultReportTemplate } from '../../domain/report/set-default-report-template';
import type { AppEnv } from '../env';

const body = async (request: Request): Promise<unknown> => {
  try {
    return await request.json();
  } catch {
    throw new DomainError('invalid_input', 'The body must be JSON');
  }
};

export const apiReportTemplateRoutes = new Hono<AppEnv>()
  .get('/', async (c) => c.json({ templates: await listReportTemplates(c.var.ctx) }))
  .post('/', async (c) => c.json(await saveReportTemplate(c.var.ctx, { body: await body(c.req.raw) }), 201))
  .put('/:id', async (c) => c.json(await saveReportTemplate(c.var.ctx, { body: await body(c.req.raw), templateId: c.req.param('id') })))
  .delete('/:id', async (c) => {
    await deleteReportTemplate(c.var.ctx, { templateId: c.req.param('id') });
    return c.body(null, 204);
  })
  .post('/:id/default', async (c) => {
    await setDefaultReportTemplate(c.var.ctx, { templateId: c.req.param('id') });
    return c.body(null, 204);
  });
