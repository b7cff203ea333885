// Request and response shapes of the process API, shared by the server, the add-in and the API docs.
import { z } from 'zod';

export const processStatus = z.enum(['pending', 'completed', 'rejected', 'aborted', 'expired']);
export type ProcessStatus = z.infer<typeof processStatus>;

/** forwarded: the signer passed the request to someone else without signing (that person signs instead). */
export const signerStatus = z.enum(['waiting', 'invited', 'signed', 'rejected', 'forwarded']);
export type SignerStatus = z.infer<typeof signerStatus>;

export const signaturePagePosition = z.enum(['first', 'last']);

/** The languages of signer pages and emails. */
export const language = z.enum(['en', 'fi', 'sv', 'da', 'de']);

export const signerInput = z.object({
  email: z.email({ error: 'must be a valid email address' }).max(254),
  name: z.string().trim().max(200).optional(),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ()-]{5,20}$/, { error: 'must be a phone number such as +358 40 123 4567' })
    .optional(),
  /** This signer's language for emails; defaults to the process's. */
  language: language.optional(),
  /** The national identity number the signer must authenticate with (identity-provider methods): another
   *  person's authentication is refused. */
  identityNumber: z.string().trim().min(4).max(40).optional(),
  /** The company (business ID, e.g. a Finnish Y-tunnus 1234567-8) the signer signs for: after authenticating
   *  with an identity provider, the signing-right service must confirm they may. */
  businessId: z.string().trim().min(2).max(40).optional(),
  /** Shown on the signing page and the signatures page when the admin turned these on. */
  organization: z.string().trim().max(200).optional(),
  jobTitle: z.string().trim().max(200).optional(),
});
export type SignerInput = z.infer<typeof signerInput>;

/** How a signer signs: a click on Sign, a drawn signature, or an authentication with one of the admin's
 *  OpenID Connect identity providers ("oidc:<provider id>"). */
export const builtInMethod = z.enum(['button', 'handwritten']);
export const signatureMethod = z.union([builtInMethod, z.string().regex(/^oidc:[a-z0-9-]{1,40}$/, { error: 'unknown signature method' })]);
export type SignatureMethod = z.infer<typeof signatureMethod>;

/** The parts of the process message a signature block can cover: their text becomes part of what it approves. */
export const messageField = z.enum(['title', 'message']);
export type MessageField = z.infer<typeof messageField>;

/** A signature block: one labelled signature (the label is its sign button) over chosen documents and message
 *  fields, by one of the named signers or by any member of a group. Blocks are signed in order. */
export const signatureBlockInput = z
  .object({
    label: z.string().trim().min(1, { error: 'is required' }).max(100),
    /** The documents to sign it covers, by position among the uploaded documents (0 = the first); default: all. */
    documents: z
      .array(z.number().int().min(0).max(99))
      .refine((list) => new Set(list).size === list.length, { error: 'each document once' })
      .optional(),
    /** The message fields it covers. */
    fields: z.array(messageField).default([]),
    /** Who may sign it: any of these signers (their emails, from `signers`)… */
    signers: z.array(z.email({ error: 'must be a valid email address' })).max(100).default([]),
    /** …or any member of this group (its name, as in Admin → Groups). */
    group: z.string().trim().min(1).max(200).optional(),
  })
  .refine((b) => (b.signers.length > 0) !== (b.group !== undefined), { error: 'name its signers or a group, not both', path: ['signers'] });
export type SignatureBlockInput = z.infer<typeof signatureBlockInput>;

export const startProcessInput = z.object({
  title: z.string().trim().min(1, { error: 'is required' }).max(300),
  message: z.string().max(10_000).default(''),
  /** At least one, unless signature blocks name a group instead. */
  signers: z
    .array(signerInput)
    .max(100, { error: 'at most 100 signers' })
    .refine((list) => new Set(list.map((s) => s.email.toLowerCase())).size === list.length, {
      error: 'each signer email may appear only once',
    }),
  signingOrder: z.boolean().default(false),
  signaturePagePosition: signaturePagePosition.default('last'),
  /** The methods signers may choose from; default: every method the admin enabled. */
  signatureMethods: z
    .array(signatureMethod)
    .min(1, { error: 'at least one method' })
    .refine((list) => new Set(list).size === list.length, { error: 'each method once' })
    .optional(),
  /** This process's automatic reminders instead of the admin's, when the admin lets senders set them. */
  reminders: z
    .object({
      firstAfterDays: z.number().int().min(0).max(365),
      repeatEveryDays: z.number().int().min(1).max(365),
      maxReminders: z.number().int().min(0).max(50),
    })
    .optional(),
  /** Sign stays disabled until the signer has downloaded every document to sign. */
  forceDownload: z.boolean().default(false),
  /** A signer may sign and name someone else who is then invited to sign too. */
  allowSignAndForward: z.boolean().default(false),
  /** A signer may pass the request to someone else, who signs instead of them. */
  allowForward: z.boolean().default(false),
  /** Whether signers see the attachments (files that travel along but are not signed). */
  attachmentsVisible: z.boolean().default(true),
  /** Invitations and reminders also go by SMS to signers with a phone number. */
  smsNotifications: z.boolean().default(false),
  /** The language of the signers' emails unless a signer has their own. */
  language: language.default('en'),
  /** The report template (Admin → Report templates) when the admin lets senders choose; default: the default one. */
  reportTemplateId: z.uuid({ error: 'unknown report template' }).optional(),
  /** Signature blocks, signed in this order; without them every signer signs everything. */
  blocks: z.array(signatureBlockInput).max(20, { error: 'at most 20 signature blocks' }).optional(),
}).superRefine((p, issue) => {
  if (p.signers.length === 0 && !p.blocks?.some((b) => b.group)) {
    issue.addIssue({ code: 'custom', path: ['signers'], message: 'at least one signer is required' });
  }
  const emails = new Set(p.signers.map((s) => s.email.toLowerCase()));
  p.blocks?.forEach((b, i) => {
    for (const email of b.signers) {
      if (!emails.has(email.toLowerCase())) issue.addIssue({ code: 'custom', path: ['blocks', i, 'signers'], message: `${email} is not one of the signers` });
    }
  });
  p.signers.forEach((s, i) => {
    if (p.blocks?.length && !p.blocks.some((b) => b.signers.some((e) => e.toLowerCase() === s.email.toLowerCase()))) {
      issue.addIssue({ code: 'custom', path: ['signers', i, 'email'], message: 'signs no signature block: name them in one or remove them' });
    }
  });
  if (p.blocks?.length && (p.allowForward || p.allowSignAndForward)) {
    issue.addIssue({ code: 'custom', path: ['blocks'], message: 'signature blocks cannot be forwarded: turn forwarding off' });
  }
});
export type StartProcessInput = z.infer<typeof startProcessInput>;

export const documentView = z.object({
  id: z.string(),
  kind: z.enum(['document', 'attachment']),
  filename: z.string(),
  contentType: z.string(),
  size: z.number(),
  sha256: z.string(),
  finalSha256: z.string().nullable(),
  /** The separately sealed signatures page, when the process's report template asks for one. */
  signaturesPageSha256: z.string().nullable(),
});
export type DocumentView = z.infer<typeof documentView>;

export const signerView = z.object({
  id: z.string(),
  position: z.number(),
  email: z.string(),
  name: z.string().nullable(),
  phone: z.string().nullable(),
  organization: z.string().nullable(),
  jobTitle: z.string().nullable(),
  businessId: z.string().nullable(),
  status: signerStatus,
  invitedAt: z.string().nullable(),
  signedAt: z.string().nullable(),
  rejectedAt: z.string().nullable(),
  rejectReason: z.string().nullable(),
  method: z.string().nullable(),
  /** Too many wrong SMS PINs: the signer's link is locked until the sender unlocks it. */
  pinLocked: z.boolean(),
});
export type SignerView = z.infer<typeof signerView>;

export const signatureBlockStatus = z.enum(['waiting', 'open', 'signed']);
export const signatureBlockView = z.object({
  id: z.string(),
  position: z.number(),
  label: z.string(),
  /** The documents it covers: their filenames, and their ids. */
  documents: z.array(z.string()),
  documentIds: z.array(z.string()),
  fields: z.array(messageField),
  signers: z.array(z.string()),
  group: z.string().nullable(),
  /** waiting: an earlier block is not signed yet; open: its signers are asked now. */
  status: signatureBlockStatus,
  signedBy: z.string().nullable(),
  signedAt: z.string().nullable(),
  method: z.string().nullable(),
});
export type SignatureBlockView = z.infer<typeof signatureBlockView>;

export const auditEventView = z.object({
  type: z.string(),
  ip: z.string().nullable(),
  message: z.string(),
  createdAt: z.string(),
});
export type AuditEventView = z.infer<typeof auditEventView>;

export const processSummary = z.object({
  id: z.string(),
  title: z.string(),
  status: processStatus,
  createdAt: z.string(),
  completedAt: z.string().nullable(),
  sender: z.object({ email: z.string(), name: z.string().nullable() }),
  signerCount: z.number(),
  /** Signers who signed; with signature blocks, blocks signed (out of blockCount). */
  signedCount: z.number(),
  /** Signature blocks; 0 when every signer signs everything. */
  blockCount: z.number(),
});
export type ProcessSummary = z.infer<typeof processSummary>;

export const processView = processSummary.extend({
  message: z.string(),
  signingOrder: z.boolean(),
  signaturePagePosition: signaturePagePosition,
  signatureMethods: z.array(signatureMethod),
  /** The sender's own reminder rhythm; null: the admin's. */
  reminders: z.object({ firstAfterDays: z.number(), repeatEveryDays: z.number(), maxReminders: z.number() }).nullable(),
  forceDownload: z.boolean(),
  allowSignAndForward: z.boolean(),
  allowForward: z.boolean(),
  attachmentsVisible: z.boolean(),
  smsNotifications: z.boolean(),
  sealedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  signers: z.array(signerView),
  /** Signature blocks, in signing order; empty when every signer signs everything. */
  blocks: z.array(signatureBlockView),
  documents: z.array(documentView),
  auditTrail: z.array(auditEventView).optional(),
  /** Whether the audit trail's hash chain is intact, and what was edited or deleted if not. */
  auditIntegrity: z.object({ valid: z.boolean(), events: z.number(), problems: z.array(z.string()) }).optional(),
});
export type ProcessView = z.infer<typeof processView>;

/** Filters of the process list and the statistics view (API query string and page form alike). */
export const processSearchQuery = z.object({
  /** Default: all processes for an administrator, the caller's own for anyone else. */
  scope: z.enum(['mine', 'all']).optional().or(z.literal('').transform(() => undefined)),
  q: z.string().trim().max(200).optional().transform((v) => v || undefined),
  status: processStatus.optional().or(z.literal('').transform(() => undefined)),
  component: z.string().trim().max(40).optional().transform((v) => v || undefined),
  from: z.iso.date().optional().or(z.literal('').transform(() => undefined)),
  to: z.iso.date().optional().or(z.literal('').transform(() => undefined)),
  sort: z.enum(['created', '-created', 'completed', '-completed', 'title', '-title', 'status', '-status']).default('-created'),
  limit: z.union([z.coerce.number().int().min(1).max(500), z.literal('all')]).default(20),
  offset: z.coerce.number().int().min(0).default(0),
});
export type ProcessSearchQuery = z.infer<typeof processSearchQuery>;

export const processSearchResult = z.object({
  total: z.number(),
  totals: z.object({
    processes: z.number(),
    signers: z.number(),
    documents: z.number(),
    signatures: z.number(),
    /** Signatures made with an identity provider. */
    strongSignatures: z.number(),
    byStatus: z.record(processStatus, z.number()),
  }),
  processes: z.array(processSummary.extend({ component: z.string() })),
});
export type ProcessSearchResult = z.infer<typeof processSearchResult>;
