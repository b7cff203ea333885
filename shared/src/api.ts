// Envelope shapes every API answer shares: errors and tokens.
import { z } from 'zod';

/** The closed set of error codes; the server maps each to one HTTP status. */
export const errorCode = z.enum([
  'invalid_input',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'too_large',
  'unsupported_media_type',
  'rate_limited',
  'internal',
]);
export type ErrorCode = z.infer<typeof errorCode>;

export const errorBody = z.object({
  error: z.object({
    code: errorCode,
    message: z.string(),
    /** Which input field was wrong, as a dotted path (e.g. "signers.0.email"). */
    field: z.string().optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBody>;

export const tokenResponse = z.object({ token: z.string(), id: z.string() });
export type TokenResponse = z.infer<typeof tokenResponse>;
