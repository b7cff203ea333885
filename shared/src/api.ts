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

/** An account as the admin center shows it. */
export const userView = z.object({
  id: z.string(),
  email: z.string(),
  username: z.string().nullable(),
  name: z.string().nullable(),
  isAdmin: z.boolean(),
  locked: z.boolean(),
  lockedOutUntil: z.string().nullable(),
  createdAt: z.string(),
});
export type UserView = z.infer<typeof userView>;

export const createUserInput = z.object({
  email: z.email({ error: 'must be a valid email address' }).max(254),
  username: z.string().trim().max(100).optional().transform((v) => v || undefined),
  name: z.string().trim().max(200).optional().transform((v) => v || undefined),
  password: z.string().min(1, { error: 'is required' }).max(500),
  isAdmin: z.boolean().default(false),
});
export type CreateUserInput = z.infer<typeof createUserInput>;

export const updateUserInput = z.object({
  name: z.string().trim().max(200).optional(),
  isAdmin: z.boolean().optional(),
  locked: z.boolean().optional(),
  /** A new password set by the admin. */
  password: z.string().max(500).optional().transform((v) => v || undefined),
});
export type UpdateUserInput = z.infer<typeof updateUserInput>;
