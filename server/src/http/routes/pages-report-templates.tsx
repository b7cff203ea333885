// Admin → Report templates in the browser (mounted under /admin, which admits administrators only): list, add,
// change, make default, remove when unused. A refused form is shown again with what was typed and why.
import { Hono, type Context } from 'hono';
import type { ReportTemplateView } from '@secure-signature/shared';
import { requireActor } from '../../domain/context';
import { DomainError } from '../../domain/errors';
import { deleteReportTemplate } from '../../domain/report/delete-report-template';
import { listReportTemplates } from '../../domain/report/list-report-templates';
import { saveReportTemplate } from '../../domain/report/save-report-template';
import { setDefaultReportTemplate } from '../../domain/report/set-default-report-template';
import { getSettings } from '../../domain/settings/get-settings';
import { AdminReportTemplatesPage } from '../../web/admin-report-templates-page';
import type { AppEnv } from '../env';
import { page } from './html';

const notices: Record<string, string> = { saved: 'Saved.', removed: 'The template was removed.', default: 'The default template was changed.' };

export const reportTemplatePages = new Hono<AppEnv>()
  .get('/', async (c) => templatesPage(c, { notice: notices[c.req.query('done') ?? ''] }))
  .get('/:id', async (c) => {
    const editing = (await listReportTemplates(c.var.ctx)).find((t) => t.id === c.req.param('id'));
    if (!editing) throw new DomainError('not_found', 'Report template was not found');
    return templatesPage(c, { editing, notice: notices[c.req.query('done') ?? ''] });
  })
  .post('/', async (c) => saveForm(c))
  .post('/:id', async (c) => saveForm(c, c.req.param('id')))
  .post('/:id/default', async (c) => {
    await setDefaultReportTemplate(c.var.ctx, { templateId: c.req.param('id') });
    return c.redirect('/admin/report-templates?done=default', 303);
  })
  .post('/:id/delete', async (c) => {
    try {
      await deleteReportTemplate(c.var.ctx, { templateId: c.req.param('id') });
    } catch (err) {
      if (!(err instanceof DomainError) || err.code !== 'conflict') throw err;
      const editing = (await listReportTemplates(c.var.ctx)).find((t) => t.id === c.req.param('id'));
      return templatesPage(c, { editing, error: err.message }, 409);
    }
    return c.redirect('/admin/report-templates?done=removed', 303);
  });

async function templatesPage(c: Context<AppEnv>, extra: { editing?: Partial<ReportTemplateView>; notice?: string; error?: string }, status: 200 | 400 | 409 = 200) {
  const [templates, settings] = await Promise.all([listReportTemplates(c.var.ctx), getSettings(c.var.ctx)]);
  return page(c, <AdminReportTemplatesPage actor={requireActor(c.var.ctx)} csrfToken={c.var.csrfToken} templates={templates} reports={settings.reports} {...extra} />, status);
}

async function saveForm(c: Context<AppEnv>, templateId?: string) {
  const form = await c.req.parseBody();
  const text = (k: string) => (typeof form[k] === 'string' ? (form[k] as string) : '');
  const lines = (k: string) => text(k).split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  const body = {
    name: text('name'),
    senderAddress: text('senderAddress').trim(),
    signaturesPage: text('signaturesPage') || undefined,
    pagePosition: text('pagePosition') || undefined,
    language: text('language') || undefined,
    emailRecipients: lines('emailRecipients'),
    postUrls: lines('postUrls'),
    format: text('format') || undefined,
    hmacSecret: text('hmacSecret'),
  };
  let saved: { id: string };
  try {
    saved = await saveReportTemplate(c.var.ctx, { body, templateId });
  } catch (err) {
    if (!(err instanceof DomainError) || err.code === 'not_found') throw err;
    const editing = { ...(body as Partial<ReportTemplateView>), id: templateId, processes: 0 };
    return templatesPage(c, { editing, error: err.message }, err.code === 'conflict' ? 409 : 400);
  }
  return c.redirect(`/admin/report-templates/${saved.id}?done=saved`, 303);
}
