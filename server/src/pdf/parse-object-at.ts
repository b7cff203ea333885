// Parses the indirect object ("12 0 obj …") that starts at a byte offset, as a cross-reference entry gives it.
import { PDFObjectParser, PDFRef, type PDFContext, type PDFObject } from 'pdf-lib';
import { PdfError } from './pdf-error';

const latin1 = new TextDecoder('latin1');

export function parseObjectAt(bytes: Uint8Array, offset: number, context: PDFContext): { ref: PDFRef; object: PDFObject } {
  const header = /^\s*(\d+)\s+(\d+)\s+obj\b/.exec(latin1.decode(bytes.subarray(offset, Math.min(offset + 64, bytes.length))));
  if (!header) throw new PdfError('unreadable', `no object at byte ${offset}: the cross-reference data is wrong`);
  const parser = PDFObjectParser.forBytes(bytes.subarray(offset + header[0].length), context);
  return { ref: PDFRef.of(Number(header[1]), Number(header[2])), object: parser.parseObject() };
}
