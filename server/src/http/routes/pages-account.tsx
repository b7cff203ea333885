// The account page: who you are, and your API tokens (create, revoke).
import { Hono } from 'hono';
import { issueApiToken } from '../../domain/token/issue-api-token';
import { listApiTokens } from '../../domain/token/list-api-tokens';
import { revokeApiToken } from '../../domain/token/revoke-api-token';
import { requireActor } from '../../domain/context';
import { DomainError } from '../../domain/errors';
import { changePassword } from '../../domain/user/change-password';
import { AccountPage } from '../../web/account-page';
import type { AppEnv } from '../env';
import { requireSession } from '../middleware/session-auth';
import { page } from './html';

export const accountPages = new Hono<AppEnv>()
  .use(requireSession)
  .get('/', async (c) => {
    const tokens = await listApiTokens(c.var.ctx);
    const notice = c.req.query('revoked') ? 'The token was revoked.' : c.req.query('password') ? 'Your password was changed.' : undefined;
    return page(c, <AccountPage actor={requireActor(c.var.ctx)} csrfToken={c.var.csrfToken} tokens={tokens} notice={notice} />);
  })
  .post('/tokens', async (c) => {
    const form = await c.req.parseBody();
    const issued = await issueApiToken(c.var.ctx, { label: String(form.label ?? '') });
    const tokens = await listApiTokens(c.var.ctx);
    c.header('Cache-Control', 'no-store');
    return page(c, <AccountPage actor={requireActor(c.var.ctx)} csrfToken={c.var.csrfToken} tokens={tokens} newToken={issued.token} />, 201);
  })
  .post('/password', async (c) => {
    const form = await c.req.parseBody();
    try {
      await changePassword(c.var.ctx, { current: String(form.current ?? ''), next: String(form.next ?? '') });
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      const tokens = await listApiTokens(c.var.ctx);
      return page(c, <AccountPage actor={requireActor(c.var.ctx)} csrfToken={c.var.csrfToken} tokens={tokens} passwordError={err.message} />, 400);
    }
    return c.redirect('/account?password=1', 303);
  })
  .post('/tokens/:id/revoke', async (c) => {
    await revokeApiToken(c.var.ctx, { tokenId: c.req.param('id') });
    return c.redirect('/account?revoked=1', 303);
  });
