// A signer orders an SMS PIN: at most N orders within the admin's window, none while the link is locked. The PIN
// is derived from the new row's id (never stored) and goes out as an SMS through the outbox, in one transaction.
import { randomUUID } from 'node:crypto';
import { and, count, eq, gte, min } from 'drizzle-orm';
import { signerPins } from '../../db/schema';
import { asLanguage } from '../../i18n/languages';
import { recordAuditEvent } from '../audit/record-audit-event';
import { inTransaction, type Ctx } from '../context';
import { DomainError } from '../errors';
import { queueMessage } from '../mail/queue-message';
import { hashToken } from '../secrets';
import { getSettings } from '../settings/get-settings';
import { findSignerByToken } from '../signer/find-signer-by-token';
import { maskPhone } from './pin-required';
import { lockedError, noPhoneError } from './verify-pin';

export async function orderPin(ctx: Ctx, input: { token: string }): Promise<{ sentTo: string; validMinutes: number }> {
  const { signerPin: policy } = await getSettings(ctx);
  return inTransaction(ctx, async (tx) => {
    // The process row lock (forUpdate) makes concurrent orders count one after another.
    const { signer, process } = await findSignerByToken(tx, { token: input.token, forUpdate: true });
    if (signer.pinLockedAt) throw await lockedError(tx, process.senderId);
    if (!signer.phone) throw await noPhoneError(tx, process.senderId);

    const windowStart = new Date(tx.clock().getTime() - policy.orderWindowMinutes * 60_000);
    const [recent] = await tx.db
      .select({ n: count(), first: min(signerPins.createdAt) })
      .from(signerPins)
      .where(and(eq(signerPins.signerId, signer.id), gte(signerPins.createdAt, windowStart)));
    if (recent.n >= policy.maxOrders) {
      const again = new Date((recent.first ?? tx.clock()).getTime() + policy.orderWindowMinutes * 60_000);
      throw new DomainError('rate_limited', `At most ${policy.maxOrders} PINs within ${policy.orderWindowMinutes} minutes`, undefined, 'pin.tooMany', {
        max: policy.maxOrders,
        time: again.toISOString().slice(11, 16),
      });
    }

    const id = randomUUID();
    const code = tx.secrets.pinCode(id, policy.characters, policy.length);
    await tx.db.insert(signerPins).values({
      id,
      signerId: signer.id,
      codeHash: hashToken(`${id}:${code}`),
      createdAt: tx.clock(),
      expiresAt: new Date(tx.clock().getTime() + policy.validMinutes * 60_000),
    });
    await queueMessage(tx, {
      processId: process.id,
      recipient: signer.phone,
      channel: 'sms',
      template: 'pin',
      params: { pinId: id, characters: policy.characters, length: policy.length, validMinutes: policy.validMinutes, processTitle: process.title, language: asLanguage(signer.language) },
    });
    const sentTo = maskPhone(signer.phone);
    await recordAuditEvent(tx, { processId: process.id, type: 'pin_sent', message: `PIN sent by SMS to ${sentTo} for signer ${signer.email}`, actor: signer.email });
    return { sentTo, validMinutes: policy.validMinutes };
  });
}
