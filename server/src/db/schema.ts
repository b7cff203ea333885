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
  primaryKey,
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

/** Groups of users: each user belongs to one at most, and has the group's privileges on top of their own. */
export const groups = pgTable('groups', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull().unique(),
  privileges: jsonb('privileges').notNull().default([]).$type<string[]>(),
  /** The report templates the group's members may choose; empty: every template. */
  reportTemplateIds: jsonb('report_template_ids').notNull().default([]).$type<string[]>(),
  createdAt: createdAt(),
});

export const users = pgTable('users', {
  id: uuid('id').primaryKey(),
  email: text('email').notNull().unique(),
  username: text('username').unique(),
  name: text('name'),
  passwordHash: text('password_hash'),
  isAdmin: boolean('is_admin').notNull().default(false),
  /** The user's own privileges (start processes, statistics); the group's come on top. */
  privileges: jsonb('privileges').notNull().default(['start_processes', 'statistics_own']).$type<string[]>(),
  groupId: uuid('group_id').references(() => groups.id, { onDelete: 'set null' }),
  failedLogins: integer('failed_logins').notNull().default(0),
  lockedUntil: at('locked_until'),
  /** Locked by an administrator: no sign-in, and the user's sessions and tokens stop working. */
  locked: boolean('locked').notNull().default(false),
  /** How the account signs in: password, a one-time PIN by SMS to `phone`, or the username alone (only from
   *  `allowedIps`). */
  authMethod: text('auth_method', { enum: ['password', 'sms_pin', 'username_only'] }).notNull().default('password'),
  phone: text('phone'),
  /** Addresses and CIDR ranges from which the user signs in with the username alone (username_only). */
  allowedIps: jsonb('allowed_ips').notNull().default([]).$type<string[]>(),
  /** Wrong sign-in PINs in a row; at the admin's limit the account is locked until an admin unlocks it. */
  failedPins: integer('failed_pins').notNull().default(0),
  /** The Microsoft Entra ID account (object id + tenant id) that signs in as this user, once linked. */
  entraObjectId: text('entra_object_id'),
  entraTenantId: text('entra_tenant_id'),
  /** Kept in step with a directory (Admin → Directory sync): the source and the directory's id of the person
   *  (objectGUID, entryUUID or Entra object id). */
  directorySource: text('directory_source', { enum: ['ldap', 'entra'] }),
  directoryId: text('directory_id'),
  /** When the directory disabled the account or it vanished from there; such an account is also `locked`. */
  disabledAt: at('disabled_at'),
  createdAt: createdAt(),
}, (t) => [
  uniqueIndex('users_entra_account').on(t.entraTenantId, t.entraObjectId),
  uniqueIndex('users_directory_account').on(t.directorySource, t.directoryId),
]);

/** One-time sign-in PINs sent by SMS (authMethod sms_pin): the PIN is derived from the id under the server
 *  secret and never stored; valid for a few minutes, once. */
export const loginPins = pgTable('login_pins', {
  id: uuid('id').primaryKey(),
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  createdAt: createdAt(),
  expiresAt: at('expires_at').notNull(),
  usedAt: at('used_at'),
});

/** An admin's own wording of a message (kind, channel, language) in place of the built-in text; none: built-in. */
export const messageTemplates = pgTable(
  'message_templates',
  {
    id: uuid('id').primaryKey(),
    kind: text('kind').notNull(),
    channel: text('channel', { enum: ['email', 'sms'] }).notNull(),
    language: text('language').notNull(),
    subject: text('subject').notNull().default(''),
    body: text('body').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [uniqueIndex('message_templates_kind_channel_language').on(t.kind, t.channel, t.language)],
);

/** Password reset links a user ordered by email: the link is derived from the id under the server secret (never
 *  stored); valid for an hour, once. */
export const passwordResets = pgTable('password_resets', {
  id: uuid('id').primaryKey(),
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  createdAt: createdAt(),
  expiresAt: at('expires_at').notNull(),
  usedAt: at('used_at'),
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
    /** The methods this process's signers may choose from (settings at start, narrowed by the sender). */
    signatureMethods: jsonb('signature_methods').notNull().default(['button']).$type<string[]>(),
    forceDownload: boolean('force_download').notNull().default(false),
    /** The sender's own reminder rhythm (days, days, count); null: the admin's. */
    reminders: jsonb('reminders').$type<{ firstAfterDays: number; repeatEveryDays: number; maxReminders: number }>(),
    allowSignAndForward: boolean('allow_sign_and_forward').notNull().default(false),
    allowForward: boolean('allow_forward').notNull().default(false),
    attachmentsVisible: boolean('attachments_visible').notNull().default(true),
    smsNotifications: boolean('sms_notifications').notNull().default(false),
    component: text('component').notNull().default('api'),
    /** The report template (report_templates) whose recipients get the report on completion; null: none. */
    reportTemplateId: uuid('report_template_id'),
    createdAt: createdAt(),
    completedAt: at('completed_at'),
    sealedAt: at('sealed_at'),
    endedAt: at('ended_at'),
    /** When a still-pending process expires (from the admin's expiry setting at start); null: never. */
    expiresAt: at('expires_at'),
    /** Counters kept in the same transaction as the rows they count, so lists and totals need no joins. */
    signerCount: integer('signer_count').notNull().default(0),
    /** Signatures so far: signers who signed, or with blocks, blocks signed. */
    signedCount: integer('signed_count').notNull().default(0),
    /** Signature blocks of the process; 0: every signer signs everything. */
    blockCount: integer('block_count').notNull().default(0),
    /** Signatures made with an identity provider (strong authentication), for the statistics totals. */
    strongSignedCount: integer('strong_signed_count').notNull().default(0),
    documentCount: integer('document_count').notNull().default(0),
    /** The hash of the newest audit event: deleting the last events breaks the chain visibly too. */
    auditHead: text('audit_head'),
  },
  (t) => [
    index('processes_sender_created_idx').on(t.senderId, t.createdAt),
    index('processes_pending_expiry_idx').on(t.expiresAt).where(sql`status = 'pending'`),
  ],
);

/** How a signature was made and what binds it to what it approved: on a signer row, or on a signature block
 *  (processes with blocks). A function, because every table needs its own column builders. */
const signatureColumns = () => ({
  signedAt: at('signed_at'),
  method: text('method'),
  ip: text('ip'),
  userAgent: text('user_agent'),
  /** What the signer approved, canonical JSON: process, signer, method, time, SHA-256 of every document. */
  signRecord: text('sign_record'),
  /** Base64 signature over signRecord by the key in signKeyId: binds the signature to exactly those bytes. */
  signHash: text('sign_hash'),
  signKeyId: uuid('sign_key_id').references(() => sealKeys.id),
  /** Set when the sign hash was made with the signing user's own key instead of the organisation's. */
  userSigningKeyId: uuid('user_signing_key_id').references(() => userSigningKeys.id),
  /** What the signer signed for, from the admin's list of purposes (part of the signed record). */
  purpose: text('purpose'),
  /** SHA-256 (in blobs) of the PNG a handwritten signature was drawn as; printed on the signatures page. */
  drawingSha256: text('drawing_sha256'),
  /** What the identity provider verified at signing: provider, name, identity number, subject. */
  identity: jsonb('identity').$type<Record<string, string>>(),
});

export const signers = pgTable(
  'signers',
  {
    id: uuid('id').primaryKey(),
    processId: uuid('process_id').notNull().references(() => processes.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    email: text('email').notNull(),
    name: text('name'),
    phone: text('phone'),
    organization: text('organization'),
    jobTitle: text('job_title'),
    language: text('language').notNull().default('en'),
    status: text('status', { enum: ['waiting', 'invited', 'signed', 'rejected', 'forwarded'] }).notNull(),
    /** Who this signer passed the request to, or named after signing (the signer added then). */
    forwardedTo: uuid('forwarded_to'),
    tokenHash: text('token_hash').notNull().unique(),
    invitedAt: at('invited_at'),
    lastRemindedAt: at('last_reminded_at'),
    /** Automatic reminders sent so far (manual ones only move lastRemindedAt). */
    remindersSent: integer('reminders_sent').notNull().default(0),
    rejectedAt: at('rejected_at'),
    rejectReason: text('reject_reason'),
    /** Wrong SMS PINs entered; ordering a new PIN does not reset it, a right PIN or the sender's unlock does. */
    pinFailures: integer('pin_failures').notNull().default(0),
    /** Set when pinFailures reached the limit: the link shows nothing until the sender unlocks it. */
    pinLockedAt: at('pin_locked_at'),
    /** The national identity number the sender asked for: an identity-provider signature by anyone else is refused. */
    identityNumber: text('identity_number'),
    /** The company the signer signs for; the signing-right service confirms it after authentication. */
    businessId: text('business_id'),
    /** Why the signing-right service last refused this signer, shown to them on the page. */
    signingRightRefusal: text('signing_right_refusal'),
    /** When the signer accepted the admin's disclaimer (asked once, when the admin shows one). */
    disclaimerAcceptedAt: at('disclaimer_accepted_at'),
    ...signatureColumns(),
  },
  (t) => [
    uniqueIndex('signers_process_position_idx').on(t.processId, t.position),
    // The reminder scheduler looks only at signers still to act.
    index('signers_invited_idx').on(t.invitedAt).where(sql`status = 'invited'`),
  ],
);

/** Signature blocks of a process (see shared `signatureBlockInput`), signed in position order. A block holds its
 *  one signature like a signer row does: the signed record and its sign hash, by the signer in signerId. */
export const signatureBlocks = pgTable(
  'signature_blocks',
  {
    id: uuid('id').primaryKey(),
    processId: uuid('process_id').notNull().references(() => processes.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    label: text('label').notNull(),
    /** The documents to sign it covers (ids of `documents`). */
    documentIds: jsonb('document_ids').notNull().$type<string[]>(),
    /** The message fields it covers: 'title', 'message'. */
    fields: jsonb('fields').notNull().default([]).$type<('title' | 'message')[]>(),
    /** Who may sign: these signers' emails, or any member of the group. */
    signerEmails: jsonb('signer_emails').notNull().default([]).$type<string[]>(),
    groupId: uuid('group_id').references(() => groups.id, { onDelete: 'set null' }),
    /** The group's name when the process started: still shown if the group is renamed or deleted. */
    groupName: text('group_name'),
    /** The language of the invitations group members get (the process's language at start). */
    language: text('language').notNull().default('en'),
    status: text('status', { enum: ['waiting', 'open', 'signed'] }).notNull().default('waiting'),
    openedAt: at('opened_at'),
    signerId: uuid('signer_id').references(() => signers.id),
    ...signatureColumns(),
  },
  (t) => [uniqueIndex('signature_blocks_process_position_idx').on(t.processId, t.position)],
);

/** SMS PINs ordered by signers. The PIN itself is derived from the id under the server secret (like the link),
 *  so it is never stored; codeHash lets it be checked. Valid until expiresAt, once. */
export const signerPins = pgTable(
  'signer_pins',
  {
    id: uuid('id').primaryKey(),
    signerId: uuid('signer_id').notNull().references(() => signers.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    createdAt: createdAt(),
    expiresAt: at('expires_at').notNull(),
    usedAt: at('used_at'),
  },
  (t) => [index('signer_pins_signer_created_idx').on(t.signerId, t.createdAt)],
);

/** OpenID Connect identity providers the admin configured; each is a signature method "oidc:<id>". */
export const identityProviders = pgTable('identity_providers', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  preset: text('preset').notNull(),
  issuer: text('issuer').notNull(),
  clientId: text('client_id').notNull(),
  /** Encrypted with the server secret. */
  clientSecretEncrypted: text('client_secret_encrypted'),
  scopes: text('scopes').notNull(),
  nameClaim: text('name_claim').notNull(),
  idNumberClaim: text('id_number_claim').notNull(),
  acrValues: text('acr_values').notNull(),
  enabled: boolean('enabled').notNull(),
  createdAt: createdAt(),
  updatedAt: at('updated_at'),
});

/** One authentication a signer started with an identity provider: state (hashed), nonce and PKCE verifier, bound
 *  to the browser that started it; used once, within minutes. */
export const oidcRequests = pgTable(
  'oidc_requests',
  {
    id: uuid('id').primaryKey(),
    stateHash: text('state_hash').notNull().unique(),
    browserHash: text('browser_hash').notNull(),
    signerId: uuid('signer_id').notNull().references(() => signers.id, { onDelete: 'cascade' }),
    providerId: text('provider_id').notNull(),
    codeVerifierEncrypted: text('code_verifier_encrypted').notNull(),
    nonce: text('nonce').notNull(),
    /** The signature block the signer's page showed (processes with blocks): the signature goes to that one only. */
    blockId: uuid('block_id'),
    /** Set when the signer is a user of this service and re-entered the account's password before the redirect. */
    accountUserId: uuid('account_user_id'),
    createdAt: createdAt(),
    expiresAt: at('expires_at').notNull(),
    usedAt: at('used_at'),
  },
);

/** A signer hands the device over to the next signer of the same process: that person proves who they are with a
 *  code sent to their email (derived from the id like a PIN, never stored), then continues with their own link. */
export const handovers = pgTable('handovers', {
  id: uuid('id').primaryKey(),
  fromSignerId: uuid('from_signer_id').notNull().references(() => signers.id, { onDelete: 'cascade' }),
  toSignerId: uuid('to_signer_id').notNull().references(() => signers.id, { onDelete: 'cascade' }),
  codeHash: text('code_hash').notNull(),
  failures: integer('failures').notNull().default(0),
  createdAt: createdAt(),
  expiresAt: at('expires_at').notNull(),
  usedAt: at('used_at'),
});

/** The organisation's look (one row): a logo (bytes in blobs) and custom CSS added after ours on every page. */
export const branding = pgTable('branding', {
  id: integer('id').primaryKey(),
  logoSha256: text('logo_sha256'),
  logoContentType: text('logo_content_type'),
  customCss: text('custom_css').notNull().default(''),
  updatedAt: at('updated_at'),
});

/** Which documents each signer has downloaded: with forceDownload, Sign waits until every document is here. */
export const signerDownloads = pgTable(
  'signer_downloads',
  {
    signerId: uuid('signer_id').notNull().references(() => signers.id, { onDelete: 'cascade' }),
    documentId: uuid('document_id').notNull().references(() => documents.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.signerId, t.documentId] })],
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
    /** The signatures page as a separate sealed file, when the process's report template asks for one. */
    signaturesPageSha256: text('signatures_page_sha256').references(() => blobs.sha256),
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
  /** The issuing CA certificates (PEM, leaf's issuer first) of an uploaded key: what B-LT validation data is for. */
  chainPem: text('chain_pem'),
  active: boolean('active').notNull().default(true),
  createdAt: createdAt(),
});

/** A user's own record-signing key, given by an admin: their signatures' sign hashes are made with it. */
export const userSigningKeys = pgTable('user_signing_keys', {
  id: uuid('id').primaryKey(),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id),
  /** rsa, ec or dsa (dsa only for legacy keys an admin imports). */
  algorithm: text('algorithm').notNull(),
  /** The private key, AES-256-GCM encrypted with a key derived from the server secret. */
  privateKeyEncrypted: text('private_key_encrypted').notNull(),
  /** The public key (SPKI PEM) that verifies the sign hashes; the certificate too when one was given. */
  publicKeyPem: text('public_key_pem').notNull(),
  certificatePem: text('certificate_pem'),
  createdAt: createdAt(),
  /** Replaced or removed keys stay, so signatures made with them still verify. */
  retiredAt: at('retired_at'),
});

/** The settings model (shared/src/settings.ts) as one JSON document; a missing key means its default. */
export const settings = pgTable('settings', {
  id: integer('id').primaryKey(),
  data: jsonb('data').notNull().$type<Record<string, unknown>>(),
  updatedAt: at('updated_at').notNull().defaultNow(),
  updatedBy: text('updated_by'),
});

/** The state of each directory sync (Admin → Directory sync): the last run's outcome and, for Entra ID, the delta
 *  link the next run continues from. */
export const directorySyncs = pgTable('directory_syncs', {
  source: text('source', { enum: ['ldap', 'entra'] }).primaryKey(),
  lastStartedAt: at('last_started_at'),
  lastFinishedAt: at('last_finished_at'),
  lastResult: jsonb('last_result').$type<{ created: number; updated: number; disabled: number; unchanged: number; errors: string[] }>(),
  deltaLink: text('delta_link'),
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

/** Keys of the XML API (admin center → XML API): only the SHA-256 is stored; processes started with a key are
 *  sent in the name of the admin who created it. `allowedIps`: addresses and CIDR ranges, empty = any. */
export const xmlApiKeys = pgTable('xml_api_keys', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  keyHash: text('key_hash').notNull().unique(),
  createdBy: uuid('created_by').notNull().references(() => users.id, { onDelete: 'cascade' }),
  allowedIps: jsonb('allowed_ips').notNull().$type<string[]>().default([]),
  createdAt: createdAt(),
  lastUsedAt: at('last_used_at'),
  revokedAt: at('revoked_at'),
});

/** Report templates (admin center → Report templates): who gets the report of a completed process and how. */
export const reportTemplates = pgTable('report_templates', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull().unique(),
  senderAddress: text('sender_address').notNull().default(''),
  signaturesPage: text('signatures_page', { enum: ['in_pdf', 'separate'] }).notNull().default('in_pdf'),
  pagePosition: text('page_position', { enum: ['first', 'last'] }).notNull().default('last'),
  language: text('language').notNull().default('en'),
  emailRecipients: jsonb('email_recipients').notNull().default([]).$type<string[]>(),
  postUrls: jsonb('post_urls').notNull().default([]).$type<string[]>(),
  format: text('format', { enum: ['xml', 'json'] }).notNull().default('json'),
  /** The HMAC key of report POSTs, encrypted with the server secret; never shown back. */
  hmacSecretEncrypted: text('hmac_secret_encrypted'),
  isDefault: boolean('is_default').notNull().default(false),
  createdAt: createdAt(),
  updatedAt: at('updated_at'),
});

/** One report POST of a completed process to one URL: its attempts and outcome. The id is the Idempotency-Key. */
export const reportDeliveries = pgTable(
  'report_deliveries',
  {
    id: uuid('id').primaryKey(),
    processId: uuid('process_id').notNull().references(() => processes.id, { onDelete: 'cascade' }),
    url: text('url').notNull(),
    status: text('status', { enum: ['pending', 'delivered', 'failed'] }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastStatusCode: integer('last_status_code'),
    lastError: text('last_error'),
    createdAt: createdAt(),
    deliveredAt: at('delivered_at'),
  },
  (t) => [uniqueIndex('report_deliveries_process_url_idx').on(t.processId, t.url)],
);

/** Which processes were started through the XML API, and with which key: the XML API reads only these. */
export const xmlApiProcesses = pgTable('xml_api_processes', {
  processId: uuid('process_id').primaryKey().references(() => processes.id, { onDelete: 'cascade' }),
  apiKeyId: uuid('api_key_id').notNull().references(() => xmlApiKeys.id, { onDelete: 'cascade' }),
  createdAt: createdAt(),
});

/** The processes the Email API started, by the message's sender and Message-ID: a message delivered again (the
 *  sending MTA retries when our 250 was lost) starts nothing new. */
export const emailApiMessages = pgTable(
  'email_api_messages',
  {
    processId: uuid('process_id').primaryKey().references(() => processes.id, { onDelete: 'cascade' }),
    sender: text('sender').notNull(),
    messageId: text('message_id').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('email_api_messages_sender_message_idx').on(t.sender, t.messageId)],
);

/** File rooms (Admin → File rooms): shared-folder integrations that start processes by a signed HTTP request and
 *  get the final documents back at their callback URL. The secret is encrypted at rest (server secret). */
export const fileRooms = pgTable('file_rooms', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull().unique(),
  callbackUrl: text('callback_url').notNull(),
  secretEncrypted: text('secret_encrypted').notNull(),
  senderId: uuid('sender_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  allowedIps: jsonb('allowed_ips').notNull().$type<string[]>().default([]),
  enabled: boolean('enabled').notNull().default(true),
  createdAt: createdAt(),
  updatedAt: at('updated_at'),
});

/** A process a file room started, the folder to deliver its finals back to, and that delivery's state.
 *  `requestHash`: SHA-256 of the start request's signature, unique, so a replayed request starts nothing. */
export const fileRoomProcesses = pgTable('file_room_processes', {
  processId: uuid('process_id').primaryKey().references(() => processes.id, { onDelete: 'cascade' }),
  roomId: uuid('room_id').notNull().references(() => fileRooms.id, { onDelete: 'cascade' }),
  folder: text('folder').notNull(),
  requestHash: text('request_hash').notNull().unique(),
  deliveryId: uuid('delivery_id').notNull(),
  status: text('status', { enum: ['waiting', 'pending', 'delivered', 'failed'] }).notNull().default('waiting'),
  attempts: integer('attempts').notNull().default(0),
  lastStatusCode: integer('last_status_code'),
  lastError: text('last_error'),
  createdAt: createdAt(),
  deliveredAt: at('delivered_at'),
});

/** Certificates of mail recipients (by lower-cased address): final documents to them go out S/MIME-encrypted.
 *  `source`: uploaded by an admin, read from the directory (userCertificate), or sent by the recipient. */
export const recipientCertificates = pgTable('recipient_certificates', {
  id: uuid('id').primaryKey(),
  email: text('email').notNull().unique(),
  certificatePem: text('certificate_pem').notNull(),
  subject: text('subject').notNull(),
  fingerprint256: text('fingerprint256').notNull(),
  notAfter: at('not_after').notNull(),
  source: text('source', { enum: ['admin', 'directory', 'recipient'] }).notNull(),
  createdAt: createdAt(),
});

/** A protected download link of a process's final documents for one recipient: only the token's SHA-256 is
 *  stored; wrong codes count toward a lockout. */
export const secureDownloads = pgTable(
  'secure_downloads',
  {
    id: uuid('id').primaryKey(),
    processId: uuid('process_id').notNull().references(() => processes.id, { onDelete: 'cascade' }),
    recipient: text('recipient').notNull(),
    phone: text('phone'),
    tokenHash: text('token_hash').notNull().unique(),
    codeChannel: text('code_channel', { enum: ['sms', 'email'] }).notNull(),
    failures: integer('failures').notNull().default(0),
    lockedAt: at('locked_at'),
    createdAt: createdAt(),
    expiresAt: at('expires_at').notNull(),
  },
  (t) => [index('secure_downloads_process_idx').on(t.processId)],
);

/** One-time codes ordered on a protected download page: derived from the row id, only their hash stored. */
export const secureDownloadCodes = pgTable(
  'secure_download_codes',
  {
    id: uuid('id').primaryKey(),
    downloadId: uuid('download_id').notNull().references(() => secureDownloads.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    createdAt: createdAt(),
    expiresAt: at('expires_at').notNull(),
    usedAt: at('used_at'),
  },
  (t) => [index('secure_download_codes_download_idx').on(t.downloadId, t.createdAt)],
);
