// A signer signs. Under the process row lock: the signer is marked signed, the next signer in order is invited,
// and when nobody is left the process turns completed in one conditional update, with the sealing job written to
// the outbox in the same transaction, so sealing happens exactly once however many sign at the same moment.
// With signature blocks the signature goes to the open block, and the process completes when every block is signed.
import { and, asc, eq, isNull, notInArray, sql } from 'drizzle-orm';
import { documents, processes, signatureBlocks, signerDownloads, signers, users } from '../../db/schema';
import { advanceSignatureBlocks } from '../signature-block/advance-signature-blocks';
import { blockToSign } from '../signature-block/block-to-sign';
import { loadSealKey } from '../seal/load-seal-key';
import { signRecord } from '../signature/sign-record';
import { recordAuditEvent } from '../audit/record-audit-event';
import { inTransaction, type Ctx } from '../context';
import { DomainError } from '../errors';
import { enqueueJob } from '../outbox/enqueue-job';
import { findSignerByToken } from './find-signer-by-token';
import { addForwardedSigner, type ForwardTarget } from './add-forwarded-signer';
import { inviteSigner } from './invite-signer';
import { readDrawing } from './read-drawing';
import { authenticateInternalSigner, internalSigner } from './authenticate-internal-signer';
import { getSettings } from '../settings/get-settings';
import type { SignatureMethod } from '@secure-signature/shared';

export async function signAsSigner(
  ctx: Ctx,
  input: {
    token: string;
    method: SignatureMethod;
    userAgent?: string;
    /** PNG data URL, for handwritten. */
    drawing?: string;
    /** The signer's own corrections, taken when the admin lets signers edit them. */
    details?: { organization?: string; jobTitle?: string };
    /** Sign and forward: someone to invite after this signature, when the sender allowed it. */
    forwardTo?: ForwardTarget;
    /** What an identity provider verified (set only by finishOidcSigning): identity-provider methods need it. */
    verifiedIdentity?: Record<string, string>;
    /** The password of the signer's account, when the signer is a user of this service (see authenticateInternalSigner). */
    password?: string;
    /** One of the admin's purposes; identity-provider signatures take the one chosen before the redirect. */
    purpose?: string;
    /** The signature block the signer's page showed (processes with blocks); default: the open one. */
    blockId?: string;
    /** Identity-provider signatures: the account whose password the signer re-entered before the redirect. */
    accountUserId?: string;
  },
): Promise<{ processCompleted: boolean }> {
  // Outside the transaction: a wrong password must count towards the account's lock even though signing is refused.
  const account = input.verifiedIdentity
    ? input.accountUserId
      ? await internalSigner(ctx, input.accountUserId)
      : null
    : await authenticateInternalSigner(ctx, { email: (await findSignerByToken(ctx, { token: input.token })).signer.email, password: input.password });
  return inTransaction(ctx, async (tx) => {
    const { signer, process } = await findSignerByToken(tx, { token: input.token, forUpdate: true });
    assertCanSign(process.status, signer.status);
    const purpose = checkPurpose((await getSettings(tx)).signingPurposes.purposes, input.purpose ?? signer.purpose ?? undefined);
    if (!process.signatureMethods.includes(input.method) || (input.method.startsWith('oidc:') && !input.verifiedIdentity)) {
      throw new DomainError('conflict', `The method ${input.method} is not offered in this process`, undefined, 'sign.errorMethod');
    }
    if (signer.businessId && !input.verifiedIdentity?.signingRightFor) {
      throw new DomainError('conflict', 'Signing for a company needs an identity-provider signature', undefined, 'sign.rightNeedsIdentity');
    }
    const block = await blockToSign(tx, { processId: process.id, email: signer.email, blockId: input.blockId });
    if (process.forceDownload) await assertDownloadedAll(tx, process.id, signer.id, block?.documentIds);
    if (input.forwardTo && !process.allowSignAndForward) {
      throw new DomainError('conflict', 'The sender does not allow sign and forward', undefined, 'sign.errorForwardNotAllowed');
    }
    const added = input.forwardTo ? await addForwardedSigner(tx, { processId: process.id, from: signer, to: input.forwardTo, countsAsNew: true }) : null;
    const drawing = input.method === 'handwritten' ? readDrawing(input.drawing ?? '') : undefined;
    const details = await ownDetails(tx, signer, input.details);
    const drawingSha256 = drawing ? await tx.blobs.put(tx.db, drawing) : null;
    const now = tx.clock();
    const docs = (
      await tx.db
        .select({ id: documents.id, filename: documents.filename, sha256: documents.sha256 })
        .from(documents)
        .where(and(eq(documents.processId, process.id), eq(documents.kind, 'document')))
        .orderBy(asc(documents.position))
    ).filter((d) => !block || block.documentIds.includes(d.id));
    const key = account?.key ? { id: null, userSigningKeyId: account.key.id, privateKeyPem: account.key.privateKeyPem } : { ...(await loadSealKey(tx)), userSigningKeyId: null };
    const identity: Record<string, string> = input.verifiedIdentity
      ? { ...input.verifiedIdentity, ...(account ? { account: signer.email } : {}) }
      : account
        ? { account: signer.email, authenticatedBy: 'account password' }
        : {};
    const signed = signRecord(
      {
        v: 1,
        purpose,
        processId: process.id,
        signer: {
          id: signer.id,
          email: signer.email,
          name: signer.name,
          ...(details?.organization ? { organization: details.organization } : {}),
          ...(details?.jobTitle ? { jobTitle: details.jobTitle } : {}),
          ...(signer.businessId ? { businessId: signer.businessId } : {}),
        },
        method: input.method,
        identity,
        ...(drawingSha256 ? { drawingSha256 } : {}),
        signedAt: now.toISOString(),
        documents: docs,
        ...(block ? { block: { id: block.id, position: block.position, label: block.label }, fields: coveredFields(process, block.fields) } : {}),
      },
      key.privateKeyPem,
    );
    const signature = {
      signedAt: now,
      method: input.method,
      ip: tx.ip ?? null,
      userAgent: input.userAgent?.slice(0, 500) ?? null,
      signRecord: signed.record,
      signHash: signed.signHash,
      signKeyId: key.id,
      userSigningKeyId: key.userSigningKeyId,
      purpose,
      drawingSha256,
      identity: input.verifiedIdentity ?? null,
    };
    // With blocks the signature belongs to the block; the signer row keeps how they last signed.
    if (block) await tx.db.update(signatureBlocks).set({ ...signature, status: 'signed', signerId: signer.id }).where(eq(signatureBlocks.id, block.id));
    await tx.db
      .update(signers)
      .set({
        ...signature,
        ...(block ? { signRecord: null, signHash: null, signKeyId: null, userSigningKeyId: null } : {}),
        status: 'signed',
        ...(details ? { organization: details.organization ?? null, jobTitle: details.jobTitle ?? null } : {}),
      })
      .where(eq(signers.id, signer.id));
    await tx.db
      .update(processes)
      .set({ signedCount: sql`${processes.signedCount} + 1`, ...(input.verifiedIdentity ? { strongSignedCount: sql`${processes.strongSignedCount} + 1` } : {}) })
      .where(eq(processes.id, process.id));
    await recordAuditEvent(tx, {
      processId: process.id,
      type: 'signed',
      message:
        (input.verifiedIdentity
          ? `Signed by ${signer.email} (method: ${input.method}; verified by ${input.verifiedIdentity.provider}: ${input.verifiedIdentity.name}${input.verifiedIdentity.idNumber ? `, ${input.verifiedIdentity.idNumber}` : ''}${account ? '; account password re-entered' : ''})`
          : `Signed by ${signer.email} (method: ${input.method}${account ? '; account password re-entered' : ''})`) +
        (block ? `, signature block ${block.position} "${block.label}"` : '') +
        (purpose !== DEFAULT_PURPOSE ? `, purpose: ${purpose}` : '') +
        (account?.key ? ', sign hash made with their own key' : ''),
      actor: signer.email,
    });
    const [sender] = await tx.db.select().from(users).where(eq(users.id, process.senderId));
    const forwardedBy = signer.name ? `${signer.name} (${signer.email})` : signer.email;
    if (added) {
      await recordAuditEvent(tx, { processId: process.id, type: 'forwarded', message: `Signed by ${signer.email} and forwarded to ${added.email}`, actor: signer.email });
      // In a forced order the added signer is next, and is invited below with the rest; otherwise now.
      if (!process.signingOrder) await inviteSigner(tx, { process, sender, signer: added, kind: 'invitation', forwardedBy });
    }

    if (block) {
      const { allSigned } = await advanceSignatureBlocks(tx, { process, sender });
      return allSigned ? completeProcess(tx, process.id, 'Every signature block is signed') : { processCompleted: false };
    }
    const rest = await tx.db
      .select()
      .from(signers)
      .where(and(eq(signers.processId, process.id), notInArray(signers.status, ['signed', 'forwarded'])))
      .orderBy(asc(signers.position));
    if (rest.length > 0) {
      const next = rest[0];
      if (process.signingOrder && next.status === 'waiting') {
        await inviteSigner(tx, { process, sender, signer: next, kind: 'invitation', forwardedBy: next.id === added?.id ? forwardedBy : undefined });
      }
      return { processCompleted: false };
    }
    return completeProcess(tx, process.id, 'All signers have signed');
  });
}

/** The last signature: the process turns completed (once, whoever gets here first) and sealing is queued. */
async function completeProcess(tx: Ctx, processId: string, why: string): Promise<{ processCompleted: boolean }> {
  const now = tx.clock();
  const completed = await tx.db
    .update(processes)
    .set({ status: 'completed', completedAt: now, endedAt: now })
    .where(and(eq(processes.id, processId), eq(processes.status, 'pending')))
    .returning({ id: processes.id });
  if (completed.length === 0) return { processCompleted: false };
  await recordAuditEvent(tx, { processId, type: 'completed', message: why, actor: 'system' });
  await enqueueJob(tx, { kind: 'seal-process', payload: { processId }, dedupeKey: `seal:${processId}` });
  return { processCompleted: true };
}

/** The message fields a block covers, with their text as the signer saw it. */
function coveredFields(process: { title: string; message: string }, fields: ('title' | 'message')[]) {
  return Object.fromEntries(fields.map((f) => [f, process[f]]));
}

const DEFAULT_PURPOSE = 'approval';

/** The purpose a signature records: one of the admin's list when there is one (then one must be chosen). */
export function checkPurpose(purposes: string[], chosen: string | undefined): string {
  if (purposes.length === 0) return DEFAULT_PURPOSE;
  if (!chosen) throw new DomainError('invalid_input', 'Choose the purpose of your signature', 'purpose', 'sign.errorPurpose');
  if (!purposes.includes(chosen)) throw new DomainError('invalid_input', 'That purpose is not offered', 'purpose', 'sign.errorPurpose');
  return chosen;
}

export function assertCanSign(processStatus: string, signerStatus: string): void {
  const refuse = (message: string, textKey: string) => new DomainError('conflict', message, undefined, textKey);
  if (processStatus !== 'pending') throw refuse(`The process is ${processStatus}: nothing can be signed any more`, `sign.${processStatus}`);
  if (signerStatus === 'signed') throw refuse('You have already signed', 'sign.errorAlreadySigned');
  if (signerStatus === 'rejected') throw refuse('You have rejected this process', 'sign.alreadyRejected');
  if (signerStatus === 'forwarded') throw refuse('You have forwarded this request to someone else', 'sign.alreadyForwarded');
  if (signerStatus === 'waiting') throw refuse('It is not your turn to sign yet', 'sign.notYourTurn');
}

/** With forceDownload, every document to sign must have been downloaded by this signer. */
export async function assertDownloadedAll(ctx: Ctx, processId: string, signerId: string, only?: string[]): Promise<void> {
  const missing = (await ctx.db
    .select({ id: documents.id })
    .from(documents)
    .leftJoin(signerDownloads, and(eq(signerDownloads.documentId, documents.id), eq(signerDownloads.signerId, signerId)))
    .where(and(eq(documents.processId, processId), eq(documents.kind, 'document'), isNull(signerDownloads.documentId)))).filter((d) => !only || only.includes(d.id));
  if (missing.length > 0) throw new DomainError('conflict', 'Download every document before signing', undefined, 'sign.errorDownloadFirst');
}

/** The organisation and title this signature carries: as the sender gave them, or as the signer corrected them
 *  when the admin allows that; null when the admin turned them off (the stored values are then left alone). */
async function ownDetails(
  ctx: Ctx,
  signer: { organization: string | null; jobTitle: string | null },
  edited: { organization?: string; jobTitle?: string } | undefined,
): Promise<{ organization?: string; jobTitle?: string } | null> {
  const mode = (await getSettings(ctx)).signerDetails.organizationAndTitle;
  if (mode === 'disabled') return null;
  const clean = (v: string | undefined, fallback: string | null) => {
    const value = mode === 'editable_by_signer' && v !== undefined ? v.trim() : (fallback ?? '');
    if (value.length > 200) throw new DomainError('invalid_input', 'Organisation and title may be at most 200 characters', 'organization', 'sign.errorDetails');
    return value || undefined;
  };
  const organization = clean(edited?.organization, signer.organization);
  const jobTitle = clean(edited?.jobTitle, signer.jobTitle);
  return { ...(organization ? { organization } : {}), ...(jobTitle ? { jobTitle } : {}) };
}
