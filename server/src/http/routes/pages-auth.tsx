// Sign in and out in the browser.
import { Hono } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { DomainError } from '../../domain/errors';
import { createSession } from '../../domain/session/create-session';
import { endSession } from '../../domain/session/end-session';
import { signIn } from '../../domain/user/sign-in';
import { verifyLoginPin } from '../../domain/user/verify-login-pin';
import { LoginPage, LoginPinPage } from '../../web/login-page';
import { getSettings } from '../../domain/settings/get-settings';
import type { AppEnv } from '../env';
import { rateLimit } from '../middleware/rate-limit';
import { requireSession, SESSION_COOKIE } from '../middleware/session-auth';
import { page } from './html';

/** Only local paths, so a crafted ?next= cannot send the user to another site. */
const safeNext = (next: unknown) => (typeof next === 'string' && /^\/(?![/\\])/.test(next) ? next : '/processes');

export const loginPages = new Hono<AppEnv>()
  .get('/', async (c) => {
    if (c.var.ctx.actor) return c.redirect(safeNext(c.req.query('next')), 303);
    const resetAllowed = (await getSettings(c.var.ctx)).authentication.allowPasswordReset;
    return page(c, <LoginPage next={c.req.query('next')} resetAllowed={resetAllowed} notice={c.req.query('reset') ? 'Your password was changed. Sign in with the new one.' : undefined} />);
  })
  .post('/', rateLimit({ name: 'login', windowMs: 5 * 60_000, max: 30 }), async (c) => {
    const form = await c.req.parseBody();
    const login = String(form.login ?? '');
    try {
      // The account's method decides (signIn); an SMS PIN account answers with the code on a second form.
      const step = typeof form.pin === 'string' ? { actor: await verifyLoginPin(c.var.ctx, { login, pin: form.pin }) } : await signIn(c.var.ctx, { login, password: String(form.password ?? '') });
      if ('pinSentTo' in step) return page(c, <LoginPinPage next={String(form.next ?? '')} login={login} sentTo={step.pinSentTo} />);
      const { actor } = step;
      const session = await createSession({ ...c.var.ctx, actor }, { userAgent: c.req.header('user-agent') ?? '' });
      setCookie(c, SESSION_COOKIE, session.token, {
        httpOnly: true,
        sameSite: 'Lax',
        secure: c.var.ctx.config.publicUrl.startsWith('https:'),
        path: '/',
        expires: session.expiresAt,
      });
      return c.redirect(safeNext(form.next), 303);
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      const status = err.code === 'rate_limited' ? 429 : 401;
      if (typeof form.pin === 'string' && err.message.startsWith('Wrong code')) return page(c, <LoginPinPage next={String(form.next ?? '')} login={login} error={err.message} />, status);
      const resetAllowed = (await getSettings(c.var.ctx)).authentication.allowPasswordReset;
      return page(c, <LoginPage next={String(form.next ?? '')} login={login} error={err.message} resetAllowed={resetAllowed} />, status);
    }
  });

export const logoutPages = new Hono<AppEnv>().post('/', requireSession, async (c) => {
    if (c.var.sessionToken) await endSession(c.var.ctx, { token: c.var.sessionToken });
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
  return c.redirect('/login', 303);
});
