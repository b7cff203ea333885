// The outbox job that expires a process nobody finished in time: the process ends, and the sender and every signer
// who was invited or signed are told. Does nothing if the process ended meanwhile.
import { and, eq, inArray } from 'drizzle-orm';
import { processes, signers, users } from '../../db/schema';
import { recordAuditEvent } from '../audit/record-audit-event';
import { inTransaction, type Ctx } from '../context';
import { queueMessage } from '../mail/queue-message';
import { recipientLanguages } from '../mail/recipient-languages';

export async function expireProcess(ctx: Ctx, input: { processId: string }): Promise<boolean> {
  return inTransaction(ctx, async (tx) => {
    const [process] = await tx.db.select().from(processes).where(eq(processes.id, input.processId)).for('update');
    if (!process || process.status !== 'pending' || !process.expiresAt || process.expiresAt > tx.clock()) return false;
    await tx.db.update(processes).set({ status: 'expired', endedAt: tx.clock() }).where(eq(processes.id, process.id));
    const [sender] = await tx.db.select({ email: users.email }).from(users).where(eq(users.id, process.senderId));
    const told = await tx.db
      .select({ email: signers.email, language: signers.language })
      .from(signers)
      .where(and(eq(signers.processId, process.id), inArray(signers.status, ['invited', 'signed'])));
    for (const [recipient, language] of recipientLanguages(sender.email, told)) {
      await queueMessage(tx, {
        processId: process.id,
        recipient,
        template: 'expired',
        params: { processTitle: process.title, expiredAt: process.expiresAt!.toISOString(), language },
      });
    }
    await recordAuditEvent(tx, { processId: process.id, type: 'expired', message: 'Process expired before everyone had signed', actor: 'system' });
    return true;
  });
}
