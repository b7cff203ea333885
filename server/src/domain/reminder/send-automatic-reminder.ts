// The outbox job for one automatic reminder: sent only if the signer still has not acted and this is still the
// next reminder due, so a late or repeated job sends nothing twice.
import { eq } from 'drizzle-orm';
import { processes, signers, users } from '../../db/schema';
import { inTransaction, type Ctx } from '../context';
import { inviteSigner } from '../signer/invite-signer';

export async function sendAutomaticReminder(ctx: Ctx, input: { signerId: string; number: number }): Promise<boolean> {
  return inTransaction(ctx, async (tx) => {
    const [found] = await tx.db.select({ processId: signers.processId }).from(signers).where(eq(signers.id, input.signerId));
    if (!found) return false;
    const [process] = await tx.db.select().from(processes).where(eq(processes.id, found.processId)).for('update');
    const [signer] = await tx.db.select().from(signers).where(eq(signers.id, input.signerId));
    if (process.status !== 'pending' || signer.status !== 'invited' || signer.remindersSent !== input.number - 1) return false;
    const [sender] = await tx.db.select().from(users).where(eq(users.id, process.senderId));
    await inviteSigner(tx, { process, sender, signer, kind: 'reminder' });
    await tx.db.update(signers).set({ remindersSent: input.number }).where(eq(signers.id, signer.id));
    return true;
  });
}
