// Emails every signer whose turn it is and who has not acted yet, again.
import { and, eq } from 'drizzle-orm';
import { signers, users } from '../../db/schema';
import { inTransaction, type Ctx } from '../context';
import { conflict } from '../errors';
import { inviteSigner } from '../signer/invite-signer';
import { findOwnProcess } from './find-own-process';

export async function remindSigners(ctx: Ctx, input: { processId: string }): Promise<{ reminded: string[] }> {
  return inTransaction(ctx, async (tx) => {
    const process = await findOwnProcess(tx, { processId: input.processId, forUpdate: true });
    if (process.status !== 'pending') throw conflict(`The process is ${process.status}: there is nobody to remind`);
    const [sender] = await tx.db.select().from(users).where(eq(users.id, process.senderId));
    const pending = await tx.db
      .select()
      .from(signers)
      .where(and(eq(signers.processId, process.id), eq(signers.status, 'invited')));
    for (const s of pending) {
      await inviteSigner(tx, { process, sender, signer: s, kind: 'reminder' });
    }
    return { reminded: pending.map((s) => s.email) };
  });
}
