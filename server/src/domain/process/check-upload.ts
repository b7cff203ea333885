// Checks one uploaded file before anything is stored: not empty, within the size limit, and for a document to
// sign, a readable PDF without a password.
import { DomainError } from '../errors';
import { formatSize } from '../format-size';
import { inspectPdf } from '../../pdf/inspect-pdf';
import { PdfError } from '../../pdf/pdf-error';
import type { UploadedFile } from './uploaded-file';

const reasons: Record<PdfError['code'], string> = {
  not_pdf: 'is not a PDF file',
  encrypted: 'is encrypted or password-protected; upload a PDF without a password',
  unreadable: 'is damaged or could not be read as a PDF',
};

export function checkUpload(f: UploadedFile, opts: { kind: 'document' | 'attachment'; field: string; maxBytes: number }): void {
  if (f.bytes.byteLength > opts.maxBytes) {
    throw new DomainError('too_large', `"${f.filename}" is larger than the limit of ${formatSize(opts.maxBytes)}`, opts.field);
  }
  if (f.bytes.byteLength === 0) throw new DomainError('invalid_input', `"${f.filename}" is empty`, opts.field);
  if (opts.kind !== 'document') return;
  try {
    inspectPdf(f.bytes);
  } catch (err: unknown) {
    if (!(err instanceof PdfError)) throw err;
    throw new DomainError(err.code === 'not_pdf' ? 'unsupported_media_type' : 'invalid_input', `"${f.filename}" ${reasons[err.code]}`, opts.field);
  }
}
