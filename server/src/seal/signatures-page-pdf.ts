// The signatures page as a file of its own (a report template's "separate file"): the same page(s) the sealed
// document would carry, in the size of the document's first page, saved as a standalone PDF and sealed like any
// document (the seal on its first page). The document itself is then sealed with withSignaturesPage: false.
import { PDFDict, PDFName, PDFRef } from 'pdf-lib';
import { readPageTree } from '../pdf/read-page-tree';
import { readPdf } from '../pdf/read-pdf';
import { drawSignaturesPages } from './draw-signatures-page';
import { sealPdf, type SealInput } from './seal-pdf';

export async function sealedSignaturesPagePdf(input: SealInput): Promise<Uint8Array> {
  const size = readPageTree(readPdf(input.original)).firstPageSize;
  // Numbers well above the few objects the scratch document starts with (catalog, page tree).
  const drawn = await drawSignaturesPages(input, { firstObjectNumber: 100, parent: PDFRef.of(0), size });
  const pagesRef = drawn.doc.catalog.get(PDFName.of('Pages'));
  if (!(pagesRef instanceof PDFRef)) throw new Error('the scratch document has no page tree');
  for (const [ref, object] of drawn.objects) if (drawn.pageRefs.includes(ref)) (object as PDFDict).set(PDFName.of('Parent'), pagesRef);
  const standalone = await drawn.doc.save({ useObjectStreams: false, updateFieldAppearances: false });
  return sealPdf({ ...input, original: standalone, withSignaturesPage: false });
}
