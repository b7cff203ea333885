// The start form's data, and the pure rules on it: what the draft pre-fills, what a file's default role is,
// how upload progress splits over the files, and the process the form sends. No React, no Office: unit-tested.
import type { MessageField, SignatureMethod, StartFormConfig, StartProcessInput } from '@secure-signature/shared';
import type { DraftAttachment } from '../office/compose-item';
import type { Draft, DraftSigner } from '../host';

export type FileState = 'waiting' | 'reading' | 'retrying' | 'ready' | 'uploading' | 'sent' | 'failed';

export type FormFile = {
  key: string;
  name: string;
  size: number;
  /** document: signed; attachment: delivered with the process but not signed. */
  kind: 'document' | 'attachment';
  /** Where the bytes come from: an attachment of the Outlook message, or a file the user chose. */
  source: { attachment: DraftAttachment } | { file: Blob };
  state: FileState;
  /** 0..1 while uploading. */
  progress: number;
  /** Why the file failed, or which try this is. */
  detail?: string;
  bytes?: Uint8Array;
};

/** A signer in the form; organisation and title only when the admin turned them on. */
export type FormSigner = DraftSigner & { key: string; phone: string; organization?: string; jobTitle?: string };

/** A signature block: one labelled signature (its own sign button) over chosen documents and message fields, by one
 *  of the named signers or by any member of a group. Blocks are signed in the order of the list. */
export type FormBlock = {
  key: string;
  label: string;
  /** The documents it covers, by FormFile key; empty: every document to sign. */
  documentKeys: string[];
  fields: MessageField[];
  /** Named signers, by the email in the signer list (or the sender's, when they sign too). */
  signerEmails: string[];
  /** Set: any member of this group signs instead of named signers. */
  group?: string;
};

export const newBlock = (): FormBlock => ({ key: newKey('block'), label: '', documentKeys: [], fields: [], signerEmails: [] });

/** The emails a block may name: the signers' (valid-looking ones) and the sender's when they sign too. */
export function blockSignerChoices(signers: FormSigner[], sender?: { email: string; senderSigns: boolean }): string[] {
  const emails = signers.map((s) => s.email.trim()).filter((e) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(e));
  if (sender?.senderSigns && !emails.some((e) => e.toLowerCase() === sender.email.toLowerCase())) emails.push(sender.email);
  return emails.filter((e, i) => emails.findIndex((x) => x.toLowerCase() === e.toLowerCase()) === i);
}

/** The blocks without references to signers and documents that left the form (removed, renamed, made an attachment),
 *  so a block never sends someone who is no longer asked. The same list back when nothing changed. */
export function pruneBlocks(blocks: FormBlock[], signerEmails: string[], files: FormFile[]): FormBlock[] {
  const emails = new Set(signerEmails.map((e) => e.toLowerCase()));
  const documents = new Set(files.filter((f) => f.kind === 'document').map((f) => f.key));
  let changed = false;
  const next = blocks.map((b) => {
    const documentKeys = b.documentKeys.filter((k) => documents.has(k));
    const signers = b.signerEmails.filter((e) => emails.has(e.toLowerCase()));
    if (documentKeys.length === b.documentKeys.length && signers.length === b.signerEmails.length) return b;
    changed = true;
    return { ...b, documentKeys, signerEmails: signers };
  });
  return changed ? next : blocks;
}

/** The blocks as the server takes them: documents by position among the documents to sign in the order they are
 *  uploaded (left out when the block covers them all), signers as spelled in the signer list. */
function blocksInput(blocks: FormBlock[], files: FormFile[], signers: { email: string }[]): StartProcessInput['blocks'] {
  if (blocks.length === 0) return undefined;
  const documents = files.filter((f) => f.kind === 'document').map((f) => f.key);
  return blocks.map((b) => {
    const positions = documents.flatMap((key, i) => (b.documentKeys.includes(key) ? [i] : []));
    const named = signers.filter((s) => b.signerEmails.some((e) => e.toLowerCase() === s.email.toLowerCase())).map((s) => s.email);
    return {
      label: b.label.trim(),
      ...(positions.length > 0 && positions.length < documents.length ? { documents: positions } : {}),
      fields: (['title', 'message'] as const).filter((f) => b.fields.includes(f)),
      ...(b.group !== undefined ? { signers: [], group: b.group } : { signers: named }),
    };
  });
}

export type FormOptions = {
  signingOrder: boolean;
  signaturePagePosition: 'first' | 'last';
  senderSigns: boolean;
  forceDownload: boolean;
  allowSignAndForward: boolean;
  allowForward: boolean;
  smsNotifications: boolean;
  attachmentsVisible: boolean;
  /** Automatic reminders after this many days (0: none); sent only when it differs from the admin's. */
  remindAfterDays: number;
  /** The methods signers may choose from (when the admin lets senders choose). */
  signatureMethods: SignatureMethod[];
  /** The language of the signers' invitations. */
  language: Language;
};

export const languages = [
  ['en', 'English'],
  ['fi', 'Suomi'],
  ['sv', 'Svenska'],
  ['da', 'Dansk'],
  ['de', 'Deutsch'],
] as const;
export type Language = (typeof languages)[number][0];

/** The invitation language that matches the user's Outlook or browser language, else English. */
export function languageFor(locale: string | undefined): Language {
  const code = (locale ?? '').slice(0, 2).toLowerCase();
  return languages.find(([l]) => l === code)?.[0] ?? 'en';
}

let counter = 0;
export const newKey = (prefix: string) => `${prefix}-${++counter}`;

export const isPdfName = (name: string) => /\.pdf$/i.test(name);

/** A PDF is signed unless the user says otherwise; anything else can only travel along as an attachment. */
export function fileFromAttachment(attachment: DraftAttachment): FormFile {
  return {
    key: newKey('file'),
    name: attachment.name,
    size: attachment.size,
    kind: isPdfName(attachment.name) ? 'document' : 'attachment',
    source: { attachment },
    state: 'waiting',
    progress: 0,
  };
}

export function fileFromPicked(file: File): FormFile {
  return { key: newKey('file'), name: file.name, size: file.size, kind: isPdfName(file.name) ? 'document' : 'attachment', source: { file }, state: 'waiting', progress: 0 };
}

export function signersFromDraft(draft: Draft): FormSigner[] {
  return draft.signers.map((s) => ({ ...s, key: newKey('signer'), phone: '' }));
}

export function defaultOptions(config: StartFormConfig, locale: string | undefined): FormOptions {
  return {
    signingOrder: false,
    signaturePagePosition: config.options.signaturePagePosition,
    senderSigns: false,
    forceDownload: false,
    allowSignAndForward: false,
    allowForward: false,
    smsNotifications: false,
    attachmentsVisible: true,
    signatureMethods: config.options.signatureMethods.map((m) => m.id),
    remindAfterDays: config.options.reminders.firstAfterDays,
    language: languageFor(locale),
  };
}

/** Moves the item at `from` one place up (-1) or down (+1). */
export function move<T>(list: T[], from: number, by: -1 | 1): T[] {
  const to = from + by;
  if (to < 0 || to >= list.length) return list;
  const copy = [...list];
  [copy[from], copy[to]] = [copy[to], copy[from]];
  return copy;
}

/**
 * Splits the bytes sent so far over the files in the order they are in the multipart body, so each file gets its
 * own bar. The body also has headers and the JSON part; those are small and go to the first file's share.
 */
export function progressPerFile(sizes: number[], loaded: number, total: number): number[] {
  const sum = sizes.reduce((a, b) => a + b, 0);
  const overhead = Math.max(0, total - sum);
  let remaining = Math.max(0, loaded - overhead);
  return sizes.map((size) => {
    if (size === 0) return loaded >= total && total > 0 ? 1 : 0;
    const done = Math.min(size, remaining);
    remaining -= done;
    return done / size;
  });
}

/** The problems that keep the form from being sent, in the words the user sees. */
export function formProblems(input: {
  title: string;
  signers: FormSigner[];
  files: FormFile[];
  senderSigns: boolean;
  maxUploadBytes: number;
  /** Every signer gets an SMS PIN (admin setting), so each needs a phone number. */
  requirePhone?: boolean;
  signatureMethods?: SignatureMethod[];
  /** The admin's rule for attachments; off: only documents to sign may be sent. */
  attachments?: 'off' | 'hidden' | 'shown';
  blocks?: FormBlock[];
  /** The sender's email: with "I sign too" they are a signer, so a block must name them. */
  senderEmail?: string;
}): string[] {
  const problems: string[] = [];
  const blocks = input.blocks ?? [];
  if (!input.title.trim()) problems.push('Give the process a title (the message subject).');
  // A block signed by a group's member needs no named signer.
  if (input.signers.length === 0 && !input.senderSigns && !blocks.some((b) => b.group !== undefined)) problems.push('Add at least one signer.');
  input.signers.forEach((s, i) => {
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s.email.trim())) problems.push(`Signer ${i + 1}: "${s.email || '(empty)'}" is not an email address.`);
    if (input.requirePhone && !s.phone.trim()) problems.push(`Signer ${i + 1}: a phone number is needed for the SMS PIN.`);
  });
  if (input.requirePhone && input.senderSigns) problems.push('Every signer needs a phone number for an SMS PIN: add yourself as a signer with your number instead of "I sign too".');
  const emails = input.signers.map((s) => s.email.trim().toLowerCase());
  const twice = emails.find((e, i) => e && emails.indexOf(e) !== i);
  if (twice) problems.push(`${twice} is a signer twice.`);
  if (!input.files.some((f) => f.kind === 'document')) problems.push('Add at least one PDF document to sign.');
  if (input.signatureMethods?.length === 0) problems.push('Choose at least one way for signers to sign.');
  if (input.attachments === 'off' && input.files.some((f) => f.kind === 'attachment')) problems.push('Attachments that are not signed are not allowed here: remove them or sign them as documents.');
  for (const f of input.files) {
    if (f.kind === 'document' && !isPdfName(f.name)) problems.push(`${f.name} is not a PDF; it can only be sent as an attachment.`);
    if (f.size > input.maxUploadBytes) problems.push(`${f.name} is ${formatSize(f.size)}; the server takes files up to ${formatSize(input.maxUploadBytes)}.`);
  }
  blocks.forEach((b, i) => {
    const name = b.label.trim() ? `Signature block "${b.label.trim()}"` : `Signature block ${i + 1}`;
    if (!b.label.trim()) problems.push(`${name}: give it a label (the text of its sign button).`);
    if (b.group === undefined && b.signerEmails.length === 0) problems.push(`${name}: choose who signs it.`);
  });
  // With blocks, a signer signs only the blocks that name them: one named in none would be asked for nothing.
  if (blocks.length) {
    const named = new Set(blocks.flatMap((b) => (b.group === undefined ? b.signerEmails.map((e) => e.toLowerCase()) : [])));
    const asked = [...input.signers.map((s) => s.email.trim()), ...(input.senderSigns && input.senderEmail ? [input.senderEmail] : [])];
    for (const email of asked) if (email && !named.has(email.toLowerCase())) problems.push(`${email} signs no signature block: name them in one or remove them.`);
  }
  return problems;
}

export function processInput(input: {
  title: string;
  message: string;
  signers: FormSigner[];
  options: FormOptions;
  sender?: { email: string; name: string | null };
  /** Whether the admin lets senders choose methods; otherwise the server applies every enabled one. */
  chooseMethods?: boolean;
  /** The admin's reminders: the process sends its own only when the sender changed the first-reminder days. */
  adminReminders?: { firstAfterDays: number; repeatEveryDays: number; maxReminders: number };
  /** The files in the order they are uploaded: block documents are positions among the documents to sign. */
  files?: FormFile[];
  blocks?: FormBlock[];
}): StartProcessInput {
  const signers = input.signers.map((s) => ({
    email: s.email.trim(),
    ...(s.name.trim() ? { name: s.name.trim() } : {}),
    ...(s.phone.trim() ? { phone: s.phone.trim() } : {}),
    ...(s.organization?.trim() ? { organization: s.organization.trim() } : {}),
    ...(s.jobTitle?.trim() ? { jobTitle: s.jobTitle.trim() } : {}),
  }));
  if (input.options.senderSigns && input.sender && !signers.some((s) => s.email.toLowerCase() === input.sender!.email.toLowerCase())) {
    signers.push({ email: input.sender.email, ...(input.sender.name ? { name: input.sender.name } : {}) });
  }
  return {
    title: input.title.trim(),
    message: input.message,
    signers,
    signingOrder: input.options.signingOrder,
    signaturePagePosition: input.options.signaturePagePosition,
    forceDownload: input.options.forceDownload,
    allowSignAndForward: input.options.allowSignAndForward,
    allowForward: input.options.allowForward,
    smsNotifications: input.options.smsNotifications,
    attachmentsVisible: input.options.attachmentsVisible,
    ...(input.chooseMethods ? { signatureMethods: input.options.signatureMethods } : {}),
    ...(input.adminReminders && input.options.remindAfterDays !== input.adminReminders.firstAfterDays
      ? {
          reminders: {
            firstAfterDays: input.options.remindAfterDays,
            repeatEveryDays: input.adminReminders.repeatEveryDays,
            // The admin may have reminders off (0): a sender who wants them gets a sensible count.
            maxReminders: input.adminReminders.maxReminders || 3,
          },
        }
      : {}),
    language: input.options.language,
    ...(input.blocks?.length ? { blocks: blocksInput(input.blocks, input.files ?? [], signers) } : {}),
  };
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** A warning, not a refusal: one signer and the sender does not sign too (when the admin wants senders told). */
export function singleSignerWarning(input: { signers: FormSigner[]; senderSigns: boolean; warn: boolean }): string | undefined {
  if (!input.warn || input.senderSigns || input.signers.length !== 1) return undefined;
  return 'Only one person signs, and you do not sign yourself. Is that what you meant?';
}
