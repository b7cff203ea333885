// API authentication: `Authorization: Bearer <token>`; the route runs with that user as the actor.
import type { MiddlewareHandler } from 'hono';
import { DomainError } from '../../domain/errors';
import { authenticateApiToken } from '../../domain/token/authenticate-api-token';
import type { AppEnv } from '../env';

export const requireApiUser: MiddlewareHandler<AppEnv> = async (c, next) => {
  const header = c.req.header('authorization') ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw new DomainError('unauthorized', 'An API token is required: Authorization: Bearer <token>');
  const actor = await authenticateApiToken(c.var.ctx, { token: match[1] });
  if (!actor) throw new DomainError('unauthorized', 'The API token is not valid or has been revoked');
  c.set('ctx', { ...c.var.ctx, actor });
  await next();
};
