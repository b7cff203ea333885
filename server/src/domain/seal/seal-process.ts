// The outbox job after completion: each document gets its signatures page and the organisation's seal; then, in
// one transaction that commits only if nobody sealed first, the finals are stored and mailed to the sender and
// every signer. Killed half-way, it simply runs again: nothing was committed.
import { methodLabels } from '../identity-provider/list-identity-providers';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { documents, processes, signatureBlocks, signers, users } from '../../db/schema';
import type { SignatureRecord } from '../../seal/draw-signatures-page';
import { requestTimestamp } from '../../seal/request-timestamp';
import { sealPdf, type SealInput } from '../../seal/seal-pdf';
import { sealedSignaturesPagePdf } from '../../seal/signatures-page-pdf';
import { signaturesPageMode } from '../report/signatures-page-mode';
import { storeSignaturesPage } from '../report/store-signatures-page';
import { signaturesPageName } from '../report/signatures-page-name';
import { recordAuditEvent } from '../audit/record-audit-event';
import { inTransaction, type Ctx } from '../context';
import { queueFinalDocuments } from '../secure-mail/queue-final-documents';
import { queueNoticeSms } from '../sms/queue-notice-sms';
import { recipientLanguages } from '../mail/recipient-languages';
import { finalName } from '../document/final-name';
import { newVerificationCode } from '../verify/verification-code';
import { getSettings } from '../settings/get-settings';
import { addLongTermValidation } from './add-long-term-validation';
import { loadSealKey } from './load-seal-key';
import { queueReports } from '../report/queue-reports';
import { queueFileRoomFinals } from '../file-room/queue-file-room-finals';

export async function sealProcess(ctx: Ctx, input: { processId: string }): Promise<{ sealed: boolean }> {
  const [process] = await ctx.db.select().from(processes).where(eq(processes.id, input.processId));
  if (!process || process.sealedAt) return { sealed: false };
  if (process.status !== 'completed') throw new Error(`process ${process.id} is ${process.status}, not completed`);

  const [sender] = await ctx.db.select().from(users).where(eq(users.id, process.senderId));
  // Those who forwarded without signing are not on the signatures page and get no final documents.
  const allSigners = await ctx.db.select().from(signers).where(eq(signers.processId, process.id)).orderBy(asc(signers.position));
  const signerRows = allSigners.filter((s) => s.status === 'signed');
  const docs = await ctx.db
    .select()
    .from(documents)
    .where(and(eq(documents.processId, process.id), eq(documents.kind, 'document')))
    .orderBy(asc(documents.position));
  const seal = await loadSealKey(ctx);
  const settings = await getSettings(ctx);
  const configured = settings.sealing.tsaUrls;
  const showDetails = settings.signerDetails.organizationAndTitle !== 'disabled';
  const tsaUrls = configured.length ? configured : ctx.config.tsaUrls;

  const methodLabel = await methodLabels(ctx);
  type Signature = Pick<typeof signers.$inferSelect, 'signedAt' | 'method' | 'ip' | 'identity' | 'drawingSha256'>;
  const describe = async (s: (typeof signerRows)[number], sig: Signature, block?: (typeof blocks)[number]): Promise<SignatureRecord> => ({
    name: s.name ?? '',
    email: s.email,
    signedAt: sig.signedAt!,
    method: methodLabel(sig.method),
    ip: sig.ip ?? '',
    ...(showDetails && (s.jobTitle || s.organization) ? { role: [s.jobTitle, s.organization].filter(Boolean).join(', ') } : {}),
    ...(sig.identity?.name
      ? {
          verified:
            `Verified by ${sig.identity.provider}: ${sig.identity.name}${sig.identity.idNumber ? `, identity number ${sig.identity.idNumber}` : ''}` +
            (sig.identity.signingRightFor ? `; right to sign for ${sig.identity.signingRightFor} confirmed` : ''),
        }
      : {}),
    ...(sig.drawingSha256 ? { drawing: await ctx.blobs.get(ctx.db, sig.drawingSha256) } : {}),
    ...(block ? { block: block.label + (block.fields.length ? ` (also approves the ${block.fields.join(' and ')} of the process)` : '') } : {}),
  });
  // Without blocks every signer signed every document; with blocks a document's page lists the blocks covering it
  // (and those covering only message fields, which approve the process as a whole).
  const blocks = (await ctx.db.select().from(signatureBlocks).where(eq(signatureBlocks.processId, process.id)).orderBy(asc(signatureBlocks.position))).filter(
    (b) => b.status === 'signed',
  );
  const everySigner = await Promise.all(signerRows.map((s) => describe(s, s)));
  const blockSignatures = await Promise.all(blocks.map((b) => describe(allSigners.find((s) => s.id === b.signerId)!, b, b)));
  const signaturesOf = (documentId: string) =>
    blocks.length ? blockSignatures.filter((_, i) => blocks[i].documentIds.length === 0 || blocks[i].documentIds.includes(documentId)) : everySigner;

  const finals: { doc: (typeof docs)[number]; bytes: Uint8Array; verificationCode: string; signaturesPage?: Uint8Array }[] = [];
  const pageMode = await signaturesPageMode(ctx, process);
  for (const d of docs) {
    const verificationCode = newVerificationCode();
    const sealInput: SealInput = {
      verification: { code: verificationCode, url: `${ctx.config.publicUrl}/verify/${verificationCode}` },
      timestamp: tsaUrls.length ? async (data) => (await requestTimestamp({ urls: tsaUrls, data })).token : undefined,
      original: await ctx.blobs.get(ctx.db, d.sha256),
      documentName: d.filename,
      processTitle: process.title,
      processId: process.id,
      originalSha256: d.sha256,
      signatures: signaturesOf(d.id),
      position: process.signaturePagePosition,
      seal,
      sealName: ctx.config.organizationName,
    };
    const final = await sealPdf({ ...sealInput, withSignaturesPage: pageMode === 'in_pdf' });
    const signaturesPage = pageMode === 'separate' ? await addLongTermValidation(ctx, { sealed: await sealedSignaturesPagePdf(sealInput), seal }) : undefined;
    finals.push({ doc: d, bytes: await addLongTermValidation(ctx, { sealed: final, seal }), verificationCode, signaturesPage });
  }

  return inTransaction(ctx, async (tx) => {
    const won = await tx.db
      .update(processes)
      .set({ sealedAt: tx.clock() })
      .where(and(eq(processes.id, process.id), isNull(processes.sealedAt)))
      .returning({ id: processes.id });
    if (won.length === 0) return { sealed: false };
    for (const f of finals) {
      const sha256 = await tx.blobs.put(tx.db, f.bytes);
      await tx.db.update(documents).set({ finalSha256: sha256, verificationCode: f.verificationCode }).where(eq(documents.id, f.doc.id));
      await recordAuditEvent(tx, {
        processId: process.id,
        type: 'sealed',
        message: `Final document ${finalName(f.doc.filename)} sealed (SHA-256 ${sha256})`,
        actor: 'system',
      });
      if (f.signaturesPage) await storeSignaturesPage(tx, { processId: process.id, document: f.doc, bytes: f.signaturesPage });
    }
    for (const [recipient, language] of recipientLanguages(sender.email, signerRows)) {
      // Attached, S/MIME-encrypted or a protected link, as Admin → Secure mail says; audited there.
      await queueFinalDocuments(tx, {
        processId: process.id,
        processTitle: process.title,
        recipient,
        language,
        documents: finals.flatMap((f) => [
          { documentId: f.doc.id, filename: finalName(f.doc.filename) },
          ...(f.signaturesPage ? [{ documentId: f.doc.id, filename: signaturesPageName(f.doc.filename), version: 'signatures-page' as const }] : []),
        ]),
      });
    }
    await queueNoticeSms(tx, { kind: 'completed', process, to: signerRows });
    await queueReports(tx, {
      process,
      alreadyTold: [...recipientLanguages(sender.email, signerRows).keys()],
      documents: finals.map((f) => ({ documentId: f.doc.id, filename: finalName(f.doc.filename) })),
    });
    await queueFileRoomFinals(tx, { processId: process.id });
    return { sealed: true };
  });
}


