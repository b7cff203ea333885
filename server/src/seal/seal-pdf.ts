// Produces the final PDF of a signed document: the original bytes untouched, followed by one incremental update
// holding the signatures page(s) and the organisation's PAdES B-B seal over the whole file. Signatures the
// original already carried stay valid because their bytes do not move.
import { createHash } from 'node:crypto';
import { PDFArray, PDFDict, PDFName, PDFNumber, PDFRef, PDFString } from 'pdf-lib';
import { readPageTree } from '../pdf/page-tree';
import { readPdf, type PdfFile } from '../pdf/read-pdf';
import { buildCms, type SealKeyMaterial, type Timestamper } from './build-cms';
import { drawSignaturesPages, type SignatureRecord } from './draw-signatures-page';
import { pdfDate, pdfString } from './pdf-text';
import { writeUpdate } from './write-update';

export type { SignatureRecord };

export interface SealInput {
  original: Uint8Array;
  documentName: string;
  processTitle: string;
  processId: string;
  originalSha256: string;
  signatures: SignatureRecord[];
  position: 'first' | 'last';
  seal: SealKeyMaterial;
  sealName: string;
  verification?: { code: string; url: string };
  /** With a timestamp authority the seal carries a signature timestamp (PAdES B-T). */
  timestamp?: Timestamper;
  /** The time written as the signature's /M; defaults to now. */
  signedAt?: Date;
}

/** Room for the CMS: the certificate chain and, later, an RFC 3161 timestamp token. */
export const CONTENTS_BYTES = 16384;
const BYTE_RANGE_PLACEHOLDER = '[0 0000000000 0000000000 0000000000]';

export async function sealPdf(input: SealInput): Promise<Uint8Array> {
  const pdf = readPdf(input.original);
  const tree = readPageTree(pdf);
  const drawn = await drawSignaturesPages(input, { firstObjectNumber: pdf.size, parent: tree.pagesRef, size: tree.firstPageSize });
  const ctx = drawn.doc.context;

  const sigRef = ctx.nextRef();
  const widgetRef = ctx.nextRef();
  const acroFormRef = ctx.nextRef();
  const sealPage = input.position === 'first' ? drawn.pageRefs[drawn.pageRefs.length - 1] : drawn.pageRefs[0];
  const sealPageDict = drawn.objects.find(([ref]) => ref === sealPage)![1] as PDFDict;
  sealPageDict.set(PDFName.of('Annots'), ctx.obj([widgetRef]));

  const fieldNumber = 1 + countSealFields(pdf, tree.catalog);
  const widget = ctx.obj({
    Type: 'Annot',
    Subtype: 'Widget',
    FT: 'Sig',
    T: PDFString.of(`Seal ${fieldNumber}`),
    V: sigRef,
    P: sealPage,
    Rect: [0, 0, 0, 0],
    F: 132, // print + locked
  });

  // AcroForm: the existing one's entries and fields, plus ours.
  const existing = pdf.resolve(tree.catalog.get(PDFName.of('AcroForm')));
  const acroForm = existing instanceof PDFDict ? existing.clone(ctx) : ctx.obj({});
  const oldFields = pdf.resolve(acroForm.get(PDFName.of('Fields')));
  acroForm.set(PDFName.of('Fields'), ctx.obj([...(oldFields instanceof PDFArray ? oldFields.asArray() : []), widgetRef]));
  acroForm.set(PDFName.of('SigFlags'), PDFNumber.of(3));
  const catalog = tree.catalog.clone(ctx);
  catalog.set(PDFName.of('AcroForm'), acroFormRef);

  const pages = tree.pages.clone(ctx);
  const oldKids = pdf.resolve(tree.pages.get(PDFName.of('Kids')));
  const kids = oldKids instanceof PDFArray ? oldKids.asArray() : [];
  pages.set(PDFName.of('Kids'), ctx.obj(input.position === 'first' ? [...drawn.pageRefs, ...kids] : [...kids, ...drawn.pageRefs]));
  pages.set(PDFName.of('Count'), PDFNumber.of(tree.pageCount + drawn.pageRefs.length));

  const contentsPlaceholder = `<${'0'.repeat(CONTENTS_BYTES * 2)}>`;
  const sigDict =
    `<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached /ByteRange ${BYTE_RANGE_PLACEHOLDER} ` +
    `/Contents ${contentsPlaceholder} /M (${pdfDate(input.signedAt ?? new Date())}) /Name ${pdfString(input.sealName)} ` +
    `/Reason ${pdfString(`Signatures of ${input.signatures.length} signer(s) sealed by ${input.sealName}`)} >>`;

  const update = writeUpdate(pdf, [
    { ref: PDFRef.of(tree.catalogRef.objectNumber, pdf.generationOf(tree.catalogRef.objectNumber)), object: catalog },
    { ref: PDFRef.of(tree.pagesRef.objectNumber, pdf.generationOf(tree.pagesRef.objectNumber)), object: pages },
    ...drawn.objects.map(([ref, object]) => ({ ref, object })),
    { ref: widgetRef, object: widget },
    { ref: acroFormRef, object: acroForm },
    { ref: sigRef, raw: sigDict },
  ]);

  // One buffer: original, then update; the signature is patched in place.
  const out = Buffer.allocUnsafe(input.original.length + update.bytes.length);
  out.set(input.original, 0);
  out.set(update.bytes, input.original.length);
  const sigAt = input.original.length + update.offsets.get(sigRef.objectNumber)!;
  const contentsStart = out.indexOf('/Contents <', sigAt, 'latin1') + '/Contents '.length;
  const contentsEnd = contentsStart + contentsPlaceholder.length;
  const byteRange = [0, contentsStart, contentsEnd, out.length - contentsEnd];
  const rangeText = `[${byteRange.join(' ')}]`.padEnd(BYTE_RANGE_PLACEHOLDER.length, ' ');
  out.write(rangeText, out.indexOf(BYTE_RANGE_PLACEHOLDER, sigAt, 'latin1'), 'latin1');

  const digest = createHash('sha256').update(out.subarray(0, contentsStart)).update(out.subarray(contentsEnd)).digest();
  const cms = await buildCms({ digest, key: input.seal, timestamp: input.timestamp });
  if (cms.length > CONTENTS_BYTES) throw new Error(`the signature (${cms.length} bytes) does not fit its placeholder`);
  out.write(Buffer.from(cms).toString('hex'), contentsStart + 1, 'latin1');
  return out;
}

/** How many signature fields the document already has, so ours gets a new name. */
function countSealFields(pdf: PdfFile, catalog: PDFDict): number {
  const form = pdf.resolve(catalog.get(PDFName.of('AcroForm')));
  const fields = form instanceof PDFDict ? pdf.resolve(form.get(PDFName.of('Fields'))) : undefined;
  return fields instanceof PDFArray ? fields.size() : 0;
}
