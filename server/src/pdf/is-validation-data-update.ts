// Whether the bytes after a signature's signed range only add validation data (a PAdES B-LT document security
// store): new certificate, OCSP and CRL streams, the /DSS dictionary, and a catalog that differs from the signed one
// in /DSS alone. Anything else, a changed page, annotation or form value, is a modification of the signed document.
import { PDFArray, PDFDict, PDFName, PDFRawStream, PDFRef, type PDFObject } from 'pdf-lib';
import { readPdf, type PdfFile } from './read-pdf';
import type { XrefEntry } from './read-xref-chain';

export function isValidationDataUpdate(bytes: Uint8Array, signedEnd: number): boolean {
  // A real update: its own cross-reference section after the signed bytes, and nothing but whitespace after its end.
  const tail = new TextDecoder('latin1').decode(bytes.subarray(Math.max(signedEnd, bytes.length - 1024)));
  if (!/%%EOF\s*$/.test(tail)) return false;
  try {
    const now = readPdf(bytes);
    if (now.startxref < signedEnd) return false;
    return check(readPdf(bytes.subarray(0, signedEnd)), now);
  } catch {
    return false;
  }
}

const same = (a: XrefEntry | undefined, b: XrefEntry | undefined) => JSON.stringify(a) === JSON.stringify(b);
const serialize = (o: PDFObject | undefined) => (o === undefined ? '' : o.toString());

function check(signed: PdfFile, now: PdfFile): boolean {
  const rootBefore = signed.trailer.get(PDFName.of('Root'));
  const root = now.trailer.get(PDFName.of('Root'));
  if (!(root instanceof PDFRef) || serialize(root) !== serialize(rootBefore)) return false;
  const changed = [...now.xref.keys()].filter((n) => !same(signed.xref.get(n), now.xref.get(n)));
  const removed = [...signed.xref.keys()].some((n) => !now.xref.has(n));
  if (removed) return false;

  const catalogBefore = signed.resolve(root);
  const catalog = now.resolve(root);
  if (!(catalog instanceof PDFDict) || !(catalogBefore instanceof PDFDict)) return false;
  const keys = new Set([...catalog.keys(), ...catalogBefore.keys()].map((k) => k.toString()).filter((k) => k !== '/DSS'));
  for (const k of keys) if (serialize(catalog.get(PDFName.of(k.slice(1)))) !== serialize(catalogBefore.get(PDFName.of(k.slice(1))))) return false;

  // What the DSS may bring: itself, its streams, its VRI dictionaries.
  const allowed = new Set<number>([root.objectNumber]);
  const dssRef = catalog.get(PDFName.of('DSS'));
  const dss = now.resolve(dssRef);
  if (dssRef instanceof PDFRef) allowed.add(dssRef.objectNumber);
  if (dss instanceof PDFDict) {
    const collect = (value: PDFObject | undefined, depth: number) => {
      if (value instanceof PDFRef) {
        allowed.add(value.objectNumber);
        if (depth > 0) collect(now.resolve(value), depth - 1);
      } else if (value instanceof PDFArray) value.asArray().forEach((v) => collect(v, depth));
      else if (value instanceof PDFDict) value.values().forEach((v) => collect(v, depth));
    };
    for (const key of ['Certs', 'OCSPs', 'CRLs', 'VRI']) collect(dss.get(PDFName.of(key)), 2);
  } else return false; // no document security store: not validation data
  if (serialize(dssRef) === serialize(catalogBefore.get(PDFName.of('DSS')))  && !changed.includes((dssRef as PDFRef).objectNumber)) return false;

  for (const n of changed) {
    if (allowed.has(n) && (n === root.objectNumber || !signed.xref.has(n))) continue;
    const object = now.resolve(PDFRef.of(n));
    const type = object instanceof PDFRawStream ? object.dict.get(PDFName.of('Type')) : undefined;
    if (!signed.xref.has(n) && (serialize(type) === '/XRef' || serialize(type) === '/ObjStm')) continue;
    return false;
  }
  return true;
}
