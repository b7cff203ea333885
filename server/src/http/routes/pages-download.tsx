// Protected download links of final documents (/d/<token>, docs/secure-delivery.md). Public pages: guarded by
// the unguessable token, the one-time code with its lockout, a rate limit per address, and the same-origin check
// on every form (the app's `web` wrapper). Nothing but the title is shown before the code.
import { Hono, type Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { languageDetector } from 'hono/language';
import { DomainError } from '../../domain/errors';
import { downloadFinalDocument } from '../../domain/secure-mail/download-final-document';
import { getDownloadView } from '../../domain/secure-mail/get-download-view';
import { orderDownloadCode } from '../../domain/secure-mail/order-download-code';
import { receiveRecipientCertificate } from '../../domain/secure-mail/receive-recipient-certificate';
import { verifyDownloadCode } from '../../domain/secure-mail/verify-download-code';
import { asLanguage, languages, type Language } from '../../i18n/languages';
import { translator } from '../../i18n/translate';
import { DownloadPage } from '../../web/download-page';
import type { AppEnv } from '../env';
import { rateLimit } from '../middleware/rate-limit';
import { fileResponse } from './file-response';
import { page } from './html';

/** The session of one link; its path keeps it to that link. */
const COOKIE = 'ss_download';

const NOTICES: Record<string, string> = { sent: 'secureDelivery.sent', certificate: 'secureDelivery.certificateSaved' };

/** The page's language: ?lang= (the link in the email carries the recipient's), remembered in a cookie, else the
 *  browser's. */
const detectLanguage = languageDetector({
  order: ['querystring', 'cookie', 'header'],
  lookupQueryString: 'lang',
  lookupCookie: 'ss_lang',
  caches: ['cookie'],
  cookieOptions: { path: '/d', sameSite: 'Lax', httpOnly: true, maxAge: 365 * 86400 },
  supportedLanguages: [...languages],
  fallbackLanguage: 'en',
});
const pageLanguage = (c: Context<AppEnv>): Language => asLanguage(c.var.language);

async function downloadPage(c: Context<AppEnv>, token: string, notice?: { kind: 'ok' | 'error'; text: string }, status: 200 | 400 | 403 | 409 | 429 = 200) {
  const view = await getDownloadView(c.var.ctx, { token, session: getCookie(c, COOKIE) });
  const language = pageLanguage(c);
  return page(c, <DownloadPage token={token} view={view} t={translator(language)} language={language} notice={notice} />, status);
}

/** A refusal shown on the page itself (wrong code, locked, too many orders); anything else goes to the error page. */
async function refusal(c: Context<AppEnv>, token: string, err: unknown) {
  if (!(err instanceof DomainError) || err.code === 'not_found') throw err;
  const status = ({ invalid_input: 400, forbidden: 403, conflict: 409, rate_limited: 429 } as const)[err.code as 'invalid_input'] ?? 400;
  const text = err.textKey ? translator(pageLanguage(c))(err.textKey, err.textParams) : err.message;
  return downloadPage(c, token, { kind: 'error', text }, status);
}

export const downloadPages = new Hono<AppEnv>()
  .use(rateLimit({ name: 'download', windowMs: 60_000, max: 120 }))
  .use(detectLanguage)
  .use('*', async (c, next) => {
    c.header('Cache-Control', 'no-store');
    c.header('Referrer-Policy', 'no-referrer');
    await next();
  })
  .get('/:token', async (c) => {
    const key = c.req.query('done') ?? '';
    return downloadPage(c, c.req.param('token'), NOTICES[key] ? { kind: 'ok', text: translator(pageLanguage(c))(NOTICES[key]) } : undefined);
  })
  .post('/:token/order', async (c) => {
    const token = c.req.param('token');
    try {
      await orderDownloadCode(c.var.ctx, { token, language: pageLanguage(c) });
    } catch (err) {
      return refusal(c, token, err);
    }
    return c.redirect(`/d/${token}?done=sent`, 303);
  })
  .post('/:token/code', async (c) => {
    const token = c.req.param('token');
    const form = await c.req.parseBody();
    try {
      const { session } = await verifyDownloadCode(c.var.ctx, { token, code: String(form.code ?? '') });
      setCookie(c, COOKIE, session.value, {
        path: `/d/${token}`,
        httpOnly: true,
        sameSite: 'Lax',
        secure: c.var.ctx.config.publicUrl.startsWith('https:'),
        maxAge: session.maxAge,
      });
    } catch (err) {
      return refusal(c, token, err);
    }
    return c.redirect(`/d/${token}`, 303);
  })
  .get('/:token/files/:documentId', async (c) => {
    const file = await downloadFinalDocument(c.var.ctx, { token: c.req.param('token'), session: getCookie(c, COOKIE), documentId: c.req.param('documentId') });
    return fileResponse(c, file);
  })
  .post('/:token/certificate', async (c) => {
    const token = c.req.param('token');
    const form = await c.req.parseBody();
    const file = form.certificate instanceof File ? new Uint8Array(await form.certificate.arrayBuffer()) : new Uint8Array();
    try {
      if (file.byteLength === 0 || file.byteLength > 64 * 1024) {
        throw new DomainError('invalid_input', 'Choose your certificate file (at most 64 KB)', 'certificate', 'secureDelivery.certificateFile');
      }
      await receiveRecipientCertificate(c.var.ctx, { token, session: getCookie(c, COOKIE), certificate: file });
    } catch (err) {
      return refusal(c, token, err);
    }
    return c.redirect(`/d/${token}?done=certificate`, 303);
  });
