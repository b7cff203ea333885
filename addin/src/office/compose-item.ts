// Reads the message being composed: recipients, subject, body text and file attachments, and closes it.
// Every function takes the compose item, so components and tests never touch Office.context themselves.
import { officeCall, OfficeCallError } from './office-call';

/** The parts of Office.MessageCompose these functions use (Mailbox 1.3, attachments 1.8). */
export type ComposeItem = Pick<Office.MessageCompose, 'to' | 'cc' | 'subject' | 'body' | 'close'> &
  Partial<Pick<Office.MessageCompose, 'getAttachmentsAsync' | 'getAttachmentContentAsync'>>;

export type DraftRecipient = { email: string; name: string; field: 'to' | 'cc' };
export type DraftAttachment = { id: string; name: string; size: number; contentType: string };

export async function readRecipients(item: ComposeItem): Promise<DraftRecipient[]> {
  const to = await officeCall<Office.EmailAddressDetails[]>((cb) => item.to.getAsync(cb));
  const cc = await officeCall<Office.EmailAddressDetails[]>((cb) => item.cc.getAsync(cb));
  const all = [...to.map((r) => ({ r, field: 'to' as const })), ...cc.map((r) => ({ r, field: 'cc' as const }))];
  const seen = new Set<string>();
  const out: DraftRecipient[] = [];
  for (const { r, field } of all) {
    const email = (r.emailAddress ?? '').trim();
    if (!email || seen.has(email.toLowerCase())) continue; // a person on both To and CC signs once
    seen.add(email.toLowerCase());
    // Outlook repeats the address as the display name when it knows no name.
    const name = r.displayName && r.displayName !== email ? r.displayName.trim() : '';
    out.push({ email, name, field });
  }
  return out;
}

export function readSubject(item: ComposeItem): Promise<string> {
  return officeCall<string>((cb) => item.subject.getAsync(cb));
}

export function readBodyText(item: ComposeItem): Promise<string> {
  return officeCall<string>((cb) => item.body.getAsync('text' as unknown as Office.CoercionType, cb));
}

/** Whether this Outlook can list and read attachments of a message being composed (Mailbox 1.8). */
export function canReadAttachments(item: ComposeItem): boolean {
  return typeof item.getAttachmentsAsync === 'function' && typeof item.getAttachmentContentAsync === 'function';
}

/** File attachments of the draft; inline images (pictures in the body) and attached items are left out. */
export async function listFileAttachments(item: ComposeItem): Promise<DraftAttachment[]> {
  if (!item.getAttachmentsAsync) throw new OfficeCallError('This Outlook cannot read attachments (Mailbox 1.8 is missing)');
  const list = await officeCall<Office.AttachmentDetailsCompose[]>((cb) => item.getAttachmentsAsync!(cb));
  return list
    .filter((a) => !a.isInline && String(a.attachmentType) === 'file')
    .map((a) => ({ id: a.id, name: a.name, size: a.size, contentType: (a as { contentType?: string }).contentType ?? '' }));
}

/** The bytes of one attachment. Cloud attachments come back as a link, not bytes, and are refused clearly. */
export async function readAttachmentBytes(item: ComposeItem, id: string): Promise<Uint8Array> {
  if (!item.getAttachmentContentAsync) throw new OfficeCallError('This Outlook cannot read attachments (Mailbox 1.8 is missing)');
  const content = await officeCall<Office.AttachmentContent>((cb) => item.getAttachmentContentAsync!(id, cb));
  if (String(content.format) !== 'base64') {
    throw new OfficeCallError(`The attachment is a ${String(content.format)} attachment, not a file; attach the file itself`);
  }
  return base64ToBytes(content.content);
}

/** Closes the compose form; Outlook asks the user whether to keep or discard the draft. */
export function closeItem(item: ComposeItem): void {
  item.close();
}

function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
