// Maps a validated StartProcessRequest to the same input the REST API and the web form give startProcess
// (shared zod schema `startProcessInput`), plus the decoded files.
import type { Element } from '@xmldom/xmldom';
import { startProcessInput, type StartProcessInput } from '@secure-signature/shared';
import { DomainError } from '../domain/errors';
import type { UploadedFile } from '../domain/process/uploaded-file';
import { XML_NS } from './read-xml-request';

export function xmlToStartInput(root: Element): {
  process: StartProcessInput;
  reportTemplateName?: string;
  documents: UploadedFile[];
  attachments: UploadedFile[];
} {
  const signers = children(child(root, 'Signers'), 'Signer').map((s) => ({
    email: text(s, 'Email'),
    name: text(s, 'Name'),
    phone: text(s, 'Phone'),
    language: text(s, 'Language'),
    identityNumber: text(s, 'IdentityNumber'),
    businessId: text(s, 'BusinessId'),
    organization: text(s, 'Organization'),
    jobTitle: text(s, 'JobTitle'),
  }));
  const blocks = child(root, 'SignatureBlocks');
  const options = child(root, 'Options');
  const methods = child(root, 'SignatureMethods');
  const reminders = options && child(options, 'Reminders');
  const raw = {
    title: text(root, 'Title'),
    message: text(root, 'Message'),
    language: text(root, 'Language'),
    signers,
    signingOrder: bool(root, 'SigningOrder'),
    reportTemplateId: text(root, 'ReportTemplateId')?.trim().toLowerCase(),
    signatureMethods: methods ? children(methods, 'Method').map((m) => m.textContent?.trim() ?? '') : undefined,
    blocks: blocks
      ? children(blocks, 'Block').map((b) => {
          const numbers = children(b, 'DocumentNumber').map((d) => Number(d.textContent) - 1);
          return {
            label: text(b, 'Label'),
            // Numbered from 1 here, from 0 in the shared schema.
            ...(numbers.length ? { documents: numbers } : {}),
            fields: children(b, 'Field').map((f) => f.textContent?.trim()),
            signers: children(b, 'Signer').map((e) => e.textContent?.trim()),
            group: text(b, 'Group')?.trim(),
          };
        })
      : undefined,
    ...(options
      ? {
          signaturePagePosition: text(options, 'SignaturePagePosition'),
          forceDownload: bool(options, 'ForceDownload'),
          allowSignAndForward: bool(options, 'AllowSignAndForward'),
          allowForward: bool(options, 'AllowForward'),
          attachmentsVisible: bool(options, 'AttachmentsVisible'),
          smsNotifications: bool(options, 'SmsNotifications'),
          reminders: reminders
            ? { firstAfterDays: Number(text(reminders, 'FirstAfterDays')), repeatEveryDays: Number(text(reminders, 'RepeatEveryDays')), maxReminders: Number(text(reminders, 'MaxReminders')) }
            : undefined,
        }
      : {}),
  };
  const parsed = startProcessInput.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue.path.join('.');
    throw new DomainError('invalid_input', `${field || 'request'}: ${issue.message}`, field || undefined);
  }
  return {
    process: parsed.data,
    // A template by name: resolved to its id where the database is (startXmlApiProcess).
    reportTemplateName: text(root, 'ReportTemplate')?.trim() || undefined,
    documents: children(child(root, 'Documents'), 'Document').map(file),
    attachments: children(child(root, 'Attachments'), 'Attachment').map(file),
  };
}

function children(parent: Element | undefined, name: string): Element[] {
  if (!parent) return [];
  const out: Element[] = [];
  for (let n = parent.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && (n as Element).namespaceURI === XML_NS && (n as Element).localName === name) out.push(n as Element);
  }
  return out;
}

const child = (parent: Element, name: string): Element | undefined => children(parent, name)[0];

/** An element's text; undefined when it is absent, so the shared schema's defaults apply. */
function text(parent: Element, name: string): string | undefined {
  const e = child(parent, name);
  return e ? (e.textContent ?? '') : undefined;
}

function bool(parent: Element, name: string): boolean | undefined {
  const t = text(parent, name)?.trim();
  return t === undefined ? undefined : t === 'true' || t === '1';
}

function file(e: Element): UploadedFile {
  const name = (e.getAttribute('filename') ?? '').split(/[\\/]/).pop()?.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 200);
  return {
    filename: name || 'document.pdf',
    contentType: e.getAttribute('contentType') || 'application/octet-stream',
    bytes: new Uint8Array(Buffer.from((e.textContent ?? '').replace(/\s+/g, ''), 'base64')),
  };
}
