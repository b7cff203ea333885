// A signer passes the request to someone else without signing, when the sender allowed it: the new person takes
// their place in the order and is invited at once; the forwarding signer is done.
import { eq } from 'drizzle-orm';
import { signers, users } from '../../db/schema';
import { recordAuditEvent } from '../audit/record-audit-event';
import { inTransaction, type Ctx } from '../context';
import { DomainError } from '../errors';
import { addForwardedSigner, type ForwardTarget } from './add-forwarded-signer';
import { findSignerByToken } from './find-signer-by-token';
import { inviteSigner } from './invite-signer';
import { assertCanSign } from './sign-as-signer';

export async function forwardAsSigner(ctx: Ctx, input: { token: string; to: ForwardTarget }): Promise<{ email: string }> {
  return inTransaction(ctx, async (tx) => {
    const { signer, process } = await findSignerByToken(tx, { token: input.token, forUpdate: true });
    assertCanSign(process.status, signer.status);
    if (!process.allowForward) throw new DomainError('conflict', 'The sender does not allow forwarding', undefined, 'sign.errorForwardNotAllowed');
    const added = await addForwardedSigner(tx, { processId: process.id, from: signer, to: input.to, countsAsNew: false });
    await tx.db.update(signers).set({ status: 'forwarded' }).where(eq(signers.id, signer.id));
    await recordAuditEvent(tx, {
      processId: process.id,
      type: 'forwarded',
      message: `Forwarded by ${signer.email} to ${added.email} without signing`,
      actor: signer.email,
    });
    const [sender] = await tx.db.select().from(users).where(eq(users.id, process.senderId));
    await inviteSigner(tx, { process, sender, signer: added, kind: 'invitation', forwardedBy: signer.name ? `${signer.name} (${signer.email})` : signer.email });
    return { email: added.email };
  });
}
