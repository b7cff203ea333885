// Checks an upload before it is accepted as a document to sign: a PDF, not encrypted, with a readable
// cross-reference chain, catalog and page tree. Reads only the trailer and a few objects, so it is fast on
// large files.
import { PdfError } from './pdf-error';
import { readPageTree } from './read-page-tree';
import { readPdf } from './read-pdf';

export function inspectPdf(bytes: Uint8Array): { pageCount: number; version: string } {
  try {
    const pdf = readPdf(bytes);
    return { pageCount: readPageTree(pdf).pageCount, version: pdf.version };
  } catch (err) {
    if (err instanceof PdfError) throw err;
    throw new PdfError('unreadable', 'the file could not be read as a PDF');
  }
}
