// The report of a completed process as the template's format says: JSON, or XML built with xmldom (escaping and
// well-formedness are the library's), each final document inline in base64 with its SHA-256.
import { DOMImplementation, XMLSerializer, type Element } from '@xmldom/xmldom';

export type ReportData = {
  process: { id: string; title: string; completedAt: string; sender: { email: string; name: string } };
  signers: { name: string; email: string; signedAt: string; method: string }[];
  /** role: the sealed document, or its signatures page as a separate sealed file (template "separate file"). */
  documents: { filename: string; sha256: string; contentType: string; role: 'document' | 'signatures_page'; bytes: Uint8Array }[];
};

export const REPORT_XML_NAMESPACE = 'urn:secure-signature:report:1';

export function buildReport(format: 'xml' | 'json', data: ReportData): { body: Buffer; contentType: string } {
  if (format === 'json') {
    const json = {
      process: data.process,
      signers: data.signers,
      documents: data.documents.map((d) => ({ filename: d.filename, sha256: d.sha256, contentType: d.contentType, role: d.role, content: Buffer.from(d.bytes).toString('base64') })),
    };
    return { body: Buffer.from(JSON.stringify(json)), contentType: 'application/json' };
  }
  const doc = new DOMImplementation().createDocument(REPORT_XML_NAMESPACE, 'report', null);
  const root = doc.documentElement!;
  const el = (parent: Element, name: string, attrs: Record<string, string> = {}, text?: string) => {
    const e = doc.createElementNS(REPORT_XML_NAMESPACE, name);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    if (text !== undefined) e.appendChild(doc.createTextNode(text));
    parent.appendChild(e);
    return e;
  };
  const p = el(root, 'process', { id: data.process.id, completedAt: data.process.completedAt });
  el(p, 'title', {}, data.process.title);
  el(p, 'sender', { email: data.process.sender.email }, data.process.sender.name);
  const signers = el(root, 'signers');
  for (const s of data.signers) el(signers, 'signer', { email: s.email, signedAt: s.signedAt, method: s.method }, s.name);
  const docs = el(root, 'documents');
  for (const d of data.documents) {
    el(docs, 'document', { filename: d.filename, sha256: d.sha256, contentType: d.contentType, role: d.role, encoding: 'base64' }, Buffer.from(d.bytes).toString('base64'));
  }
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(doc)}`;
  return { body: Buffer.from(xml), contentType: 'application/xml' };
}
