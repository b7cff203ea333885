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
/** What a user may do beside signing (signers need no account): start processes, see statistics of their own
 *  processes, see all processes. Administrators may do everything. */
export const privilege = z.enum(['start_processes', 'statistics_own', 'statistics_all']);
export type Privilege = z.infer<typeof privilege>;
export const defaultPrivileges: Privilege[] = ['start_processes', 'statistics_own'];

export const groupInput = z.object({
  name: z.string().trim().min(1).max(100),
  privileges: z.array(privilege).default([]),
  /** The report templates members may choose (Admin → Report templates); empty: all. */
  reportTemplateIds: z.array(z.uuid()).default([]),
});
export const groupView = groupInput.extend({ id: z.string(), members: z.number() });
export type GroupView = z.infer<typeof groupView>;

export const userView = z.object({
  id: z.string(),
  email: z.string(),
  username: z.string().nullable(),
  name: z.string().nullable(),
  isAdmin: z.boolean(),
  locked: z.boolean(),
  lockedOutUntil: z.string().nullable(),
  createdAt: z.string(),
  /** The user's own privileges; their group's come on top. */
  privileges: z.array(privilege),
  groupId: z.string().nullable(),
  /** How the account signs in: password, a one-time PIN by SMS to `phone`, or the username alone from `allowedIps`. */
  authMethod: z.enum(['password', 'sms_pin', 'username_only']),
  phone: z.string().nullable(),
  allowedIps: z.array(z.string()),
});
export type UserView = z.infer<typeof userView>;

export const createUserInput = z.object({
  email: z.email({ error: 'must be a valid email address' }).max(254),
  username: z.string().trim().max(100).optional().transform((v) => v || undefined),
  name: z.string().trim().max(200).optional().transform((v) => v || undefined),
  password: z.string().min(1, { error: 'is required' }).max(500),
  isAdmin: z.boolean().default(false),
  privileges: z.array(privilege).optional(),
  groupId: z.uuid().nullable().optional(),
});
export type CreateUserInput = z.infer<typeof createUserInput>;

export const updateUserInput = z.object({
  /** The sign-in and notification address; unique. */
  email: z.email().max(254).optional(),
  /** Printed as the clarification of signature (the name under a signature). */
  name: z.string().trim().max(200).optional(),
  isAdmin: z.boolean().optional(),
  locked: z.boolean().optional(),
  privileges: z.array(privilege).optional(),
  /** The user's group (one at most); null: none. */
  groupId: z.uuid().nullable().optional(),
  /** A new password set by the admin. */
  password: z.string().max(500).optional().transform((v) => v || undefined),
  username: z.string().trim().max(100).optional(),
  /** For SMS PIN sign-in; empty: none. */
  phone: z.string().trim().max(40).optional(),
  authMethod: z.enum(['password', 'sms_pin', 'username_only']).optional(),
  /** Addresses and CIDR ranges (e.g. 192.0.2.0/24) from which the user signs in with the username alone. */
  allowedIps: z.array(z.string().trim().max(100)).max(100).optional(),
});
export type UpdateUserInput = z.infer<typeof updateUserInput>;
