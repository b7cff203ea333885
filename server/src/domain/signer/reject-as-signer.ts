// A signer rejects with a reason: the process stops, and the sender and the other signers who were invited are told.
import { and, eq, inArray, ne } from 'drizzle-orm';
import { processes, signers, users } from '../../db/schema';
import { recordAuditEvent } from '../audit/record-audit-event';
import { inTransaction, type Ctx } from '../context';
import { DomainError } from '../errors';
import { queueMessage } from '../mail/queue-message';
import { queueNoticeSms } from '../sms/queue-notice-sms';
import { recipientLanguages } from '../mail/recipient-languages';
import { findSignerByToken } from './find-signer-by-token';
import { assertCanSign } from './sign-as-signer';

export async function rejectAsSigner(ctx: Ctx, input: { token: string; reason: string }): Promise<void> {
  const reason = input.reason.trim();
  if (!reason) throw new DomainError('invalid_input', 'Please give a reason for rejecting', 'reason', 'sign.errorNoReason');
  if (reason.length > 2000) throw new DomainError('invalid_input', 'The reason may be at most 2000 characters', 'reason', 'sign.errorLongReason');
  await inTransaction(ctx, async (tx) => {
    const { signer, process } = await findSignerByToken(tx, { token: input.token, forUpdate: true });
    assertCanSign(process.status, signer.status);
    const now = tx.clock();
    await tx.db
      .update(signers)
      .set({ status: 'rejected', rejectedAt: now, rejectReason: reason, ip: tx.ip ?? null })
      .where(eq(signers.id, signer.id));
    await tx.db
      .update(processes)
      .set({ status: 'rejected', endedAt: now })
      .where(and(eq(processes.id, process.id), eq(processes.status, 'pending')));
    await recordAuditEvent(tx, {
      processId: process.id,
      type: 'rejected',
      message: `Rejected by ${signer.email}: ${reason}`,
      actor: signer.email,
    });
    const [sender] = await tx.db.select({ email: users.email }).from(users).where(eq(users.id, process.senderId));
    const others = await tx.db
      .select({ email: signers.email, language: signers.language, phone: signers.phone })
      .from(signers)
      .where(and(eq(signers.processId, process.id), ne(signers.id, signer.id), inArray(signers.status, ['invited', 'signed'])));
    for (const [recipient, language] of recipientLanguages(sender.email, others)) {
      await queueMessage(tx, {
        processId: process.id,
        recipient,
        template: 'rejected',
        params: { processTitle: process.title, rejectedBy: signer.name ? `${signer.name} (${signer.email})` : signer.email, reason, language },
      });
    }
    await queueNoticeSms(tx, { kind: 'rejected', process, to: others });
  });
}
