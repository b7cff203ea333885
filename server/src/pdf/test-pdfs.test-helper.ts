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

function streamObject(content: string): string {
  return `<< /Length ${content.length} >>\nstream\n${content}\nendstream`;
}
