// The one place that turns errors into HTTP answers: domain codes to statuses, JSON for the API, a page for browsers.
import type { ErrorBody, ErrorCode } from '@secure-signature/shared';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { DomainError } from '../domain/errors';
import { renderErrorPage } from '../web/error-page';
import type { AppEnv } from './env';

export const statusOf: Record<ErrorCode, ContentfulStatusCode> = {
  invalid_input: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
};

export function toDomainError(err: unknown): DomainError | null {
  if (err instanceof DomainError) return err;
  if (err instanceof HTTPException) {
    const code: ErrorCode =
      err.status === 413 ? 'too_large' : err.status === 403 ? 'forbidden' : err.status === 401 ? 'unauthorized' : 'invalid_input';
    return new DomainError(code, err.message || 'Bad request');
  }
  return null;
}

export function handleError(err: Error, c: Context<AppEnv>) {
  const known = toDomainError(err);
  if (!known) c.var.ctx?.log.error('unhandled error', { path: c.req.path, error: err.stack ?? err.message });
  const e = known ?? new DomainError('internal', 'Something went wrong on the server; the error has been logged');
  const status = statusOf[e.code];
  if (e.code === 'unauthorized' && c.req.path.startsWith('/api/')) c.header('WWW-Authenticate', 'Bearer');
  if (c.req.path.startsWith('/api/')) {
    const body: ErrorBody = { error: { code: e.code, message: e.message, ...(e.field ? { field: e.field } : {}) } };
    return c.json(body, status);
  }
  return c.html(renderErrorPage({ status, message: e.message }), status);
}
