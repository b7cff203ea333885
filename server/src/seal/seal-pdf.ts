// Produces the final PDF of a signed document: the original bytes untouched, followed by one incremental update
// holding the signatures page(s) and the organisation's PAdES B-B seal over the whole file. Signatures the
// original already carried stay valid because their bytes do not move.
import { createHash } from 'node:crypto';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString, type PDFObject } from 'pdf-lib';
import { readPageTree } from '../pdf/read-page-tree';
import { readPdf, type PdfFile } from '../pdf/read-pdf';
import { buildCms, type SealKeyMaterial, type Timestamper } from './build-cms';
import { drawSignaturesPages, type SignatureRecord } from './draw-signatures-page';
import { formatPdfDate } from './format-pdf-date';
import { formatPdfString } from './format-pdf-string';
import { writeUpdate, type UpdateObject } from './write-update';

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
  /** false: no signatures page in this file (a report template wants it as a separate file); the seal's invisible
   *  field then sits on the first page. */
  withSignaturesPage?: boolean;
}

/** Room for the CMS: the certificate chain and, later, an RFC 3161 timestamp token. */
export const CONTENTS_BYTES = 16384;
const BYTE_RANGE_PLACEHOLDER = '[0 0000000000 0000000000 0000000000]';

export async function sealPdf(input: SealInput): Promise<Uint8Array> {
  const pdf = readPdf(input.original);
  const tree = readPageTree(pdf);
  const withPage = input.withSignaturesPage !== false;
  const drawn = withPage ? await drawSignaturesPages(input, { firstObjectNumber: pdf.size, parent: tree.pagesRef, size: tree.firstPageSize }) : await noPages(pdf.size);
  const ctx = drawn.doc.context;

  const sigRef = ctx.nextRef();
  const widgetRef = ctx.nextRef();
  // An indirect AcroForm gets a new version under its own number, so whatever else refers to it sees our field.
  const formValue = tree.catalog.get(PDFName.of('AcroForm'));
  const acroFormRef = formValue instanceof PDFRef ? formValue : ctx.nextRef();
  const sealPage = !withPage ? firstPageRef(pdf, tree.pages) : input.position === 'first' ? drawn.pageRefs[drawn.pageRefs.length - 1] : drawn.pageRefs[0];
  // An existing page gets a new version with our widget after its own annotations.
  const sealPageDict = withPage ? (drawn.objects.find(([ref]) => ref === sealPage)![1] as PDFDict) : (pdf.resolve(sealPage) as PDFDict).clone(ctx);
  const oldAnnots = withPage ? undefined : pdf.resolve(sealPageDict.get(PDFName.of('Annots')));
  sealPageDict.set(PDFName.of('Annots'), ctx.obj([...(oldAnnots instanceof PDFArray ? oldAnnots.asArray() : []), widgetRef]));

  const existing = pdf.resolve(formValue);
  const acroForm = existing instanceof PDFDict ? existing.clone(ctx) : ctx.obj({});
  const oldFields = pdf.resolve(acroForm.get(PDFName.of('Fields')));
  const fields = oldFields instanceof PDFArray ? oldFields.asArray() : [];
  const widget = ctx.obj({
    Type: 'Annot',
    Subtype: 'Widget',
    FT: 'Sig',
    T: PDFString.of(freeFieldName(pdf, fields)),
    V: sigRef,
    P: sealPage,
    Rect: [0, 0, 0, 0],
    F: 132, // print + locked
  });

  // AcroForm: the existing one's entries and fields, plus ours.
  acroForm.set(PDFName.of('Fields'), ctx.obj([...fields, widgetRef]));
  acroForm.set(PDFName.of('SigFlags'), PDFNumber.of(3));
  // The catalog needs a new version only when it did not already point at an indirect AcroForm.
  const catalogUpdate: UpdateObject[] = [];
  if (!(formValue instanceof PDFRef)) {
    const catalog = tree.catalog.clone(ctx);
    catalog.set(PDFName.of('AcroForm'), acroFormRef);
    catalogUpdate.push({ ref: PDFRef.of(tree.catalogRef.objectNumber, pdf.generationOf(tree.catalogRef.objectNumber)), object: catalog });
  }

  const pages = tree.pages.clone(ctx);
  const oldKids = pdf.resolve(tree.pages.get(PDFName.of('Kids')));
  const kids = oldKids instanceof PDFArray ? oldKids.asArray() : [];
  pages.set(PDFName.of('Kids'), ctx.obj(input.position === 'first' ? [...drawn.pageRefs, ...kids] : [...kids, ...drawn.pageRefs]));
  pages.set(PDFName.of('Count'), PDFNumber.of(tree.pageCount + drawn.pageRefs.length));

  const contentsPlaceholder = `<${'0'.repeat(CONTENTS_BYTES * 2)}>`;
  const sigDict =
    `<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached /ByteRange ${BYTE_RANGE_PLACEHOLDER} ` +
    `/Contents ${contentsPlaceholder} /M (${formatPdfDate(input.signedAt ?? new Date())}) /Name ${formatPdfString(input.sealName)} ` +
    `/Reason ${formatPdfString(`Signatures of ${input.signatures.length} signer(s) sealed by ${input.sealName}`)} >>`;

  const update = writeUpdate(pdf, [
    ...catalogUpdate,
    { ref: PDFRef.of(tree.pagesRef.objectNumber, pdf.generationOf(tree.pagesRef.objectNumber)), object: pages },
    ...drawn.objects.map(([ref, object]) => ({ ref, object })),
    ...(withPage ? [] : [{ ref: PDFRef.of(sealPage.objectNumber, pdf.generationOf(sealPage.objectNumber)), object: sealPageDict }]),
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

/** "Seal 1", or the first "Seal n" no top-level field of the document is already called. */
function freeFieldName(pdf: PdfFile, fields: PDFObject[]): string {
  const taken = new Set<string>();
  for (const f of fields) {
    const field = pdf.resolve(f);
    const name = field instanceof PDFDict ? pdf.resolve(field.get(PDFName.of('T'))) : undefined;
    if (name instanceof PDFString || name instanceof PDFHexString) taken.add(name.decodeText());
  }
  let n = 1;
  while (taken.has(`Seal ${n}`)) n++;
  return `Seal ${n}`;
}

/** No drawn pages: only a context that numbers new objects after the original's. */
async function noPages(firstObjectNumber: number) {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.context.largestObjectNumber = firstObjectNumber - 1;
  return { objects: [] as [PDFRef, PDFObject][], pageRefs: [] as PDFRef[], doc };
}

/** The first page of the page tree (following the first kid of each intermediate node). */
function firstPageRef(pdf: PdfFile, root: PDFDict): PDFRef {
  let node: PDFDict = root;
  for (let depth = 0; depth < 64; depth++) {
    const kids = pdf.resolve(node.get(PDFName.of('Kids')));
    const first = kids instanceof PDFArray ? kids.get(0) : undefined;
    const dict = pdf.resolve(first);
    if (!(first instanceof PDFRef) || !(dict instanceof PDFDict)) break;
    if (dict.get(PDFName.of('Type')) === PDFName.of('Page')) return first;
    node = dict;
  }
  throw new Error('the document has no first page to seal on');
}
