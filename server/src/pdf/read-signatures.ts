// Finds the signatures of a PDF through its form fields (/AcroForm /Fields, following /Kids): each signature
// field's value dictionary with its /ByteRange, /Contents (the CMS), /SubFilter and /M.
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFNumber, PDFString, type PDFObject } from 'pdf-lib';
import { readPageTree } from './read-page-tree';
import type { PdfFile } from './read-pdf';

export interface PdfSignature {
  fieldName: string;
  byteRange: number[];
  contents: Uint8Array;
  subFilter: string;
  /** The signing time the signature dictionary claims (/M), as written. */
  claimedTime: string | null;
}

export function readSignatures(pdf: PdfFile): PdfSignature[] {
  const { catalog } = readPageTree(pdf);
  const form = pdf.resolve(catalog.get(PDFName.of('AcroForm')));
  const fields = form instanceof PDFDict ? pdf.resolve(form.get(PDFName.of('Fields'))) : undefined;
  const found: PdfSignature[] = [];
  const visit = (value: PDFObject | undefined, inheritedType: string | undefined, parentName: string, depth: number) => {
    const field = pdf.resolve(value);
    if (!(field instanceof PDFDict) || depth > 32) return;
    const type = (pdf.resolve(field.get(PDFName.of('FT'))) as PDFName | undefined)?.asString() ?? inheritedType;
    const ownName = text(pdf.resolve(field.get(PDFName.of('T'))));
    const name = [parentName, ownName].filter(Boolean).join('.');
    const v = pdf.resolve(field.get(PDFName.of('V')));
    if (type === '/Sig' && v instanceof PDFDict) {
      const range = pdf.resolve(v.get(PDFName.of('ByteRange')));
      const contents = pdf.resolve(v.get(PDFName.of('Contents')));
      if (range instanceof PDFArray && (contents instanceof PDFHexString || contents instanceof PDFString)) {
        found.push({
          fieldName: name,
          byteRange: range.asArray().map((n) => (pdf.resolve(n) instanceof PDFNumber ? (pdf.resolve(n) as PDFNumber).asNumber() : NaN)),
          contents: contents.asBytes(),
          subFilter: (pdf.resolve(v.get(PDFName.of('SubFilter'))) as PDFName | undefined)?.asString().slice(1) ?? '',
          claimedTime: text(pdf.resolve(v.get(PDFName.of('M')))) || null,
        });
      }
    }
    const kids = pdf.resolve(field.get(PDFName.of('Kids')));
    if (kids instanceof PDFArray) for (const kid of kids.asArray()) visit(kid, type, name, depth + 1);
  };
  if (fields instanceof PDFArray) for (const f of fields.asArray()) visit(f, undefined, '', 0);
  // Signatures in the order they were made: by where their signed range ends.
  return found.sort((a, b) => a.byteRange[2] - b.byteRange[2]);
}

const text = (v: PDFObject | undefined) => (v instanceof PDFString || v instanceof PDFHexString ? v.decodeText() : '');
