// Password reset in the browser: order a link (rate-limited; the answer is the same whether or not the account
// exists), then set a new password from the link.
import { Hono } from 'hono';
import { DomainError } from '../../domain/errors';
import { checkResetLink, completePasswordReset, requestPasswordReset } from '../../domain/user/password-reset';
import { NewPasswordPage, RequestResetPage } from '../../web/password-reset-page';
import type { AppEnv } from '../env';
import { rateLimit } from '../middleware/rate-limit';
import { page } from './html';

export const passwordResetPages = new Hono<AppEnv>()
  .use('*', async (c, next) => {
    c.header('Cache-Control', 'no-store');
    await next();
  })
  .get('/', (c) => page(c, <RequestResetPage />))
  .post('/', rateLimit({ name: 'password-reset', windowMs: 15 * 60_000, max: 10 }), async (c) => {
    const form = await c.req.parseBody();
    await requestPasswordReset(c.var.ctx, { login: String(form.login ?? '') });
    return page(c, <RequestResetPage sent />);
  })
  .get('/:token', async (c) => {
    await checkResetLink(c.var.ctx, { token: c.req.param('token') });
    return page(c, <NewPasswordPage token={c.req.param('token')} />);
  })
  .post('/:token', async (c) => {
    const token = c.req.param('token');
    const form = await c.req.parseBody();
    const password = String(form.password ?? '');
    try {
      if (password !== String(form.again ?? '')) throw new DomainError('invalid_input', 'The two passwords differ', 'again');
      await completePasswordReset(c.var.ctx, { token, password });
    } catch (err) {
      if (!(err instanceof DomainError) || err.code === 'not_found') throw err;
      return page(c, <NewPasswordPage token={token} error={err.message} />, 400);
    }
    return c.redirect('/login?reset=1', 303);
  });
