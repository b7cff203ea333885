// Checks uploads before anything is stored: size, PDF-ness of documents to sign, readable and not encrypted.
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

export function validateUploads(input: { documents: UploadedFile[]; attachments: UploadedFile[]; maxBytes: number }): void {
  if (input.documents.length === 0) {
    throw new DomainError('invalid_input', 'At least one PDF document to sign is required', 'documents');
  }
  const all = [
    ...input.documents.map((f, i) => ({ f, field: `documents.${i}` })),
    ...input.attachments.map((f, i) => ({ f, field: `attachments.${i}` })),
  ];
  for (const { f, field } of all) {
    if (f.bytes.byteLength > input.maxBytes) {
      throw new DomainError('too_large', `"${f.filename}" is larger than the limit of ${formatSize(input.maxBytes)}`, field);
    }
    if (f.bytes.byteLength === 0) throw new DomainError('invalid_input', `"${f.filename}" is empty`, field);
  }
  input.documents.forEach((f, i) => {
    try {
      inspectPdf(f.bytes);
    } catch (err: unknown) {
      if (!(err instanceof PdfError)) throw err;
      const code = err.code === 'not_pdf' ? 'unsupported_media_type' : 'invalid_input';
      throw new DomainError(code, `"${f.filename}" ${reasons[err.code]}`, `documents.${i}`);
    }
  });
}
