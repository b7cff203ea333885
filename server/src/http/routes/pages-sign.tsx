// The signer's pages behind their link: view, documents, Sign, Reject. The link token is the credential, so these
// pages need no session; form posts must come from our own pages (same-origin check in app.ts).
import { Hono, type Context } from 'hono';
import { languageDetector } from 'hono/language';
import { asLanguage, languages, type Language } from '../../i18n/languages';
import { translator } from '../../i18n/translate';
import { DomainError } from '../../domain/errors';
import { getSignerDocument } from '../../domain/signer/get-signer-document';
import { getSigningView } from '../../domain/signer/get-signing-view';
import { rejectAsSigner } from '../../domain/signer/reject-as-signer';
import { signAsSigner } from '../../domain/signer/sign-as-signer';
import { SigningPage } from '../../web/signing-page';
import type { AppEnv } from '../env';
import { rateLimit } from '../middleware/rate-limit';
import { fileResponse } from './file-response';
import { page } from './html';
import { statusOf } from '../error-handler';

const done: Record<string, string> = { signed: 'sign.doneSigned', rejected: 'sign.doneRejected' };

/** The page's language: ?lang= (remembered in a cookie), else the browser's Accept-Language, else English. */
const detectLanguage = languageDetector({
  order: ['querystring', 'cookie', 'header'],
  lookupQueryString: 'lang',
  lookupCookie: 'ss_lang',
  caches: ['cookie'],
  cookieOptions: { path: '/s', sameSite: 'Lax', httpOnly: true, maxAge: 365 * 86400 },
  supportedLanguages: [...languages],
  fallbackLanguage: 'en',
});
const pageLanguage = (c: Context<AppEnv>): Language => asLanguage(c.var.language);

export const signPages = new Hono<AppEnv>()
  .use(rateLimit({ name: 'sign', windowMs: 60_000, max: 300 }))
  .use(detectLanguage)
  .use('*', async (c, next) => {
    c.header('Cache-Control', 'no-store');
    await next();
  })
  .get('/:token', async (c) => {
    const token = c.req.param('token');
    const d = done[c.req.query('done') ?? ''];
    // The page shown right after Sign or Reject is not a new opening of the link.
    const view = await getSigningView(c.var.ctx, { token, recordOpen: !d });
    const language = pageLanguage(c);
    const t = translator(language);
    return page(c, <SigningPage token={token} view={view} t={t} language={language} notice={d ? { kind: 'ok', text: t(d) } : undefined} />);
  })
  .post('/:token/sign', async (c) => {
    const token = c.req.param('token');
    try {
      await signAsSigner(c.var.ctx, { token, method: 'button', userAgent: c.req.header('user-agent') });
    } catch (err) {
      return refusal(c, token, err);
    }
    return c.redirect(`/s/${token}?done=signed`, 303);
  })
  .post('/:token/reject', async (c) => {
    const token = c.req.param('token');
    const form = await c.req.parseBody();
    try {
      await rejectAsSigner(c.var.ctx, { token, reason: String(form.reason ?? '') });
    } catch (err) {
      return refusal(c, token, err);
    }
    return c.redirect(`/s/${token}?done=rejected`, 303);
  })
  .get('/:token/documents/:documentId', async (c) => {
    const file = await getSignerDocument(c.var.ctx, { token: c.req.param('token'), documentId: c.req.param('documentId'), version: 'original' });
    return fileResponse(c, file, { inline: !c.req.query('download') && file.contentType === 'application/pdf' });
  })
  .get('/:token/documents/:documentId/final.pdf', async (c) => {
    const file = await getSignerDocument(c.var.ctx, { token: c.req.param('token'), documentId: c.req.param('documentId'), version: 'final' });
    return fileResponse(c, file);
  });

/** A refused action (double click, process ended meanwhile, empty reason) shows the page again with why. */
async function refusal(c: Context<AppEnv>, token: string, err: unknown) {
  if (!(err instanceof DomainError) || err.code === 'not_found') throw err;
  const view = await getSigningView(c.var.ctx, { token });
  const language = pageLanguage(c);
  const t = translator(language);
  return page(c, <SigningPage token={token} view={view} t={t} language={language} notice={{ kind: 'error', text: err.textKey ? t(err.textKey) : err.message }} />, statusOf[err.code]);
}
