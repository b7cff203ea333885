// What /verify/<code> shows: the document behind a verification code printed on a signatures page.
import type { Ctx } from '../context';
import { notFound } from '../errors';
import { loadDocumentRecord, type DocumentRecord } from './load-document-record';
import { normaliseVerificationCode } from './verification-code';

export async function getVerificationRecord(ctx: Ctx, input: { code: string }): Promise<DocumentRecord> {
  const code = normaliseVerificationCode(input.code);
  const record = code ? await loadDocumentRecord(ctx, { verificationCode: code }) : null;
  if (!record) throw notFound('A document with that verification code');
  return record;
}
