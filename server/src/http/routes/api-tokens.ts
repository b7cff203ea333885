// POST /api/v1/tokens with HTTP Basic (username or email, password) issues a personal API token.
// GET lists the caller's tokens, DELETE revokes one (both with a Bearer token).
import { Hono } from 'hono';
import { z } from 'zod';
import type { TokenResponse } from '@secure-signature/shared';
import { DomainError } from '../../domain/errors';
import { issueApiToken } from '../../domain/token/issue-api-token';
import { listApiTokens } from '../../domain/token/list-api-tokens';
import { revokeApiToken } from '../../domain/token/revoke-api-token';
import { authenticatePassword } from '../../domain/user/authenticate-password';
import { requireApiUser } from '../middleware/api-auth';
import { rateLimit } from '../middleware/rate-limit';
import type { AppEnv } from '../env';

const issueBody = z.object({ label: z.string().max(100).optional() }).catch({});

export const apiTokenRoutes = new Hono<AppEnv>()
  .post('/', rateLimit({ name: 'tokens', windowMs: 5 * 60_000, max: 30 }), async (c) => {
    const basic = parseBasic(c.req.header('authorization'));
    if (!basic) {
      c.header('WWW-Authenticate', 'Basic realm="Secure Signature"');
      throw new DomainError('unauthorized', 'Send your username or email and password with HTTP Basic authentication');
    }
    const actor = await authenticatePassword(c.var.ctx, basic);
    const { label } = issueBody.parse(await c.req.json().catch(() => ({})));
    const issued = await issueApiToken({ ...c.var.ctx, actor }, { label: label ?? 'API' });
    return c.json<TokenResponse>({ token: issued.token, id: issued.id }, 201);
  })
  .get('/', requireApiUser, async (c) => c.json({ tokens: await listApiTokens(c.var.ctx) }))
  .delete('/:id', requireApiUser, async (c) => {
    await revokeApiToken(c.var.ctx, { tokenId: c.req.param('id') });
    return c.body(null, 204);
  });

function parseBasic(header: string | undefined): { login: string; password: string } | null {
  const m = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header ?? '');
  if (!m) return null;
  const decoded = Buffer.from(m[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 1) return null;
  return { login: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}
