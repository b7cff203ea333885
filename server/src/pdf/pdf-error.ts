// Why an uploaded file cannot be used as a PDF to sign.
export type PdfErrorCode = 'not_pdf' | 'encrypted' | 'unreadable';

export class PdfError extends Error {
  constructor(
    readonly code: PdfErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'PdfError';
  }
}
