// The sender (or an admin) stops a pending process; every signer who was invited or signed is told.
import { and, eq, inArray } from 'drizzle-orm';
import type { ProcessView } from '@secure-signature/shared';
import { processes, signers, users } from '../../db/schema';
import { recordAuditEvent } from '../audit/record-audit-event';
import { inTransaction, requireActor, type Ctx } from '../context';
import { conflict } from '../errors';
import { asLanguage } from '../../i18n/languages';
import { queueMessage } from '../mail/queue-message';
import { findOwnProcess } from './find-own-process';
import { loadProcessView } from './load-process-view';

export async function abortProcess(ctx: Ctx, input: { processId: string }): Promise<ProcessView> {
  const actor = requireActor(ctx);
  await inTransaction(ctx, async (tx) => {
    const process = await findOwnProcess(tx, { processId: input.processId, forUpdate: true });
    if (process.status !== 'pending') throw conflict(`The process is ${process.status} and can no longer be aborted`);
    await tx.db
      .update(processes)
      .set({ status: 'aborted', endedAt: tx.clock() })
      .where(and(eq(processes.id, process.id), eq(processes.status, 'pending')));
    const [sender] = await tx.db.select().from(users).where(eq(users.id, process.senderId));
    const told = await tx.db
      .select()
      .from(signers)
      .where(and(eq(signers.processId, process.id), inArray(signers.status, ['invited', 'signed'])));
    for (const s of told) {
      await queueMessage(tx, {
        processId: process.id,
        recipient: s.email,
        template: 'aborted',
        params: { processTitle: process.title, senderName: sender.name ?? sender.email, language: asLanguage(s.language) },
      });
    }
    await recordAuditEvent(tx, { processId: process.id, type: 'aborted', message: `Process aborted by ${actor.email}` });
  });
  return loadProcessView(ctx, { processId: input.processId, withAudit: true });
}
