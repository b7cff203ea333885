// Admin → Secure mail (mounted in pages-admin, behind its session, CSRF and admin checks): the two settings
// sections of secure delivery and the mail transport, and the recipient certificates.
import { Hono, type Context } from 'hono';
import { requireActor } from '../../domain/context';
import { DomainError } from '../../domain/errors';
import { deleteRecipientCertificate } from '../../domain/secure-mail/delete-recipient-certificate';
import { listRecipientCertificates } from '../../domain/secure-mail/list-recipient-certificates';
import { saveRecipientCertificate } from '../../domain/secure-mail/save-recipient-certificate';
import { getSettings } from '../../domain/settings/get-settings';
import { maskSecrets } from '../../domain/settings/secret-settings';
import { updateSettings } from '../../domain/settings/update-settings';
import { AdminSecureMailPage, SECURE_MAIL_SECTIONS } from '../../web/admin-secure-mail-page';
import { settingsFromForm } from '../../web/settings-form';
import type { AppEnv } from '../env';
import { page } from './html';

const NOTICES: Record<string, string> = {
  saved: 'Saved. It applies from the next message on.',
  added: 'Certificate saved.',
  deleted: 'Certificate deleted.',
};

async function secureMailPage(c: Context<AppEnv>, extra: { notice?: string; error?: string } = {}, status: 200 | 400 | 404 = 200) {
  const ctx = c.var.ctx;
  const certificates = await listRecipientCertificates(ctx);
  return page(c, <AdminSecureMailPage actor={requireActor(ctx)} csrfToken={c.var.csrfToken} settings={maskSecrets(await getSettings(ctx))} certificates={certificates} {...extra} />, status);
}

/** Shows a refusal on the page; anything but a domain error is the error handler's. */
async function orRefusal(c: Context<AppEnv>, action: () => Promise<unknown>, done: string) {
  try {
    await action();
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    return secureMailPage(c, { error: err.message }, err.code === 'not_found' ? 404 : 400);
  }
  return c.redirect(`/admin/secure-mail?done=${done}`, 303);
}

export const secureMailAdminPages = new Hono<AppEnv>()
  .get('/', (c) => secureMailPage(c, { notice: NOTICES[c.req.query('done') ?? ''] }))
  .post('/settings', async (c) => {
    const posted = settingsFromForm(await c.req.parseBody());
    return orRefusal(
      c,
      async () => {
        // Only this page's sections change; the others are sent back as stored (secrets masked, so kept).
        const settings: Record<string, unknown> = { ...maskSecrets(await getSettings(c.var.ctx)) };
        for (const key of SECURE_MAIL_SECTIONS) settings[key] = posted[key];
        await updateSettings(c.var.ctx, { settings });
      },
      'saved',
    );
  })
  .post('/certificates', async (c) => {
    const form = await c.req.parseBody();
    const file = form.certificate instanceof File ? new Uint8Array(await form.certificate.arrayBuffer()) : new Uint8Array();
    return orRefusal(c, () => saveRecipientCertificate(c.var.ctx, { email: String(form.email ?? ''), certificate: file, source: 'admin' }), 'added');
  })
  .post('/certificates/:id/delete', (c) => orRefusal(c, () => deleteRecipientCertificate(c.var.ctx, { id: c.req.param('id') }), 'deleted'));
