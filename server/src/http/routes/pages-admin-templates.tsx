// Admin → Message templates: pick a message and a language, edit, preview, save, reset. Mounted inside the admin
// pages, so only administrators with a session and the form's CSRF token get here.
import { Hono, type Context } from 'hono';
import { requireActor } from '../../domain/context';
import { DomainError } from '../../domain/errors';
import { getMessageTemplate } from '../../domain/template/get-message-template';
import { listCustomisedTemplates } from '../../domain/template/list-customised-templates';
import { previewMessageTemplate } from '../../domain/template/preview-message-template';
import { resetMessageTemplate } from '../../domain/template/reset-message-template';
import { saveMessageTemplate } from '../../domain/template/save-message-template';
import { AdminTemplatesPage } from '../../web/admin-templates-page';
import type { AppEnv } from '../env';
import { page } from './html';

type Ref = { channel: string; kind: string; language: string };

async function show(c: Context<AppEnv>, ref: Ref, extra: Partial<Parameters<typeof AdminTemplatesPage>[0]> & { draft?: { subject: string; body: string } } = {}, status: 200 | 400 = 200) {
  const { draft, ...rest } = extra;
  const stored = await getMessageTemplate(c.var.ctx, ref);
  const template = draft ? { ...stored, ...draft } : stored;
  const customised = await listCustomisedTemplates(c.var.ctx);
  return page(c, <AdminTemplatesPage actor={requireActor(c.var.ctx)} csrfToken={c.var.csrfToken} template={template} customised={customised} {...rest} />, status);
}

export const adminTemplatePages = new Hono<AppEnv>()
  .get('/', async (c) => {
    const ref = { channel: c.req.query('channel') ?? 'email', kind: c.req.query('kind') ?? 'invitation', language: c.req.query('language') ?? 'en' };
    const notice = c.req.query('saved') ? 'Saved: the next message uses this wording.' : c.req.query('reset') ? 'Back to the built-in text.' : undefined;
    return show(c, ref, { notice });
  })
  .post('/:channel/:kind/:language', async (c) => {
    const ref = { channel: c.req.param('channel'), kind: c.req.param('kind'), language: c.req.param('language') };
    const form = await c.req.parseBody();
    const draft = { subject: String(form.subject ?? ''), body: String(form.body ?? '') };
    try {
      if (form.action === 'preview') return await show(c, ref, { draft, preview: previewMessageTemplate(c.var.ctx, { ...ref, ...draft }) });
      await saveMessageTemplate(c.var.ctx, { ...ref, ...draft });
    } catch (err) {
      if (!(err instanceof DomainError) || err.code !== 'invalid_input') throw err;
      return show(c, ref, { draft, error: err.message }, 400);
    }
    return c.redirect(`/admin/templates?channel=${ref.channel}&kind=${ref.kind}&language=${ref.language}&saved=1`, 303);
  })
  .post('/:channel/:kind/:language/reset', async (c) => {
    const ref = { channel: c.req.param('channel'), kind: c.req.param('kind'), language: c.req.param('language') };
    await resetMessageTemplate(c.var.ctx, ref);
    return c.redirect(`/admin/templates?channel=${ref.channel}&kind=${ref.kind}&language=${ref.language}&reset=1`, 303);
  });
