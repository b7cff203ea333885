// Stores a document's separately sealed signatures page (report template "separate file") in the sealing
// transaction, with its audit event.
import { eq } from 'drizzle-orm';
import { documents } from '../../db/schema';
import { recordAuditEvent } from '../audit/record-audit-event';
import type { Ctx } from '../context';
import { signaturesPageName } from './signatures-page-name';

export async function storeSignaturesPage(tx: Ctx, input: { processId: string; document: { id: string; filename: string }; bytes: Uint8Array }): Promise<void> {
  const sha256 = await tx.blobs.put(tx.db, input.bytes);
  await tx.db.update(documents).set({ signaturesPageSha256: sha256 }).where(eq(documents.id, input.document.id));
  await recordAuditEvent(tx, {
    processId: input.processId,
    type: 'sealed',
    message: `Signatures page of ${input.document.filename} sealed as a separate file ${signaturesPageName(input.document.filename)} (SHA-256 ${sha256})`,
    actor: 'system',
  });
}
