// The database tables. Both drivers (PGlite and PostgreSQL) use this one schema; migrations in server/drizzle/
// are generated from it with `npm run db:generate -w server`.
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  // postgres.js returns Buffer, PGlite Uint8Array: both are Uint8Array.
  fromDriver: (value) => value,
});

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const at = (name: string) => timestamp(name, { withTimezone: true });

export const users = pgTable('users', {
  id: uuid('id').primaryKey(),
  email: text('email').notNull().unique(),
  username: text('username').unique(),
  name: text('name'),
  passwordHash: text('password_hash'),
  isAdmin: boolean('is_admin').notNull().default(false),
  failedLogins: integer('failed_logins').notNull().default(0),
  lockedUntil: at('locked_until'),
  /** Locked by an administrator: no sign-in, and the user's sessions and tokens stop working. */
  locked: boolean('locked').notNull().default(false),
  createdAt: createdAt(),
});

export const apiTokens = pgTable('api_tokens', {
  id: uuid('id').primaryKey(),
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  tokenHash: text('token_hash').notNull().unique(),
  label: text('label').notNull().default(''),
  createdAt: createdAt(),
  lastUsedAt: at('last_used_at'),
  revokedAt: at('revoked_at'),
});

export const sessions = pgTable('sessions', {
  id: uuid('id').primaryKey(),
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  tokenHash: text('token_hash').notNull().unique(),
  csrfToken: text('csrf_token').notNull(),
  userAgent: text('user_agent').notNull().default(''),
  ip: text('ip'),
  createdAt: createdAt(),
  expiresAt: at('expires_at').notNull(),
});

export const processes = pgTable(
  'processes',
  {
    id: uuid('id').primaryKey(),
    senderId: uuid('sender_id').notNull().references(() => users.id),
    title: text('title').notNull(),
    message: text('message').notNull().default(''),
    status: text('status', { enum: ['pending', 'completed', 'rejected', 'aborted', 'expired'] }).notNull(),
    signingOrder: boolean('signing_order').notNull().default(false),
    signaturePagePosition: text('signature_page_position', { enum: ['first', 'last'] }).notNull(),
    component: text('component').notNull().default('api'),
    createdAt: createdAt(),
    completedAt: at('completed_at'),
    sealedAt: at('sealed_at'),
    endedAt: at('ended_at'),
    /** When a still-pending process expires (from the admin's expiry setting at start); null: never. */
    expiresAt: at('expires_at'),
    /** Counters kept in the same transaction as the rows they count, so lists and totals need no joins. */
    signerCount: integer('signer_count').notNull().default(0),
    signedCount: integer('signed_count').notNull().default(0),
    documentCount: integer('document_count').notNull().default(0),
    /** The hash of the newest audit event: deleting the last events breaks the chain visibly too. */
    auditHead: text('audit_head'),
  },
  (t) => [
    index('processes_sender_created_idx').on(t.senderId, t.createdAt),
    index('processes_pending_expiry_idx').on(t.expiresAt).where(sql`status = 'pending'`),
  ],
);

export const signers = pgTable(
  'signers',
  {
    id: uuid('id').primaryKey(),
    processId: uuid('process_id').notNull().references(() => processes.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    email: text('email').notNull(),
    name: text('name'),
    phone: text('phone'),
    language: text('language').notNull().default('en'),
    status: text('status', { enum: ['waiting', 'invited', 'signed', 'rejected'] }).notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    invitedAt: at('invited_at'),
    lastRemindedAt: at('last_reminded_at'),
    /** Automatic reminders sent so far (manual ones only move lastRemindedAt). */
    remindersSent: integer('reminders_sent').notNull().default(0),
    signedAt: at('signed_at'),
    rejectedAt: at('rejected_at'),
    rejectReason: text('reject_reason'),
    method: text('method'),
    ip: text('ip'),
    userAgent: text('user_agent'),
    /** What the signer approved, canonical JSON: process, signer, method, time, SHA-256 of every document. */
    signRecord: text('sign_record'),
    /** Base64 signature over signRecord by the key in signKeyId: binds the signature to exactly those bytes. */
    signHash: text('sign_hash'),
    signKeyId: uuid('sign_key_id').references(() => sealKeys.id),
  },
  (t) => [
    uniqueIndex('signers_process_position_idx').on(t.processId, t.position),
    // The reminder scheduler looks only at signers still to act.
    index('signers_invited_idx').on(t.invitedAt).where(sql`status = 'invited'`),
  ],
);

/** Every stored file, keyed by its SHA-256. The bytes are here with FILE_STORAGE=database, on disk otherwise. */
export const blobs = pgTable('blobs', {
  sha256: text('sha256').primaryKey(),
  size: bigint('size', { mode: 'number' }).notNull(),
  bytes: bytea('bytes'),
});

export const documents = pgTable(
  'documents',
  {
    id: uuid('id').primaryKey(),
    processId: uuid('process_id').notNull().references(() => processes.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    kind: text('kind', { enum: ['document', 'attachment'] }).notNull(),
    filename: text('filename').notNull(),
    contentType: text('content_type').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull().references(() => blobs.sha256),
    finalSha256: text('final_sha256').references(() => blobs.sha256),
    /** Printed on the signatures page (and in its QR code): opens /verify/<code>. */
    verificationCode: text('verification_code').unique(),
  },
  (t) => [
    index('documents_process_idx').on(t.processId),
    index('documents_sha256_idx').on(t.sha256),
    index('documents_final_sha256_idx').on(t.finalSha256),
  ],
);

export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    processId: uuid('process_id').references(() => processes.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    actor: text('actor'),
    ip: text('ip'),
    message: text('message').notNull(),
    createdAt: createdAt(),
    /** HMAC of this event's fields and the previous event's hash: editing or deleting an event breaks the chain. */
    prevHash: text('prev_hash'),
    hash: text('hash').notNull(),
  },
  (t) => [index('audit_events_process_idx').on(t.processId, t.id)],
);

/** Every email and SMS the product sends. Rendered from template + params when shown or delivered, so that no
 *  signing link is ever stored: links are derived from the server secret. */
export const messages = pgTable(
  'messages',
  {
    id: uuid('id').primaryKey(),
    processId: uuid('process_id').references(() => processes.id, { onDelete: 'cascade' }),
    channel: text('channel', { enum: ['email', 'sms'] }).notNull(),
    recipient: text('recipient').notNull(),
    template: text('template').notNull(),
    params: jsonb('params').notNull().$type<Record<string, unknown>>(),
    status: text('status', { enum: ['captured', 'queued', 'sent', 'failed'] }).notNull(),
    createdAt: createdAt(),
    sentAt: at('sent_at'),
    lastError: text('last_error'),
  },
  (t) => [index('messages_created_idx').on(t.createdAt), index('messages_process_idx').on(t.processId)],
);

/** Work that must happen exactly once after a committed state change (sealing, delivering mail). Written in the
 *  same transaction as the change; claimed by workers with FOR UPDATE SKIP LOCKED and a lease. */
export const outboxJobs = pgTable(
  'outbox_jobs',
  {
    id: uuid('id').primaryKey(),
    kind: text('kind').notNull(),
    payload: jsonb('payload').notNull().$type<Record<string, unknown>>(),
    dedupeKey: text('dedupe_key').unique(),
    runAt: at('run_at').notNull().defaultNow(),
    attempts: integer('attempts').notNull().default(0),
    lockedUntil: at('locked_until'),
    lockedBy: text('locked_by'),
    doneAt: at('done_at'),
    failedAt: at('failed_at'),
    lastError: text('last_error'),
    createdAt: createdAt(),
  },
  (t) => [index('outbox_jobs_due_idx').on(t.runAt).where(sql`done_at is null and failed_at is null`)],
);

export const sealKeys = pgTable('seal_keys', {
  id: uuid('id').primaryKey(),
  certificatePem: text('certificate_pem').notNull(),
  /** The private key, AES-256-GCM encrypted with a key derived from the server secret. */
  privateKeyEncrypted: text('private_key_encrypted').notNull(),
  active: boolean('active').notNull().default(true),
  createdAt: createdAt(),
});

/** The settings model (shared/src/settings.ts) as one JSON document; a missing key means its default. */
export const settings = pgTable('settings', {
  id: integer('id').primaryKey(),
  data: jsonb('data').notNull().$type<Record<string, unknown>>(),
  updatedAt: at('updated_at').notNull().defaultNow(),
  updatedBy: text('updated_by'),
});

/** What admins changed in the admin center, and who. */
export const adminAuditEvents = pgTable('admin_audit_events', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  actor: text('actor').notNull(),
  action: text('action').notNull(),
  details: jsonb('details').notNull().$type<Record<string, unknown>>(),
  ip: text('ip'),
  createdAt: createdAt(),
});
