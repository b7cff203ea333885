// The sender (or an admin) unlocks a signer's link after too many wrong PINs: the count starts again from zero.
import { and, eq } from 'drizzle-orm';
import { signers } from '../../db/schema';
import { recordAuditEvent } from '../audit/record-audit-event';
import { inTransaction, requireActor, type Ctx } from '../context';
import { conflict, notFound } from '../errors';
import { findOwnProcess, isUuid } from '../process/find-own-process';

export async function unlockSignerPin(ctx: Ctx, input: { processId: string; signerId: string }): Promise<void> {
  const actor = requireActor(ctx);
  await inTransaction(ctx, async (tx) => {
    const process = await findOwnProcess(tx, { processId: input.processId, forUpdate: true });
    if (!isUuid(input.signerId)) throw notFound('Signer');
    const [signer] = await tx.db.select().from(signers).where(and(eq(signers.id, input.signerId), eq(signers.processId, process.id)));
    if (!signer) throw notFound('Signer');
    if (!signer.pinLockedAt) throw conflict('The signer\'s link is not locked');
    await tx.db.update(signers).set({ pinLockedAt: null, pinFailures: 0 }).where(eq(signers.id, signer.id));
    await recordAuditEvent(tx, { processId: process.id, type: 'pin_unlocked', message: `Link of signer ${signer.email} unlocked by ${actor.email}`, actor: actor.email });
  });
}
