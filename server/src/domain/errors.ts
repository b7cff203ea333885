// The one error type domain code throws. Routes map `code` to an HTTP status in one place (http/error-handler.ts).
import type { ErrorCode } from '@secure-signature/shared';

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    /** A key of the signer texts (server/src/i18n) when a signer sees this error, so it can be shown translated. */
    readonly textKey?: string,
    /** Values the signer text interpolates (tries left, a time). */
    readonly textParams?: Record<string, string | number>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (what: string) => new DomainError('not_found', `${what} was not found`);
export const invalidInput = (message: string, field?: string) => new DomainError('invalid_input', message, field);
export const conflict = (message: string) => new DomainError('conflict', message);
export const forbidden = (message = 'You may not do that') => new DomainError('forbidden', message);
