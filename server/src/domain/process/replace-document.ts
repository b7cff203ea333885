// The sender replaces a document of a pending process (a corrected version). Every signature approved the exact
// bytes of every document, so each one made so far is withdrawn: those signers are told and asked to sign again
// (in a forced order, from the first signer on). Because that loses signatures, the sender must confirm when there
// are any; without confirmation nothing changes and the answer names who would have to sign again.
// Attachments are not signed: replacing one withdraws nothing. With signature blocks only the blocks from the
// first one covering the document on are withdrawn (see withdraw-signature-blocks).
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { documents, processes, signatureBlocks, signerDownloads, signers, users } from '../../db/schema';
import { advanceSignatureBlocks } from '../signature-block/advance-signature-blocks';
import { blocksWithdrawnBy, withdrawSignatureBlocks } from '../signature-block/withdraw-signature-blocks';
import { recordAuditEvent } from '../audit/record-audit-event';
import { inTransaction, requireActor, type Ctx } from '../context';
import { conflict, DomainError, notFound } from '../errors';
import { inviteSigner } from '../signer/invite-signer';
import { findOwnProcess, isUuid } from './find-own-process';
import type { UploadedFile } from './uploaded-file';
import { checkUpload } from './check-upload';

export interface ReplacementResult {
  /** Who must sign again (their signatures were withdrawn). */
  withdrawn: string[];
}

export async function replaceDocument(
  ctx: Ctx,
  input: { processId: string; documentId: string; file: UploadedFile | undefined; confirm: boolean },
): Promise<ReplacementResult> {
  if (!input.file) throw new DomainError('invalid_input', 'Choose the new version of the document', 'file');
  if (!isUuid(input.documentId)) throw notFound('Document');
  return inTransaction(ctx, async (tx) => {
    const process = await findOwnProcess(tx, { processId: input.processId, forUpdate: true });
    if (process.status !== 'pending') throw conflict(`The process is ${process.status}: its documents can no longer be replaced`);
    const [doc] = await tx.db.select().from(documents).where(and(eq(documents.id, input.documentId), eq(documents.processId, process.id)));
    if (!doc) throw notFound('Document');
    const file = input.file!;
    checkUpload(file, { kind: doc.kind, field: 'file', maxBytes: tx.config.maxUploadBytes });

    const all = await tx.db.select().from(signers).where(eq(signers.processId, process.id)).orderBy(asc(signers.position));
    const blocks = doc.kind === 'document' ? await blocksWithdrawnBy(tx, { processId: process.id, documentId: doc.id }) : null;
    const signed = doc.kind !== 'document' || blocks?.hasBlocks ? [] : all.filter((s) => s.status === 'signed');
    const emailOf = (id: string | null) => all.find((s) => s.id === id)?.email ?? '';
    const lost = blocks?.hasBlocks ? blocks.signed.map((b) => `block "${b.label}" (${emailOf(b.signerId)})`) : signed.map((s) => s.email);
    if (lost.length > 0 && !input.confirm) {
      throw new DomainError('conflict', `Replacing ${doc.filename} withdraws the signatures of ${lost.join(', ')}: they must sign again. Confirm to go on.`, 'confirm');
    }

    const sha256 = await tx.blobs.put(tx.db, file.bytes);
    await tx.db
      .update(documents)
      .set({ sha256, filename: file.filename, contentType: file.contentType || doc.contentType, size: file.bytes.byteLength })
      .where(eq(documents.id, doc.id));
    // Downloads of the old version do not count for forced download.
    await tx.db.delete(signerDownloads).where(eq(signerDownloads.documentId, doc.id));
    await recordAuditEvent(tx, {
      processId: process.id,
      type: 'document_replaced',
      message: `Document ${doc.filename} (SHA-256 ${doc.sha256}) replaced by ${file.filename} (SHA-256 ${sha256}) by ${requireActor(tx).email}`,
    });
    const [sender] = await tx.db.select().from(users).where(eq(users.id, process.senderId));
    if (blocks?.hasBlocks) return withdrawBlocks(tx, { process, sender, all, from: blocks.from, withdrawn: blocks.signed, replaced: file.filename });
    if (signed.length === 0) return { withdrawn: [] };

    const withdrawnIds = signed.map((s) => s.id);
    await tx.db
      .update(signers)
      .set({ status: 'waiting', signedAt: null, method: null, signRecord: null, signHash: null, signKeyId: null, userSigningKeyId: null, drawingSha256: null, identity: null })
      .where(inArray(signers.id, withdrawnIds));
    await tx.db.update(processes).set({ signedCount: 0, strongSignedCount: 0 }).where(eq(processes.id, process.id));
    for (const s of signed) {
      await recordAuditEvent(tx, { processId: process.id, type: 'signature_withdrawn', message: `Signature of ${s.email} withdrawn: ${doc.filename} was replaced`, actor: 'system' });
    }

    // Who is asked now: everyone withdrawn (and everyone already invited, told of the new version) — or, in a
    // forced order, only the first signer who has not signed.
    const open = (await tx.db.select().from(signers).where(and(eq(signers.processId, process.id), inArray(signers.status, ['waiting', 'invited']))).orderBy(asc(signers.position)));
    const toInvite = process.signingOrder ? open.slice(0, 1) : open.filter((s) => s.status === 'invited' || withdrawnIds.includes(s.id));
    if (process.signingOrder) {
      await tx.db.update(signers).set({ status: 'waiting' }).where(and(eq(signers.processId, process.id), eq(signers.status, 'invited')));
    }
    for (const s of toInvite) {
      await inviteSigner(tx, { process, sender, signer: s, kind: 'invitation', replacedDocument: file.filename });
    }
    return { withdrawn: signed.map((s) => s.email) };
  });
}


/** Signature blocks: the blocks from the first one covering the document on lose their signatures; whoever may
 *  sign the block that is open now is asked again, and the other signers who lost a signature are told. */
async function withdrawBlocks(
  tx: Ctx,
  input: {
    process: typeof processes.$inferSelect;
    sender: typeof users.$inferSelect;
    all: (typeof signers.$inferSelect)[];
    from: number | null;
    withdrawn: (typeof signatureBlocks.$inferSelect)[];
    replaced: string;
  },
): Promise<ReplacementResult> {
  const { process, withdrawn } = input;
  if (input.from === null || withdrawn.length === 0) return { withdrawn: [] };
  await withdrawSignatureBlocks(tx, { processId: process.id, fromPosition: input.from });
  await tx.db
    .update(processes)
    .set({
      signedCount: sql`${processes.signedCount} - ${withdrawn.length}`,
      strongSignedCount: sql`${processes.strongSignedCount} - ${withdrawn.filter((b) => b.identity).length}`,
    })
    .where(eq(processes.id, process.id));
  const emails = withdrawn.map((b) => input.all.find((s) => s.id === b.signerId)?.email ?? '');
  for (const [i, b] of withdrawn.entries()) {
    await recordAuditEvent(tx, {
      processId: process.id,
      type: 'signature_withdrawn',
      message: `Signature of ${emails[i]} on block ${b.position} "${b.label}" withdrawn: ${input.replaced} was replaced`,
      actor: 'system',
    });
  }
  // Everyone asked now hears of the new version: those invited before are invited again.
  await tx.db.update(signers).set({ status: 'waiting' }).where(and(eq(signers.processId, process.id), eq(signers.status, 'invited')));
  await advanceSignatureBlocks(tx, { process, sender: input.sender, replacedDocument: input.replaced });
  const lostSigners = await tx.db.select().from(signers).where(inArray(signers.id, withdrawn.map((b) => b.signerId!)));
  for (const s of lostSigners.filter((s) => s.status !== 'invited')) {
    await inviteSigner(tx, { process, sender: input.sender, signer: s, kind: 'invitation', replacedDocument: input.replaced, tellOnly: true });
  }
  return { withdrawn: [...new Set(emails)] };
}
