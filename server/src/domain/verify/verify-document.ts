// Verifies a PDF anyone uploads: every signature in it (digest, CMS signature, whether the newest covers the whole
// file, whether it is this server's seal, PAdES baseline), and what this server knows of the document, looked up
// by the SHA-256 of the file as a sealed final or as an uploaded original.
import { createHash, X509Certificate } from 'node:crypto';
import { sealKeys } from '../../db/schema';
import { PdfError } from '../../pdf/pdf-error';
import { isValidationDataUpdate } from '../../pdf/is-validation-data-update';
import { readPdf } from '../../pdf/read-pdf';
import { readSignatures } from '../../pdf/read-signatures';
import { scanSignatures } from '../../pdf/scan-signatures';
import { verifyCms } from '../../seal/verify-cms';
import type { Ctx } from '../context';
import { DomainError } from '../errors';
import { loadDocumentRecord, type DocumentRecord } from './load-document-record';

export interface SignatureReport {
  fieldName: string;
  signer: string;
  claimedTime: string | null;
  subFilter: string;
  digestValid: boolean;
  signatureValid: boolean;
  coversWholeDocument: boolean;
  /** Bytes in the file after this signature's signed range. */
  bytesAfter: number;
  /** Those bytes only add long-term validation data (a PAdES B-LT document security store), changing nothing signed. */
  onlyValidationDataAfter: boolean;
  bySealOfThisServer: boolean;
  padesBaseline: boolean;
  timestamp: { time: string; valid: boolean; authority: string } | null;
  problem?: string;
}

export type Verdict = 'valid' | 'modified' | 'invalid' | 'unsigned';

export interface VerificationReport {
  sha256: string;
  size: number;
  verdict: Verdict;
  summary: string;
  signatures: SignatureReport[];
  document: DocumentRecord | null;
}

export async function verifyDocument(ctx: Ctx, input: { bytes: Uint8Array }): Promise<VerificationReport> {
  const bytes = input.bytes;
  let found;
  try {
    found = readSignatures(readPdf(bytes));
  } catch (err) {
    if (!(err instanceof PdfError)) throw err;
    // A damaged file may still hold signatures; report them broken rather than refuse the file.
    found = err.code === 'unreadable' ? scanSignatures(bytes) : [];
    if (found.length === 0) {
      throw new DomainError(err.code === 'not_pdf' ? 'unsupported_media_type' : 'invalid_input', `The file cannot be verified: ${err.message}`, 'file');
    }
  }
  const ours = new Set((await ctx.db.select({ pem: sealKeys.certificatePem }).from(sealKeys)).map((k) => new X509Certificate(k.pem).fingerprint256));
  const signatures = found.map((s): SignatureReport => {
    const [a, b, c, d] = s.byteRange;
    const wellFormed = s.byteRange.length === 4 && [a, b, c, d].every((n) => Number.isInteger(n) && n >= 0) && a === 0 && b < c && c + d <= bytes.length;
    const check = wellFormed
      ? verifyCms({ cms: s.contents, signedParts: [bytes.subarray(a, a + b), bytes.subarray(c, c + d)] })
      : { digestValid: false, signatureValid: false, certificate: null, pades: { signingCertificateV2: false, noSigningTime: false }, timestamp: null, problem: 'the signed byte range is malformed' };
    const end = wellFormed ? c + d : 0;
    return {
      fieldName: s.fieldName,
      signer: check.certificate ? commonName(check.certificate) : 'unknown',
      claimedTime: s.claimedTime,
      subFilter: s.subFilter,
      digestValid: check.digestValid,
      signatureValid: check.signatureValid,
      coversWholeDocument: wellFormed && end === bytes.length,
      bytesAfter: bytes.length - end,
      onlyValidationDataAfter: wellFormed && end < bytes.length && isValidationDataUpdate(bytes, end),
      bySealOfThisServer: !!check.certificate && ours.has(check.certificate.fingerprint256),
      padesBaseline: check.pades.signingCertificateV2 && check.pades.noSigningTime,
      timestamp: check.timestamp,
      ...(check.problem ? { problem: check.problem } : {}),
    };
  });

  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const document = (await loadDocumentRecord(ctx, { finalSha256: sha256 })) ?? (await loadDocumentRecord(ctx, { sha256 }));
  const { verdict, summary } = judge(signatures);
  return { sha256, size: bytes.length, verdict, summary, signatures, document };
}

function judge(signatures: SignatureReport[]): { verdict: Verdict; summary: string } {
  if (signatures.length === 0) return { verdict: 'unsigned', summary: 'The file carries no signature.' };
  const broken = signatures.filter((s) => !s.digestValid || !s.signatureValid);
  if (broken.length > 0) {
    return { verdict: 'invalid', summary: `${broken.length === 1 ? 'A signature is' : `${broken.length} signatures are`} broken: the signed content was changed or the signature is forged.` };
  }
  const last = signatures[signatures.length - 1];
  if (!last.coversWholeDocument && last.onlyValidationDataAfter) {
    return {
      verdict: 'valid',
      summary: 'Every signature is intact; after the last one only long-term validation data (certificates and revocation information) was added: the document has not been changed since it was signed.',
    };
  }
  if (!last.coversWholeDocument) {
    return { verdict: 'modified', summary: `Every signature is intact, but ${last.bytesAfter} bytes were added after the last one: the file was changed after signing.` };
  }
  return { verdict: 'valid', summary: 'Every signature is intact and the last one covers the whole file: the document has not been changed since it was signed.' };
}

function commonName(cert: X509Certificate): string {
  return /CN=([^\n]+)/.exec(cert.subject)?.[1] ?? cert.subject.replace(/\n/g, ', ');
}
