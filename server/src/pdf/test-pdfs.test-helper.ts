// Test PDFs of the shapes real uploads have: classic xref tables, xref and object streams, nested page trees
// with inherited MediaBox, incremental updates, encrypted. Made with pdf-lib and qpdf in a temporary folder.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';

export async function textPdf(pages: number, opts: { objectStreams?: boolean; size?: [number, number] } = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 0; i < pages; i++) {
    doc.addPage(opts.size ?? [595.28, 841.89]).drawText(`Original page ${i + 1}`, { x: 50, y: 500, size: 24, font });
  }
  return doc.save({ useObjectStreams: opts.objectStreams ?? false });
}

/** Runs qpdf on `input` with `args` and returns the output file. */
export function qpdf(input: Uint8Array, args: string[]): Uint8Array {
  const dir = mkdtempSync(path.join(tmpdir(), 'ss-qpdf-'));
  try {
    writeFileSync(path.join(dir, 'in.pdf'), input);
    execFileSync('qpdf', [...args, path.join(dir, 'in.pdf'), path.join(dir, 'out.pdf')], { stdio: 'pipe' });
    return readFileSync(path.join(dir, 'out.pdf'));
  } catch (err: any) {
    // qpdf exits 3 for warnings but still writes the file.
    if (err.status === 3) return readFileSync(path.join(dir, 'out.pdf'));
    throw err;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A page tree with an intermediate /Pages node whose MediaBox the pages inherit (Letter size). */
export function nestedTreePdf(): Uint8Array {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 2 >>',
    '<< /Type /Pages /Parent 2 0 R /Kids [4 0 R 5 0 R] /Count 2 /MediaBox [0 0 612 792] >>',
    '<< /Type /Page /Parent 3 0 R /Contents 6 0 R /Resources << /Font << /F1 7 0 R >> >> >>',
    '<< /Type /Page /Parent 3 0 R /Contents 6 0 R /Resources << /Font << /F1 7 0 R >> >> >>',
    streamObject('BT /F1 24 Tf 72 700 Td (Nested tree page) Tj ET'),
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f\r\n`;
  for (const o of offsets) body += `${String(o).padStart(10, '0')} 00000 n\r\n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(body);
}

/**
 * A hybrid-reference file (as Word writes them): a classic xref table for the plain objects and, through the
 * trailer's /XRefStm, a cross-reference stream for the catalog, page tree and font kept in an object stream.
 */
export function hybridPdf(): Uint8Array {
  const packed = [
    [1, '<< /Type /Catalog /Pages 2 0 R >>'],
    [2, '<< /Type /Pages /Kids [3 0 R] /Count 1 /MediaBox [0 0 500 700] >>'],
    [5, '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'],
  ] as const;
  let head = '';
  let bodies = '';
  for (const [n, body] of packed) {
    head += `${n} ${bodies.length} `;
    bodies += `${body}\n`;
  }
  const objStm = `<< /Type /ObjStm /N ${packed.length} /First ${head.length} /Length ${head.length + bodies.length} >>\nstream\n${head}${bodies}\nendstream`;
  const plain: [number, string][] = [
    [3, '<< /Type /Page /Parent 2 0 R /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>'],
    [4, streamObject('BT /F1 24 Tf 72 600 Td (Hybrid page) Tj ET')],
    [6, objStm],
  ];
  let body = '%PDF-1.5\n%\xe2\xe3\xcf\xd3\n';
  const offsets = new Map<number, number>();
  for (const [n, o] of plain) {
    offsets.set(n, body.length);
    body += `${n} 0 obj\n${o}\nendobj\n`;
  }
  // The stream holds rows [type 2, object stream 6, index] for objects 1, 2 and 5.
  const rows = String.fromCharCode(2, 0, 6, 0, 2, 0, 6, 1, 2, 0, 6, 2);
  offsets.set(7, body.length);
  body += `7 0 obj\n<< /Type /XRef /Size 8 /W [1 2 1] /Index [1 2 5 1] /Length ${rows.length} >>\nstream\n${rows}\nendstream\nendobj\n`;
  const xref = body.length;
  // The table leaves out the objects the stream lists, so readers take those from the stream.
  const entry = (n: number) => `${String(offsets.get(n)).padStart(10, '0')} 00000 n\r\n`;
  body += `xref\n0 1\n0000000000 65535 f\r\n3 2\n${entry(3)}${entry(4)}6 2\n${entry(6)}${entry(7)}`;
  body += `trailer\n<< /Size 8 /Root 1 0 R /XRefStm ${offsets.get(7)} >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** A PDF with a filled-in form (an indirect /AcroForm with a text field), as pdf-lib writes it. */
export async function formPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595.28, 841.89]);
  const field = doc.getForm().createTextField('employee.name');
  field.setText('Anna Virtanen');
  field.addToPage(page, { x: 50, y: 700, width: 200, height: 24 });
  return doc.save({ useObjectStreams: false });
}

function streamObject(content: string): string {
  return `<< /Length ${content.length} >>\nstream\n${content}\nendstream`;
}
