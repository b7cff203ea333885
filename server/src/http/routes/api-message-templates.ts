// Admin → Message templates as JSON, mounted in the admin API (admins only): GET, PUT {subject, body} and DELETE
// (back to the built-in text) /api/v1/admin/message-templates/:channel/:kind/:language, and POST …/preview.
import { Hono } from 'hono';
import { DomainError } from '../../domain/errors';
import { getMessageTemplate } from '../../domain/template/get-message-template';
import { previewMessageTemplate } from '../../domain/template/preview-message-template';
import { resetMessageTemplate } from '../../domain/template/reset-message-template';
import { saveMessageTemplate } from '../../domain/template/save-message-template';
import type { AppEnv } from '../env';

async function textBody(request: Request): Promise<{ subject: string; body: string }> {
  const body = (await request.json().catch(() => {
    throw new DomainError('invalid_input', 'The body must be JSON');
  })) as { subject?: unknown; body?: unknown } | null;
  if (typeof body?.body !== 'string') throw new DomainError('invalid_input', 'body: is required', 'body');
  return { subject: typeof body.subject === 'string' ? body.subject : '', body: body.body };
}

export const apiMessageTemplateRoutes = new Hono<AppEnv>()
  .get('/:channel/:kind/:language', async (c) => c.json(await getMessageTemplate(c.var.ctx, c.req.param())))
  .put('/:channel/:kind/:language', async (c) => {
    await saveMessageTemplate(c.var.ctx, { ...c.req.param(), ...(await textBody(c.req.raw)) });
    return c.json(await getMessageTemplate(c.var.ctx, c.req.param()));
  })
  .delete('/:channel/:kind/:language', async (c) => {
    await resetMessageTemplate(c.var.ctx, c.req.param());
    return c.body(null, 204);
  })
  .post('/:channel/:kind/:language/preview', async (c) => {
    const { subject, text, html } = previewMessageTemplate(c.var.ctx, { ...c.req.param(), ...(await textBody(c.req.raw)) });
    return c.json({ subject, text, html });
  });
