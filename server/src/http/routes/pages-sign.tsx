// The signer's pages behind their link: the admin's disclaimer and the SMS PIN step when they apply, then view,
// documents, Sign, Reject.
// The link token is the credential (with the PIN session cookie when a PIN is needed), so these pages need no
// account session; form posts must come from our own pages (same-origin check in app.ts).
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { signatureMethod } from '@secure-signature/shared';
import { getCookie, setCookie } from 'hono/cookie';
import { languageDetector } from 'hono/language';
import { asLanguage, languages, type Language } from '../../i18n/languages';
import { translator } from '../../i18n/translate';
import { DomainError } from '../../domain/errors';
import { getSignerDocument } from '../../domain/signer/get-signer-document';
import { getSigningView } from '../../domain/signer/get-signing-view';
import { rejectAsSigner } from '../../domain/signer/reject-as-signer';
import { signAsSigner } from '../../domain/signer/sign-as-signer';
import { finishOidcSigning } from '../../domain/identity-provider/finish-oidc-signing';
import { startOidcSigning } from '../../domain/identity-provider/start-oidc-signing';
import { randomToken } from '../../domain/secrets';
import { listIdentityProviders } from '../../domain/identity-provider/list-identity-providers';
import { pageCsp } from '../middleware/request-context';
import { authorizationOrigin } from '../../domain/identity-provider/oidc-client';
import { forwardAsSigner } from '../../domain/signer/forward-as-signer';
import { getPinState, pinStepOpen } from '../../domain/signer-pin/get-pin-state';
import { orderPin } from '../../domain/signer-pin/order-pin';
import { verifyPin } from '../../domain/signer-pin/verify-pin';
import { acceptDisclaimer, pendingDisclaimer } from '../../domain/signer/disclaimer';
import { DisclaimerPage } from '../../web/disclaimer-page';
import { HandoverPage } from '../../web/handover-page';
import { finishHandover, getHandover } from '../../domain/handover/finish-handover';
import { startHandover } from '../../domain/handover/start-handover';
import { PinPage } from '../../web/pin-page';
import { SigningPage } from '../../web/signing-page';
import type { AppEnv } from '../env';
import { rateLimit } from '../middleware/rate-limit';
import { fileResponse } from './file-response';
import { page } from './html';
import { statusOf } from '../error-handler';

const done: Record<string, string> = {
  signed: 'sign.doneSigned',
  signedForwarded: 'sign.doneSignedForwarded',
  forwarded: 'sign.doneForwarded',
  rejected: 'sign.doneRejected',
};

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

/** Binds an identity-provider sign-in to the browser that started it. */
const OIDC_COOKIE = 'ss_oidc';
/** The refusals an identity-provider callback may report on the signing page (?refused=). */
const OIDC_REFUSALS = new Set([
  'sign.oidcFailed',
  'sign.oidcUsed',
  'sign.oidcOtherBrowser',
  'sign.identityMismatch',
  'sign.rightRefused',
  'sign.rightUnavailable',
  'sign.rightNeedsIdentity',
  'sign.errorMethod',
  'sign.errorAlreadySigned',
  'sign.errorDownloadFirst',
  'sign.notYourTurn',
  'sign.alreadyRejected',
  'sign.alreadyForwarded',
  'sign.completed',
  'sign.rejected',
  'sign.aborted',
  'sign.expired',
]);

/** Holds the PIN session of one link; its path keeps it to that link, so one browser can serve several signers. */
const PIN_COOKIE = 'ss_pin';

/** The PIN step's page when this link needs a PIN this browser has not given yet; otherwise undefined. */
async function pinStep(c: Context<AppEnv>, token: string, notice?: { kind: 'ok' | 'error'; text: string } | 'sent', status: 200 | 400 | 403 | 409 | 429 = 200) {
  if (!(await pinStepOpen(c.var.ctx, { token, pinSession: getCookie(c, PIN_COOKIE) }))) return undefined;
  const state = await getPinState(c.var.ctx, { token });
  if (!state.required) return undefined;
  const language = pageLanguage(c);
  const t = translator(language);
  // A blocked link (locked, no phone) says why in the page itself; the same words again on top would be noise.
  const shown = notice === 'sent' ? { kind: 'ok' as const, text: t('pin.sent', { phone: state.sentTo, minutes: state.validMinutes }) } : state.blocked ? undefined : notice;
  return page(c, <PinPage token={token} state={state} t={t} language={language} notice={shown} />, status);
}

/** The admin's disclaimer when this signer has not accepted it yet; otherwise undefined. */
async function disclaimerStep(c: Context<AppEnv>, token: string) {
  const language = pageLanguage(c);
  const paragraphs = await pendingDisclaimer(c.var.ctx, { token, language });
  if (!paragraphs) return undefined;
  return page(c, <DisclaimerPage token={token} paragraphs={paragraphs} t={translator(language)} language={language} />);
}

/** Nothing else of a link (the PIN step included) is shown or done before the disclaimer is accepted. */
const requireDisclaimer: MiddlewareHandler<AppEnv> = async (c, next) => {
  const token = c.req.param('token') ?? '';
  if (await pendingDisclaimer(c.var.ctx, { token, language: pageLanguage(c) })) return c.redirect(`/s/${token}`, 303);
  await next();
};

/** Every other page and action of a link waits for the PIN: nothing is shown or changed before it. */
const requirePin: MiddlewareHandler<AppEnv> = async (c, next) => {
  const token = c.req.param('token') ?? '';
  if (await pinStepOpen(c.var.ctx, { token, pinSession: getCookie(c, PIN_COOKIE) })) return c.redirect(`/s/${token}`, 303);
  await next();
};

export const signPages = new Hono<AppEnv>()
  .use(rateLimit({ name: 'sign', windowMs: 60_000, max: 300 }))
  .use(detectLanguage)
  .use('*', async (c, next) => {
    c.header('Cache-Control', 'no-store');
    await next();
    // Signing with an identity provider is a form whose answer redirects to the provider.
    if (c.res.headers.get('Content-Type')?.startsWith('text/html')) {
      const providers = await listIdentityProviders(c.var.ctx, { enabledOnly: true });
      const origins = providers.flatMap((p) => [new URL(p.issuer).origin, authorizationOrigin(p.id) ?? []].flat());
      c.header('Content-Security-Policy', pageCsp([...new Set(origins)]));
    }
  })
  // The identity provider's answer (its redirect URI, one for the whole server). Registered before the link's
  // gates: it carries no link token; the signer is found from the one-time request.
  .get('/oidc/callback', async (c) => {
    const outcome = await finishOidcSigning(c.var.ctx, {
      callbackUrl: new URL(c.req.url.replace(/^https?:\/\/[^/]+/, c.var.ctx.config.publicUrl)),
      browserSecret: getCookie(c, OIDC_COOKIE),
      userAgent: c.req.header('user-agent'),
    });
    if (!outcome.refusal) return c.redirect(`/s/${outcome.token}?done=signed`, 303);
    const key = outcome.refusal.textKey && OIDC_REFUSALS.has(outcome.refusal.textKey) ? outcome.refusal.textKey : 'sign.oidcFailed';
    return c.redirect(`/s/${outcome.token}?refused=${encodeURIComponent(key)}`, 303);
  })
  .get('/:token', async (c) => {
    const token = c.req.param('token');
    const step = (await disclaimerStep(c, token)) ?? (await pinStep(c, token, c.req.query('pin') === 'sent' ? 'sent' : undefined));
    if (step) return step;
    const d = done[c.req.query('done') ?? ''];
    const refused = OIDC_REFUSALS.has(c.req.query('refused') ?? '') ? c.req.query('refused')! : undefined;
    // The page shown right after Sign or Reject is not a new opening of the link.
    const view = await getSigningView(c.var.ctx, { token, recordOpen: !d && !refused });
    const language = pageLanguage(c);
    const t = translator(language);
    return page(c, <SigningPage token={token} view={view} t={t} language={language} notice={d ? { kind: 'ok', text: t(d) } : refused ? { kind: 'error', text: t(refused, { businessId: view.signer.businessId, reason: view.signer.signingRightRefusal }) } : undefined} />);
  })
  // Each step answers before the gates added after it: Hono runs handlers in the order they were added.
  .post('/:token/disclaimer', async (c) => {
    await acceptDisclaimer(c.var.ctx, { token: c.req.param('token') });
    return c.redirect(`/s/${c.req.param('token')}`, 303);
  })
  .use('/:token/*', requireDisclaimer)
  .post('/:token/pin/order', async (c) => {
    const token = c.req.param('token');
    try {
      await orderPin(c.var.ctx, { token });
    } catch (err) {
      return pinRefusal(c, token, err);
    }
    return c.redirect(`/s/${token}?pin=sent`, 303);
  })
  .post('/:token/pin', async (c) => {
    const token = c.req.param('token');
    const form = await c.req.parseBody();
    try {
      const { session } = await verifyPin(c.var.ctx, { token, pin: String(form.pin ?? '') });
      setCookie(c, PIN_COOKIE, session.value, {
        path: `/s/${token}`,
        httpOnly: true,
        sameSite: 'Lax',
        secure: c.var.ctx.config.publicUrl.startsWith('https:'),
        maxAge: session.maxAge,
      });
    } catch (err) {
      return pinRefusal(c, token, err);
    }
    return c.redirect(`/s/${token}`, 303);
  })
  .use('/:token/*', requirePin)
  .post('/:token/sign', async (c) => {
    const token = c.req.param('token');
    let forwarded = false;
    try {
      const form = await c.req.parseBody();
      const method = signatureMethod.safeParse(form.method ?? 'button');
      if (!method.success) throw new DomainError('invalid_input', 'Unknown signature method', 'method', 'sign.errorMethod');
      const drawing = typeof form.drawing === 'string' ? form.drawing : undefined;
      const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
      const forwardEmail = text(form.forwardEmail)?.trim();
      forwarded = Boolean(forwardEmail);
      await signAsSigner(c.var.ctx, {
        token,
        method: method.data,
        drawing,
        userAgent: c.req.header('user-agent'),
        details: { organization: text(form.organization), jobTitle: text(form.jobTitle) },
        forwardTo: forwardEmail ? { email: forwardEmail, name: text(form.forwardName), phone: text(form.forwardPhone) } : undefined,
        password: text(form.password),
        purpose: text(form.purpose) || undefined,
        blockId: text(form.block) || undefined,
      });
    } catch (err) {
      return refusal(c, token, err);
    }
    return c.redirect(`/s/${token}?done=${forwarded ? 'signedForwarded' : 'signed'}`, 303);
  })
  .post('/:token/oidc/start', async (c) => {
    const token = c.req.param('token');
    const form = await c.req.parseBody();
    // One random value per browser, its hash kept with the request: the callback must come back to this browser.
    const browserSecret = /^[\w-]{43}$/.test(getCookie(c, OIDC_COOKIE) ?? '') ? getCookie(c, OIDC_COOKIE)! : randomToken();
    let url: URL;
    try {
      url = await startOidcSigning(c.var.ctx, { token, providerId: String(form.provider ?? ''), browserSecret, language: pageLanguage(c), purpose: typeof form.purpose === 'string' ? form.purpose : undefined, blockId: typeof form.block === 'string' && form.block ? form.block : undefined, password: typeof form.password === 'string' ? form.password : undefined });
    } catch (err) {
      return refusal(c, token, err);
    }
    setCookie(c, OIDC_COOKIE, browserSecret, { path: '/s/oidc', httpOnly: true, sameSite: 'Lax', secure: c.var.ctx.config.publicUrl.startsWith('https:'), maxAge: 3600 });
    return c.redirect(url.href, 303);
  })
  .post('/:token/handover', async (c) => {
    const token = c.req.param('token');
    const form = await c.req.parseBody();
    try {
      const { handoverId } = await startHandover(c.var.ctx, { token, toSignerId: String(form.to ?? '') });
      return c.redirect(`/s/${token}/handover/${handoverId}`, 303);
    } catch (err) {
      return refusal(c, token, err);
    }
  })
  .get('/:token/handover/:id', async (c) => handoverPage(c))
  .post('/:token/handover/:id', async (c) => {
    const form = await c.req.parseBody();
    try {
      const { nextToken } = await finishHandover(c.var.ctx, { token: c.req.param('token'), handoverId: c.req.param('id'), code: String(form.code ?? '') });
      return c.redirect(`/s/${nextToken}`, 303);
    } catch (err) {
      if (!(err instanceof DomainError) || err.code === 'not_found') throw err;
      const t = translator(pageLanguage(c));
      return handoverPage(c, t(err.textKey!, err.textParams), statusOf[err.code] as 400 | 409);
    }
  })
  .post('/:token/forward', async (c) => {
    const token = c.req.param('token');
    const form = await c.req.parseBody();
    const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
    try {
      await forwardAsSigner(c.var.ctx, { token, to: { email: text(form.email) ?? '', name: text(form.name), phone: text(form.phone) } });
    } catch (err) {
      return refusal(c, token, err);
    }
    return c.redirect(`/s/${token}?done=forwarded`, 303);
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
    const download = Boolean(c.req.query('download'));
    const file = await getSignerDocument(c.var.ctx, { token: c.req.param('token'), documentId: c.req.param('documentId'), version: 'original', download });
    return fileResponse(c, file, { inline: !download && file.contentType === 'application/pdf' });
  })
  .get('/:token/documents/:documentId/final.pdf', async (c) => {
    const file = await getSignerDocument(c.var.ctx, { token: c.req.param('token'), documentId: c.req.param('documentId'), version: 'final' });
    return fileResponse(c, file);
  });

/** The code page of a handover, with why the last code was refused. */
async function handoverPage(c: Context<AppEnv>, error?: string, status: 200 | 400 | 409 = 200) {
  const handover = await getHandover(c.var.ctx, { token: c.req.param('token') ?? '', handoverId: c.req.param('id') ?? '' });
  const language = pageLanguage(c);
  return page(c, <HandoverPage token={c.req.param('token') ?? ''} handover={handover} t={translator(language)} language={language} error={error} />, status);
}

/** A refused PIN step (wrong, expired, too many orders, locked) shows the PIN page again with why. */
async function pinRefusal(c: Context<AppEnv>, token: string, err: unknown) {
  if (!(err instanceof DomainError) || err.code === 'not_found') throw err;
  const t = translator(pageLanguage(c));
  const notice = { kind: 'error' as const, text: err.textKey ? t(err.textKey, err.textParams) : err.message };
  const status = statusOf[err.code] as 400 | 403 | 409 | 429;
  // A right PIN in the meantime (another tab) leaves nothing to refuse: go on to the documents.
  return (await pinStep(c, token, notice, status)) ?? c.redirect(`/s/${token}`, 303);
}

/** A refused action (double click, process ended meanwhile, empty reason) shows the page again with why. */
async function refusal(c: Context<AppEnv>, token: string, err: unknown) {
  if (!(err instanceof DomainError) || err.code === 'not_found') throw err;
  const view = await getSigningView(c.var.ctx, { token });
  const language = pageLanguage(c);
  const t = translator(language);
  return page(c, <SigningPage token={token} view={view} t={t} language={language} notice={{ kind: 'error', text: err.textKey ? t(err.textKey, err.textParams) : err.message }} />, statusOf[err.code]);
}
