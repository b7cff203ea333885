// Reads every cross-reference section of a PDF, newest first, following /Prev: classic tables, cross-reference
// streams, and hybrid files (a table whose trailer points with /XRefStm at a stream listing compressed objects).
// The newest entry for an object number wins. Free entries are not recorded: sealing only looks up objects the
// newest trailer reaches, so an object freed by a later update is never asked for.
import { PDFArray, PDFDict, PDFName, PDFNumber, PDFObjectParser, PDFRawStream, type PDFContext } from 'pdf-lib';
import { decodeStream } from './decode-stream';
import { parseObjectAt } from './parse-object-at';
import { PdfError } from './pdf-error';

export type XrefEntry = { type: 1; offset: number; gen: number } | { type: 2; stream: number; index: number };

export interface XrefChain {
  entries: Map<number, XrefEntry>;
  /** The newest section's trailer (or cross-reference stream dictionary). */
  trailer: PDFDict;
  /** Whether the newest section is a cross-reference stream, so an update should write one too. */
  usesXrefStream: boolean;
}

const latin1 = new TextDecoder('latin1');
const text = (bytes: Uint8Array, from: number, to: number) => latin1.decode(bytes.subarray(from, Math.min(to, bytes.length)));

export function readXrefChain(bytes: Uint8Array, startxref: number, context: PDFContext): XrefChain {
  const entries = new Map<number, XrefEntry>();
  const seen = new Set<number>();
  const add = (n: number, e: XrefEntry) => {
    if (!entries.has(n)) entries.set(n, e);
  };

  const readStream = (stream: PDFRawStream) => {
    const dict = stream.dict;
    const w = dict.lookup(PDFName.of('W'));
    const size = dict.lookup(PDFName.of('Size'));
    if (!(w instanceof PDFArray) || !(size instanceof PDFNumber)) throw new PdfError('unreadable', 'a cross-reference stream lacks /W or /Size');
    const widths = w.asArray().map((x) => (x instanceof PDFNumber ? x.asNumber() : 0));
    const index = dict.lookup(PDFName.of('Index'));
    const ranges = index instanceof PDFArray ? index.asArray().map((x) => (x instanceof PDFNumber ? x.asNumber() : NaN)) : [0, size.asNumber()];
    if (widths.length !== 3 || ranges.some((x) => !Number.isInteger(x))) throw new PdfError('unreadable', 'a cross-reference stream is malformed');
    const data = decodeStream(stream);
    const field = (pos: number, width: number) => {
      let v = 0;
      for (let i = 0; i < width; i++) v = v * 256 + data[pos + i];
      return v;
    };
    const rowLength = widths[0] + widths[1] + widths[2];
    let pos = 0;
    for (let r = 0; r < ranges.length; r += 2) {
      for (let k = 0; k < ranges[r + 1]; k++, pos += rowLength) {
        if (pos + rowLength > data.length) throw new PdfError('unreadable', 'a cross-reference stream is too short');
        // A missing type field means type 1 (PDF 32000-1, 7.5.8.2).
        const type = widths[0] === 0 ? 1 : field(pos, widths[0]);
        const a = field(pos + widths[0], widths[1]);
        const b = field(pos + widths[0] + widths[1], widths[2]);
        if (type === 1) add(ranges[r] + k, { type: 1, offset: a, gen: b });
        else if (type === 2) add(ranges[r] + k, { type: 2, stream: a, index: b });
      }
    }
  };

  const readTable = (offset: number): PDFDict => {
    const trailerAt = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf('trailer', offset, 'latin1');
    if (trailerAt < 0) throw new PdfError('unreadable', 'a cross-reference table has no trailer');
    const tokens = text(bytes, offset, trailerAt).trim().split(/\s+/).slice(1);
    for (let i = 0; i < tokens.length; ) {
      const first = Number(tokens[i]);
      const count = Number(tokens[i + 1]);
      if (!Number.isInteger(first) || !Number.isInteger(count)) throw new PdfError('unreadable', 'a cross-reference table is malformed');
      i += 2;
      for (let k = 0; k < count; k++, i += 3) {
        const [off, gen, kind] = [tokens[i], tokens[i + 1], tokens[i + 2]];
        if (kind === 'n') add(first + k, { type: 1, offset: Number(off), gen: Number(gen) });
        else if (kind !== 'f') throw new PdfError('unreadable', 'a cross-reference table is malformed');
      }
    }
    const trailer = PDFObjectParser.forBytes(bytes.subarray(trailerAt + 7), context).parseObject();
    if (!(trailer instanceof PDFDict)) throw new PdfError('unreadable', 'the trailer is not a dictionary');
    // A hybrid file's table leaves its compressed objects to the stream; the table's entries come first.
    const xrefStm = trailer.lookup(PDFName.of('XRefStm'));
    if (xrefStm instanceof PDFNumber) {
      const { object } = parseObjectAt(bytes, xrefStm.asNumber(), context);
      if (object instanceof PDFRawStream) readStream(object);
    }
    return trailer;
  };

  const readSection = (offset: number): { trailer: PDFDict; isStream: boolean } => {
    if (seen.has(offset) || offset <= 0 || offset >= bytes.length) throw new PdfError('unreadable', 'the cross-reference chain is broken');
    seen.add(offset);
    if (/^\s*xref/.test(text(bytes, offset, offset + 16))) return { trailer: readTable(offset), isStream: false };
    const { object } = parseObjectAt(bytes, offset, context);
    if (!(object instanceof PDFRawStream) || object.dict.lookup(PDFName.of('Type')) !== PDFName.of('XRef')) {
      throw new PdfError('unreadable', 'startxref does not point at a cross-reference section');
    }
    readStream(object);
    return { trailer: object.dict, isStream: true };
  };

  try {
    const newest = readSection(startxref);
    for (let section = newest; ; ) {
      const prev = section.trailer.lookup(PDFName.of('Prev'));
      if (!(prev instanceof PDFNumber)) break;
      section = readSection(prev.asNumber());
    }
    return { entries, trailer: newest.trailer, usesXrefStream: newest.isStream };
  } catch (err) {
    if (err instanceof PdfError) throw err;
    throw new PdfError('unreadable', 'the cross-reference data could not be read');
  }
}
