// Appends objects to a PDF as an incremental update: the objects, then a cross-reference section of the same kind
// as the original's newest one (table or stream) chained to it with /Prev, and a trailer.
import { PDFName, PDFRef, type PDFObject } from 'pdf-lib';
import type { PdfFile } from '../pdf/read-pdf';

export type UpdateObject = { ref: PDFRef; object: PDFObject } | { ref: PDFRef; raw: string };

export interface WrittenUpdate {
  bytes: Uint8Array;
  /** Where each object starts in the update, by object number. */
  offsets: Map<number, number>;
}

const encoder = new TextEncoder();

export function writeUpdate(pdf: PdfFile, objects: UpdateObject[]): WrittenUpdate {
  const base = pdf.bytes.length;
  const chunks: Uint8Array[] = [];
  let length = 0;
  const push = (chunk: Uint8Array | string) => {
    const bytes = typeof chunk === 'string' ? encoder.encode(chunk) : chunk;
    chunks.push(bytes);
    length += bytes.length;
  };
  // The original may not end with a newline; an update must start on its own line.
  push(pdf.bytes[base - 1] === 0x0a ? '' : '\n');

  const offsets = new Map<number, number>();
  const entries: { n: number; gen: number; offset: number }[] = [];
  for (const o of objects) {
    offsets.set(o.ref.objectNumber, length);
    entries.push({ n: o.ref.objectNumber, gen: o.ref.generationNumber, offset: base + length });
    push(`${o.ref.objectNumber} ${o.ref.generationNumber} obj\n`);
    if ('raw' in o) push(o.raw);
    else {
      const body = new Uint8Array(o.object.sizeInBytes());
      o.object.copyBytesInto(body, 0);
      push(body);
    }
    push('\nendobj\n');
  }

  const maxNumber = Math.max(pdf.size - 1, ...objects.map((o) => o.ref.objectNumber));
  const trailerKeys = ['Root', 'Info', 'ID'].map((k) => [k, pdf.trailer.get(PDFName.of(k))] as const).filter(([, v]) => v);
  const serialize = (v: PDFObject) => {
    const b = new Uint8Array(v.sizeInBytes());
    v.copyBytesInto(b, 0);
    return new TextDecoder('latin1').decode(b);
  };
  const common = trailerKeys.map(([k, v]) => `/${k} ${serialize(v!)}`).join(' ') + ` /Prev ${pdf.startxref}`;

  const xrefOffset = base + length;
  if (pdf.usesXrefStream) {
    const streamNumber = maxNumber + 1;
    entries.push({ n: streamNumber, gen: 0, offset: xrefOffset });
    const sorted = [...entries].sort((a, b) => a.n - b.n);
    const rows = new Uint8Array(sorted.length * 7);
    sorted.forEach((e, i) => {
      rows[i * 7] = 1;
      new DataView(rows.buffer).setUint32(i * 7 + 1, e.offset);
      new DataView(rows.buffer).setUint16(i * 7 + 5, e.gen);
    });
    const index = subsections(sorted).map((s) => `${s.first} ${s.items.length}`).join(' ');
    push(`${streamNumber} 0 obj\n<< /Type /XRef /Size ${streamNumber + 1} /W [1 4 2] /Index [${index}] ${common} /Length ${rows.length} >>\nstream\n`);
    push(rows);
    push(`\nendstream\nendobj\n`);
  } else {
    let table = 'xref\n';
    for (const s of subsections([...entries].sort((a, b) => a.n - b.n))) {
      table += `${s.first} ${s.items.length}\n`;
      for (const e of s.items) table += `${String(e.offset).padStart(10, '0')} ${String(e.gen).padStart(5, '0')} n\r\n`;
    }
    push(`${table}trailer\n<< /Size ${maxNumber + 1} ${common} >>\n`);
  }
  push(`startxref\n${xrefOffset}\n%%EOF\n`);

  const bytes = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.length;
  }
  return { bytes, offsets };
}

function subsections<T extends { n: number }>(sorted: T[]): { first: number; items: T[] }[] {
  const out: { first: number; items: T[] }[] = [];
  for (const e of sorted) {
    const last = out.at(-1);
    if (last && last.first + last.items.length === e.n) last.items.push(e);
    else out.push({ first: e.n, items: [e] });
  }
  return out;
}
