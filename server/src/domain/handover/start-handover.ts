// After signing, a signer hands the device to the next signer of the same process whose turn it is: a code goes
// to that person's email (rendered from the handover's id, never stored), valid for minutes.
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { handovers, signers } from '../../db/schema';
import { asLanguage } from '../../i18n/languages';
import { recordAuditEvent } from '../audit/record-audit-event';
import { inTransaction, type Ctx } from '../context';
import { DomainError } from '../errors';
import { HANDOVER_CODE_LENGTH } from '../mail/templates';
import { queueMessage } from '../mail/queue-message';
import { isUuid } from '../process/find-own-process';
import { hashToken } from '../secrets';
import { findSignerByToken } from '../signer/find-signer-by-token';

export const HANDOVER_MINUTES = 10;
export const HANDOVER_TRIES = 5;

const notNext = () => new DomainError('conflict', 'That signer cannot take over now', undefined, 'sign.handoverNotNext');

export async function startHandover(ctx: Ctx, input: { token: string; toSignerId: string }): Promise<{ handoverId: string }> {
  return inTransaction(ctx, async (tx) => {
    const { signer, process } = await findSignerByToken(tx, { token: input.token, forUpdate: true });
    if (process.status !== 'pending' || signer.status !== 'signed' || !isUuid(input.toSignerId)) throw notNext();
    const [to] = await tx.db.select().from(signers).where(and(eq(signers.id, input.toSignerId), eq(signers.processId, process.id)));
    if (!to || to.status !== 'invited') throw notNext();
    const id = randomUUID();
    const code = tx.secrets.pinCode(id, 'digits', HANDOVER_CODE_LENGTH);
    await tx.db.insert(handovers).values({
      id,
      fromSignerId: signer.id,
      toSignerId: to.id,
      codeHash: hashToken(`${id}:${code}`),
      createdAt: tx.clock(),
      expiresAt: new Date(tx.clock().getTime() + HANDOVER_MINUTES * 60_000),
    });
    await queueMessage(tx, {
      processId: process.id,
      recipient: to.email,
      template: 'handover',
      params: { handoverId: id, fromName: signer.name ?? signer.email, processTitle: process.title, validMinutes: HANDOVER_MINUTES, language: asLanguage(to.language) },
    });
    await recordAuditEvent(tx, { processId: process.id, type: 'handover_started', message: `Device handed over by ${signer.email} to ${to.email} (code sent by email)`, actor: signer.email });
    return { handoverId: id };
  });
}
