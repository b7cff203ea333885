// Checks a process's uploads before anything is stored: at least one document to sign, then every file (size,
// PDF-ness of documents to sign, readable and not encrypted). Sizes are checked for all files before any PDF is
// parsed, so an oversized attachment is refused without reading the documents.
import { DomainError } from '../errors';
import { checkUpload } from './check-upload';
import type { UploadedFile } from './uploaded-file';

export function validateUploads(input: { documents: UploadedFile[]; attachments: UploadedFile[]; maxBytes: number }): void {
  if (input.documents.length === 0) {
    throw new DomainError('invalid_input', 'At least one PDF document to sign is required', 'documents');
  }
  const all = [
    ...input.documents.map((f, i) => ({ f, field: `documents.${i}`, kind: 'document' as const })),
    ...input.attachments.map((f, i) => ({ f, field: `attachments.${i}`, kind: 'attachment' as const })),
  ];
  for (const { f, field } of all) checkUpload(f, { kind: 'attachment', field, maxBytes: input.maxBytes });
  for (const { f, field, kind } of all) if (kind === 'document') checkUpload(f, { kind, field, maxBytes: input.maxBytes });
}
