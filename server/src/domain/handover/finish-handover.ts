// The next signer enters the code from their email on the handed-over device. Right: the device continues on
// their own link (with their own PIN step and signature method). Wrong: counted, committed, five at most.
import { and, eq } from 'drizzle-orm';
import { handovers, signers } from '../../db/schema';
import { recordAuditEvent } from '../audit/record-audit-event';
import { inTransaction, type Ctx } from '../context';
import { DomainError, notFound } from '../errors';
import { isUuid } from '../process/find-own-process';
import { hashToken, safeEqual } from '../secrets';
import { findSignerByToken } from '../signer/find-signer-by-token';
import { HANDOVER_TRIES } from './start-handover';

/** The handover as its page shows it: who takes over, at which address the code arrived. */
export async function getHandover(ctx: Ctx, input: { token: string; handoverId: string }) {
  const { signer } = await findSignerByToken(ctx, { token: input.token });
  if (!isUuid(input.handoverId)) throw notFound('Handover');
  const [row] = await ctx.db
    .select({ handover: handovers, to: signers })
    .from(handovers)
    .innerJoin(signers, eq(signers.id, handovers.toSignerId))
    .where(and(eq(handovers.id, input.handoverId), eq(handovers.fromSignerId, signer.id)));
  if (!row) throw notFound('Handover');
  return { id: row.handover.id, to: { name: row.to.name ?? row.to.email, email: row.to.email } };
}

export async function finishHandover(ctx: Ctx, input: { token: string; handoverId: string; code: string }): Promise<{ nextToken: string }> {
  const { id } = await getHandover(ctx, input);
  const outcome = await inTransaction(ctx, async (tx) => {
    const { signer, process } = await findSignerByToken(tx, { token: input.token, forUpdate: true });
    const [h] = await tx.db.select().from(handovers).where(eq(handovers.id, id));
    if (h.usedAt || h.expiresAt <= tx.clock() || h.failures >= HANDOVER_TRIES) return { refusal: expired() };
    const code = input.code.replace(/\s/g, '');
    if (!safeEqual(h.codeHash, hashToken(`${h.id}:${code}`))) {
      await tx.db.update(handovers).set({ failures: h.failures + 1 }).where(eq(handovers.id, h.id));
      const left = HANDOVER_TRIES - h.failures - 1;
      return { refusal: left > 0 ? new DomainError('invalid_input', 'The code is not right', 'code', 'sign.handoverWrong', { left }) : expired() };
    }
    await tx.db.update(handovers).set({ usedAt: tx.clock() }).where(eq(handovers.id, h.id));
    const [to] = await tx.db.select().from(signers).where(eq(signers.id, h.toSignerId));
    await recordAuditEvent(tx, { processId: process.id, type: 'handover_completed', message: `${to.email} took over the device from ${signer.email} with the emailed code`, actor: to.email });
    return { nextToken: tx.secrets.signerToken(to.id) };
  });
  if ('refusal' in outcome) throw outcome.refusal;
  return outcome;
}

const expired = () => new DomainError('conflict', 'The code has expired or was used up', undefined, 'sign.handoverExpired');
