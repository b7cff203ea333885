// A read-only view of a PDF that parses only what it is asked for: the trailer, the cross-reference sections
// (tables, streams, hybrids, /Prev chains) and the objects looked up, from their byte offsets or from object
// streams. Sealing a 25 MB file must cost about one pass over its bytes, so nothing else is read.
// A file whose cross-reference data is broken is refused as unreadable rather than reconstructed by scanning:
// an incremental update must point back at a valid cross-reference section.
import { PDFArray, PDFContext, PDFDict, PDFName, PDFNumber, PDFObjectParser, PDFRawStream, PDFRef, type PDFObject } from 'pdf-lib';
import { decodeStream } from './decode-stream';
import { PdfError } from './pdf-error';

type XrefEntry = { type: 1; offset: number; gen: number } | { type: 2; stream: number; index: number };

export interface PdfFile {
  bytes: Uint8Array;
  version: string;
  /** Offset of the newest cross-reference section: the /Prev of an update. */
  startxref: number;
  trailer: PDFDict;
  usesXrefStream: boolean;
  /** The trailer's /Size: the first free object number. */
  size: number;
  /** The context that owns every parsed object (needed to build new objects that refer to them). */
  context: PDFContext;
  /** The object behind a reference (or the value itself when it is not one). */
  resolve(value: PDFObject | undefined): PDFObject | undefined;
  /** The generation number under which an object number currently lives. */
  generationOf(objectNumber: number): number;
}

const latin1 = new TextDecoder('latin1');
const text = (bytes: Uint8Array, from: number, to: number) => latin1.decode(bytes.subarray(from, Math.min(to, bytes.length)));

export function readPdf(bytes: Uint8Array): PdfFile {
  const head = text(bytes, 0, 1024);
  const headerAt = head.indexOf('%PDF-');
  if (headerAt < 0) throw new PdfError('not_pdf', 'the file does not start with a PDF header');
  const version = /^%PDF-(\d\.\d)/.exec(head.slice(headerAt))?.[1] ?? '1.4';

  const tail = text(bytes, Math.max(0, bytes.length - 2048), bytes.length);
  const sx = /startxref\s+(\d+)\s*(?:%%EOF)?\s*$/.exec(tail.replace(/[\s\0]*$/, '') + '\n') ?? /startxref\s+(\d+)/.exec(tail.slice(tail.lastIndexOf('startxref')));
  if (!sx) throw new PdfError('unreadable', 'the file is truncated: its end (startxref) is missing');
  const startxref = Number(sx[1]);

  const context = PDFContext.create();
  const entries = new Map<number, XrefEntry>();
  let newestTrailer: PDFDict | undefined;
  let usesXrefStream = false;
  const seen = new Set<number>();

  const parseAt = (offset: number): { ref: PDFRef; object: PDFObject } => {
    const header = /^\s*(\d+)\s+(\d+)\s+obj\b/.exec(text(bytes, offset, offset + 64));
    if (!header) throw new PdfError('unreadable', `no object at byte ${offset}: the cross-reference data is wrong`);
    const parser = PDFObjectParser.forBytes(bytes.subarray(offset + header[0].length), context);
    return { ref: PDFRef.of(Number(header[1]), Number(header[2])), object: parser.parseObject() };
  };

  const addEntry = (n: number, e: XrefEntry) => {
    if (!entries.has(n)) entries.set(n, e);
  };

  const readSection = (offset: number): PDFDict => {
    if (seen.has(offset) || offset <= 0 || offset >= bytes.length) throw new PdfError('unreadable', 'the cross-reference chain is broken');
    seen.add(offset);
    const start = text(bytes, offset, offset + 16);
    if (/^\s*xref/.test(start)) return readTable(offset);
    const { object } = parseAt(offset);
    if (!(object instanceof PDFRawStream) || object.dict.lookup(PDFName.of('Type')) !== PDFName.of('XRef')) {
      throw new PdfError('unreadable', 'startxref does not point at a cross-reference section');
    }
    usesXrefStream = true;
    readXrefStream(object);
    return object.dict;
  };

  const readTable = (offset: number): PDFDict => {
    const trailerAt = indexOf(bytes, 'trailer', offset);
    if (trailerAt < 0) throw new PdfError('unreadable', 'a cross-reference table has no trailer');
    const tokens = text(bytes, offset, trailerAt).trim().split(/\s+/).slice(1);
    for (let i = 0; i < tokens.length; ) {
      const first = Number(tokens[i]);
      const count = Number(tokens[i + 1]);
      if (!Number.isInteger(first) || !Number.isInteger(count)) throw new PdfError('unreadable', 'a cross-reference table is malformed');
      i += 2;
      for (let k = 0; k < count; k++, i += 3) {
        const [off, gen, kind] = [tokens[i], tokens[i + 1], tokens[i + 2]];
        if (kind === 'n') addEntry(first + k, { type: 1, offset: Number(off), gen: Number(gen) });
        else if (kind !== 'f') throw new PdfError('unreadable', 'a cross-reference table is malformed');
      }
    }
    const trailer = PDFObjectParser.forBytes(bytes.subarray(trailerAt + 7), context).parseObject();
    if (!(trailer instanceof PDFDict)) throw new PdfError('unreadable', 'the trailer is not a dictionary');
    // A hybrid file keeps the entries of its compressed objects in a cross-reference stream.
    const xrefStm = trailer.lookup(PDFName.of('XRefStm'));
    if (xrefStm instanceof PDFNumber) {
      const { object } = parseAt(xrefStm.asNumber());
      if (object instanceof PDFRawStream) readXrefStream(object);
    }
    return trailer;
  };

  const readXrefStream = (stream: PDFRawStream) => {
    const dict = stream.dict;
    const w = dict.lookup(PDFName.of('W'));
    const size = dict.lookup(PDFName.of('Size'));
    if (!(w instanceof PDFArray) || !(size instanceof PDFNumber)) throw new PdfError('unreadable', 'a cross-reference stream lacks /W or /Size');
    const widths = w.asArray().map((x) => (x instanceof PDFNumber ? x.asNumber() : 0));
    const index = dict.lookup(PDFName.of('Index'));
    const ranges = index instanceof PDFArray ? index.asArray().map((x) => (x as PDFNumber).asNumber()) : [0, size.asNumber()];
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
        const type = widths[0] === 0 ? 1 : field(pos, widths[0]);
        const a = field(pos + widths[0], widths[1]);
        const b = field(pos + widths[0] + widths[1], widths[2]);
        if (type === 1) addEntry(ranges[r] + k, { type: 1, offset: a, gen: b });
        else if (type === 2) addEntry(ranges[r] + k, { type: 2, stream: a, index: b });
      }
    }
  };

  try {
    let offset: number | undefined = startxref;
    while (offset !== undefined) {
      const trailer = readSection(offset);
      newestTrailer ??= trailer;
      const prev = trailer.lookup(PDFName.of('Prev'));
      offset = prev instanceof PDFNumber ? prev.asNumber() : undefined;
    }
  } catch (err) {
    if (err instanceof PdfError) throw err;
    throw new PdfError('unreadable', 'the cross-reference data could not be read');
  }
  const trailer = newestTrailer!;
  if (trailer.get(PDFName.of('Encrypt'))) throw new PdfError('encrypted', 'the file is encrypted');

  const cache = new Map<number, PDFObject>();
  const objectStreams = new Map<number, { data: Uint8Array; first: number; offsets: Map<number, number> }>();

  const loadObjectStream = (n: number) => {
    let os = objectStreams.get(n);
    if (os) return os;
    const stream = lookup(n);
    if (!(stream instanceof PDFRawStream)) throw new PdfError('unreadable', `object stream ${n} is missing`);
    const data = decodeStream(stream);
    const count = (stream.dict.lookup(PDFName.of('N')) as PDFNumber).asNumber();
    const first = (stream.dict.lookup(PDFName.of('First')) as PDFNumber).asNumber();
    const nums = text(data, 0, first).trim().split(/\s+/).map(Number);
    const offsets = new Map<number, number>();
    for (let i = 0; i < count; i++) offsets.set(nums[2 * i], nums[2 * i + 1]);
    os = { data, first, offsets };
    objectStreams.set(n, os);
    return os;
  };

  function lookup(n: number): PDFObject | undefined {
    if (cache.has(n)) return cache.get(n);
    const e = entries.get(n);
    if (!e) return undefined;
    let object: PDFObject;
    if (e.type === 1) {
      const parsed = parseAt(e.offset);
      if (parsed.ref.objectNumber !== n) throw new PdfError('unreadable', `object ${n} is not where the cross-reference says`);
      object = parsed.object;
    } else {
      const os = loadObjectStream(e.stream);
      const at = os.offsets.get(n);
      if (at === undefined) throw new PdfError('unreadable', `object ${n} is missing from its object stream`);
      object = PDFObjectParser.forBytes(os.data.subarray(os.first + at), context).parseObject();
    }
    cache.set(n, object);
    return object;
  }

  const resolve = (value: PDFObject | undefined): PDFObject | undefined => {
    try {
      return value instanceof PDFRef ? lookup(value.objectNumber) : value;
    } catch (err) {
      if (err instanceof PdfError) throw err;
      throw new PdfError('unreadable', 'an object in the file could not be parsed');
    }
  };

  const trailerSize = trailer.lookup(PDFName.of('Size'));
  let size = trailerSize instanceof PDFNumber ? trailerSize.asNumber() : 0;
  for (const n of entries.keys()) if (n >= size) size = n + 1;
  return {
    bytes,
    version,
    startxref,
    trailer,
    usesXrefStream,
    size,
    context,
    resolve,
    generationOf: (n) => {
      const e = entries.get(n);
      return e?.type === 1 ? e.gen : 0;
    },
  };
}

function indexOf(bytes: Uint8Array, needle: string, from: number): number {
  const first = needle.charCodeAt(0);
  outer: for (let i = from; i <= bytes.length - needle.length; i++) {
    if (bytes[i] !== first) continue;
    for (let k = 1; k < needle.length; k++) if (bytes[i + k] !== needle.charCodeAt(k)) continue outer;
    return i;
  }
  return -1;
}
