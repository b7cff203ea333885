// A signer signs. Under the process row lock: the signer is marked signed, the next signer in order is invited,
// and when nobody is left the process turns completed in one conditional update, with the sealing job written to
// the outbox in the same transaction, so sealing happens exactly once however many sign at the same moment.
import { and, asc, eq, ne, sql } from 'drizzle-orm';
import { documents, processes, signers, users } from '../../db/schema';
import { loadSealKey } from '../seal/load-seal-key';
import { signRecord } from '../signature/sign-record';
import { recordAuditEvent } from '../audit/record-audit-event';
import { inTransaction, type Ctx } from '../context';
import { DomainError } from '../errors';
import { enqueueJob } from '../outbox/enqueue-job';
import { findSignerByToken } from './find-signer-by-token';
import { inviteSigner } from './invite-signer';

export type SignatureMethod = 'button';

export async function signAsSigner(
  ctx: Ctx,
  input: { token: string; method: SignatureMethod; userAgent?: string },
): Promise<{ processCompleted: boolean }> {
  return inTransaction(ctx, async (tx) => {
    const { signer, process } = await findSignerByToken(tx, { token: input.token, forUpdate: true });
    assertCanSign(process.status, signer.status);
    const now = tx.clock();
    const docs = await tx.db
      .select({ id: documents.id, filename: documents.filename, sha256: documents.sha256 })
      .from(documents)
      .where(and(eq(documents.processId, process.id), eq(documents.kind, 'document')))
      .orderBy(asc(documents.position));
    const key = await loadSealKey(tx);
    const signed = signRecord(
      {
        v: 1,
        purpose: 'approval',
        processId: process.id,
        signer: { id: signer.id, email: signer.email, name: signer.name },
        method: input.method,
        identity: {},
        signedAt: now.toISOString(),
        documents: docs,
      },
      key.privateKeyPem,
    );
    await tx.db
      .update(signers)
      .set({
        status: 'signed',
        signedAt: now,
        method: input.method,
        ip: tx.ip ?? null,
        userAgent: input.userAgent?.slice(0, 500) ?? null,
        signRecord: signed.record,
        signHash: signed.signHash,
        signKeyId: key.id,
      })
      .where(eq(signers.id, signer.id));
    await tx.db.update(processes).set({ signedCount: sql`${processes.signedCount} + 1` }).where(eq(processes.id, process.id));
    await recordAuditEvent(tx, {
      processId: process.id,
      type: 'signed',
      message: `Signed by ${signer.email} (method: ${input.method})`,
      actor: signer.email,
    });

    const rest = await tx.db
      .select()
      .from(signers)
      .where(and(eq(signers.processId, process.id), ne(signers.status, 'signed')))
      .orderBy(asc(signers.position));
    if (rest.length > 0) {
      const next = rest[0];
      if (process.signingOrder && next.status === 'waiting') {
        const [sender] = await tx.db.select().from(users).where(eq(users.id, process.senderId));
        await inviteSigner(tx, { process, sender, signer: next, kind: 'invitation' });
      }
      return { processCompleted: false };
    }
    const completed = await tx.db
      .update(processes)
      .set({ status: 'completed', completedAt: now, endedAt: now })
      .where(and(eq(processes.id, process.id), eq(processes.status, 'pending')))
      .returning({ id: processes.id });
    if (completed.length === 0) return { processCompleted: false };
    await recordAuditEvent(tx, { processId: process.id, type: 'completed', message: 'All signers have signed', actor: 'system' });
    await enqueueJob(tx, { kind: 'seal-process', payload: { processId: process.id }, dedupeKey: `seal:${process.id}` });
    return { processCompleted: true };
  });
}

export function assertCanSign(processStatus: string, signerStatus: string): void {
  const refuse = (message: string, textKey: string) => new DomainError('conflict', message, undefined, textKey);
  if (processStatus !== 'pending') throw refuse(`The process is ${processStatus}: nothing can be signed any more`, `sign.${processStatus}`);
  if (signerStatus === 'signed') throw refuse('You have already signed', 'sign.errorAlreadySigned');
  if (signerStatus === 'rejected') throw refuse('You have rejected this process', 'sign.alreadyRejected');
  if (signerStatus === 'waiting') throw refuse('It is not your turn to sign yet', 'sign.notYourTurn');
}
