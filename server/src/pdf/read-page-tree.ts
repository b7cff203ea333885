// What sealing needs from the page tree: the catalog, the root /Pages node, the page count and the size of the
// first page (its MediaBox may be inherited from a parent node).
import { PDFArray, PDFDict, PDFName, PDFNumber, PDFRef } from 'pdf-lib';
import { PdfError } from './pdf-error';
import type { PdfFile } from './read-pdf';

export interface PageTree {
  catalogRef: PDFRef;
  catalog: PDFDict;
  pagesRef: PDFRef;
  pages: PDFDict;
  pageCount: number;
  firstPageSize: { width: number; height: number };
}

export function readPageTree(pdf: PdfFile): PageTree {
  const catalogRef = pdf.trailer.get(PDFName.of('Root'));
  const catalog = pdf.resolve(catalogRef);
  if (!(catalogRef instanceof PDFRef) || !(catalog instanceof PDFDict)) throw new PdfError('unreadable', 'the document catalog is missing');
  const pagesRef = catalog.get(PDFName.of('Pages'));
  const pages = pdf.resolve(pagesRef);
  if (!(pagesRef instanceof PDFRef) || !(pages instanceof PDFDict)) throw new PdfError('unreadable', 'the page tree is missing');
  const count = pdf.resolve(pages.get(PDFName.of('Count')));
  if (!(count instanceof PDFNumber) || count.asNumber() < 1) throw new PdfError('unreadable', 'the document has no pages');
  return { catalogRef, catalog, pagesRef, pages, pageCount: count.asNumber(), firstPageSize: firstPageSize(pdf, pages) };
}

const A4 = { width: 595.28, height: 841.89 };

function firstPageSize(pdf: PdfFile, root: PDFDict): { width: number; height: number } {
  let node: PDFDict = root;
  let box: PDFArray | undefined;
  for (let depth = 0; depth < 64; depth++) {
    const mediaBox = pdf.resolve(node.get(PDFName.of('MediaBox')));
    if (mediaBox instanceof PDFArray) box = mediaBox;
    const kids = pdf.resolve(node.get(PDFName.of('Kids')));
    if (!(kids instanceof PDFArray) || kids.size() === 0) break;
    const child = pdf.resolve(kids.get(0));
    if (!(child instanceof PDFDict)) break;
    node = child;
  }
  const n = box?.asArray().map((v) => pdf.resolve(v)).map((v) => (v instanceof PDFNumber ? v.asNumber() : NaN));
  if (!n || n.length !== 4 || n.some((v) => !Number.isFinite(v))) return A4;
  const width = Math.abs(n[2] - n[0]);
  const height = Math.abs(n[3] - n[1]);
  return width > 50 && height > 50 ? { width, height } : A4;
}
