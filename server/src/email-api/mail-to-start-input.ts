// Maps a parsed Email API message to the same input every other start path gives startProcess (shared zod schema
// `startProcessInput`): subject → title, text body → message, the agreed headers → signers and options, PDF
// attachments → documents, other attachments → attachments (the start policy decides whether they are allowed).
import type { ParsedMail } from 'mailparser';
import { startProcessInput, type StartProcessInput } from '@secure-signature/shared';
import { DomainError } from '../domain/errors';
import type { UploadedFile } from '../domain/process/uploaded-file';
import { OPTIONS_HEADER, readOptions, readSigners, SIGNERS_HEADER } from './read-agreed-headers';

const headerValues = (mail: ParsedMail, name: string): string[] => {
  const v = mail.headers.get(name.toLowerCase());
  return (Array.isArray(v) ? v : v === undefined ? [] : [v]).map(String);
};

const isPdf = (a: { contentType: string; filename?: string }) => a.contentType === 'application/pdf' || /\.pdf$/i.test(a.filename ?? '');

export function mailToStartInput(mail: ParsedMail): {
  process: StartProcessInput;
  reportTemplateName?: string;
  documents: UploadedFile[];
  attachments: UploadedFile[];
} {
  const signers = readSigners(headerValues(mail, SIGNERS_HEADER));
  const { fields, reportTemplateName } = readOptions(headerValues(mail, OPTIONS_HEADER));
  const parsed = startProcessInput.safeParse({ ...fields, title: mail.subject ?? '', message: (mail.text ?? '').trim(), signers });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue.path.join('.');
    const what = field === 'title' ? 'subject (the title)' : field === 'message' ? 'text (the message)' : field || 'message';
    throw new DomainError('invalid_input', `${what}: ${issue.message}`, field || undefined);
  }
  // Images of an HTML body (cid:) are part of the text, not files of the process.
  const files = mail.attachments.filter((a) => !a.related);
  const toFile = (a: (typeof files)[number], fallback: string): UploadedFile => ({
    filename: (a.filename ?? '').split(/[\\/]/).pop()?.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 200) || fallback,
    contentType: a.contentType || 'application/octet-stream',
    bytes: new Uint8Array(a.content),
  });
  const documents = files.filter(isPdf).map((a) => toFile(a, 'document.pdf'));
  if (documents.length === 0) throw new DomainError('invalid_input', 'The message has no PDF attachment to sign', 'documents');
  return { process: parsed.data, reportTemplateName, documents, attachments: files.filter((a) => !isPdf(a)).map((a) => toFile(a, 'attachment')) };
}
