// A read-only view of a PDF that parses only what it is asked for: the trailer, the cross-reference sections
// (tables, streams, hybrids, /Prev chains) and the objects looked up, from their byte offsets or from object
// streams. Sealing a 25 MB file must cost about one pass over its bytes, so nothing else is read.
// A file whose cross-reference data is broken is refused as unreadable rather than reconstructed by scanning:
// an incremental update must point back at a valid cross-reference section, and a reconstruction guesses.
import { PDFContext, PDFName, PDFNumber, PDFObjectParser, PDFRawStream, PDFRef, type PDFDict, type PDFObject } from 'pdf-lib';
import { decodeStream } from './decode-stream';
import { parseObjectAt } from './parse-object-at';
import { PdfError } from './pdf-error';
import { readXrefChain, type XrefEntry } from './read-xref-chain';

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
  /** Where every object lives, by object number: to tell what a later update changed. */
  xref: ReadonlyMap<number, XrefEntry>;
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
  const { entries, trailer, usesXrefStream } = readXrefChain(bytes, startxref, context);
  if (trailer.get(PDFName.of('Encrypt'))) throw new PdfError('encrypted', 'the file is encrypted');

  const cache = new Map<number, PDFObject>();
  const objectStreams = new Map<number, { data: Uint8Array; first: number; offsets: Map<number, number> }>();

  const loadObjectStream = (n: number) => {
    let os = objectStreams.get(n);
    if (os) return os;
    const stream = lookup(n);
    const count = stream instanceof PDFRawStream ? stream.dict.lookup(PDFName.of('N')) : undefined;
    const first = stream instanceof PDFRawStream ? stream.dict.lookup(PDFName.of('First')) : undefined;
    if (!(count instanceof PDFNumber) || !(first instanceof PDFNumber)) throw new PdfError('unreadable', `object stream ${n} is missing`);
    const data = decodeStream(stream as PDFRawStream);
    const nums = text(data, 0, first.asNumber()).trim().split(/\s+/).map(Number);
    const offsets = new Map<number, number>();
    for (let i = 0; i < count.asNumber(); i++) offsets.set(nums[2 * i], nums[2 * i + 1]);
    os = { data, first: first.asNumber(), offsets };
    objectStreams.set(n, os);
    return os;
  };

  function lookup(n: number): PDFObject | undefined {
    if (cache.has(n)) return cache.get(n);
    const e = entries.get(n);
    if (!e) return undefined;
    let object: PDFObject;
    if (e.type === 1) {
      const parsed = parseObjectAt(bytes, e.offset, context);
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
    xref: entries,
    generationOf: (n) => {
      const e = entries.get(n);
      return e?.type === 1 ? e.gen : 0;
    },
  };
}
