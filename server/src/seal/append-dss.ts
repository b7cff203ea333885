// PAdES B-LT: appends the validation data (certificates, OCSP responses, CRLs) as a document security store in one
// more incremental update after the seal. The seal's bytes stay untouched; validators know that an update holding
// only a /DSS does not change the signed document (verify-document checks exactly that).
import { PDFName, PDFRef, type PDFDict } from 'pdf-lib';
import { readPageTree } from '../pdf/read-page-tree';
import { readPdf } from '../pdf/read-pdf';
import type { ValidationData } from './collect-validation-data';
import { writeUpdate, type UpdateObject } from './write-update';

export function appendDss(sealed: Uint8Array, data: ValidationData): Uint8Array {
  const pdf = readPdf(sealed);
  const { catalogRef, catalog } = readPageTree(pdf);
  const ctx = pdf.context;
  let next = pdf.size;
  const objects: UpdateObject[] = [];
  const streams = (items: Uint8Array[]) =>
    items.map((bytes) => {
      const ref = PDFRef.of(next++);
      objects.push({ ref, object: ctx.flateStream(bytes) });
      return ref;
    });
  const dss: Record<string, PDFRef[]> = { Certs: streams(data.certs), OCSPs: streams(data.ocsps), CRLs: streams(data.crls) };
  const dssRef = PDFRef.of(next++);
  const dict = ctx.obj({}) as PDFDict;
  for (const [key, refs] of Object.entries(dss)) if (refs.length > 0) dict.set(PDFName.of(key), ctx.obj(refs));
  objects.push({ ref: dssRef, object: dict });
  const newCatalog = catalog.clone(ctx);
  newCatalog.set(PDFName.of('DSS'), dssRef);
  objects.push({ ref: PDFRef.of(catalogRef.objectNumber, pdf.generationOf(catalogRef.objectNumber)), object: newCatalog });

  const update = writeUpdate(pdf, objects);
  const out = new Uint8Array(sealed.length + update.bytes.length);
  out.set(sealed, 0);
  out.set(update.bytes, sealed.length);
  return out;
}
