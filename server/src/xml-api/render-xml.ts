// The XML API's answers (ProcessResponse, DocumentsResponse, Error), built as text with every value escaped;
// they match the published XSD (tested with xmllint).
import type { ProcessView } from '@secure-signature/shared';
import { XML_NS } from './read-xml-request';

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
const el = (name: string, value: string | number | null | undefined) => (value === null || value === undefined ? '' : `<${name}>${esc(String(value))}</${name}>`);
const doc = (root: string, body: string) => `<?xml version="1.0" encoding="UTF-8"?>\n<${root} xmlns="${XML_NS}">${body}</${root}>\n`;

export function renderProcessXml(p: ProcessView): string {
  const signers = p.signers
    .map(
      (s) =>
        `<Signer>${el('SignerId', s.id)}${el('Position', s.position)}${el('Email', s.email)}${el('Name', s.name)}${el('Status', s.status)}` +
        `${el('SignedAt', s.signedAt)}${el('RejectedAt', s.rejectedAt)}</Signer>`,
    )
    .join('');
  const blocks = p.blocks
    .map((b) => `<Block>${el('Position', b.position)}${el('Label', b.label)}${el('Status', b.status)}${el('SignedBy', b.signedBy)}${el('SignedAt', b.signedAt)}</Block>`)
    .join('');
  return doc(
    'ProcessResponse',
    `${el('ProcessId', p.id)}${el('Title', p.title)}${el('Status', p.status)}${el('CreatedAt', p.createdAt)}${el('CompletedAt', p.completedAt)}<Signers>${signers}</Signers>` +
      (blocks ? `<SignatureBlocks>${blocks}</SignatureBlocks>` : ''),
  );
}

export function renderDocumentsXml(p: ProcessView, documents: { filename: string; sha256: string; bytes: Uint8Array }[]): string {
  const docs = documents
    .map((d) => `<Document filename="${esc(d.filename)}" sha256="${d.sha256}">${Buffer.from(d.bytes).toString('base64')}</Document>`)
    .join('');
  return doc('DocumentsResponse', `${el('ProcessId', p.id)}${el('Status', p.status)}<Documents>${docs}</Documents>`);
}

export function renderErrorXml(e: { code: string; message: string; field?: string }): string {
  return doc('Error', `${el('Code', e.code)}${el('Message', e.message)}${el('Field', e.field)}`);
}
