// A signer enters the SMS PIN. A right PIN (unexpired, unused) is used up, clears the wrong-PIN count and opens a
// PIN session; a wrong one counts toward the lockout, which ordering a new PIN does not reset. The count is
// committed even though the answer is a refusal, so the refusal is thrown only after the transaction.
import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import { signerPins, signers, users } from '../../db/schema';
import { recordAuditEvent } from '../audit/record-audit-event';
import { inTransaction, type Ctx } from '../context';
import { DomainError } from '../errors';
import { hashToken, safeEqual } from '../secrets';
import { getSettings } from '../settings/get-settings';
import { findSignerByToken } from '../signer/find-signer-by-token';
import { issuePinSession } from './pin-session';

async function senderParams(ctx: Ctx, senderId: string) {
  const [sender] = await ctx.db.select({ email: users.email, name: users.name }).from(users).where(eq(users.id, senderId));
  return { sender: sender?.name ?? sender?.email ?? '', senderEmail: sender?.email ?? '' };
}

/** The refusal a locked link gets, naming the sender who can unlock it. */
export async function lockedError(ctx: Ctx, senderId: string): Promise<DomainError> {
  return new DomainError('forbidden', 'Too many wrong PINs: the link is locked until the sender unlocks it', undefined, 'pin.locked', await senderParams(ctx, senderId));
}

/** The refusal when a PIN is required of every signer but the sender gave this one no phone number. */
export async function noPhoneError(ctx: Ctx, senderId: string): Promise<DomainError> {
  return new DomainError('conflict', 'This signer has no phone number for a PIN', undefined, 'pin.noPhone', await senderParams(ctx, senderId));
}

const normalise = (pin: string) => pin.replace(/[\s-]/g, '').toUpperCase();

export async function verifyPin(ctx: Ctx, input: { token: string; pin: string }): Promise<{ signerId: string; session: { value: string; maxAge: number } }> {
  const settings = await getSettings(ctx);
  const outcome = await inTransaction(ctx, async (tx) => {
    const { signer, process } = await findSignerByToken(tx, { token: input.token, forUpdate: true });
    if (signer.pinLockedAt) return { refusal: await lockedError(tx, process.senderId) };
    const pins = await tx.db
      .select()
      .from(signerPins)
      .where(and(eq(signerPins.signerId, signer.id), isNull(signerPins.usedAt)))
      .orderBy(desc(signerPins.createdAt))
      .limit(20);
    if (pins.length === 0) return { refusal: new DomainError('conflict', 'No PIN was ordered', undefined, 'pin.noPin') };

    const entered = normalise(input.pin);
    const matching = pins.find((p) => safeEqual(p.codeHash, hashToken(`${p.id}:${entered}`)));
    if (matching && matching.expiresAt > tx.clock()) {
      await tx.db.update(signerPins).set({ usedAt: tx.clock() }).where(and(eq(signerPins.id, matching.id), isNull(signerPins.usedAt), gt(signerPins.expiresAt, tx.clock())));
      await tx.db.update(signers).set({ pinFailures: 0 }).where(eq(signers.id, signer.id));
      await recordAuditEvent(tx, { processId: process.id, type: 'pin_verified', message: `PIN verified for signer ${signer.email}`, actor: signer.email });
      return { signerId: signer.id };
    }
    if (matching) {
      // The right PIN, too late: not a guess, so it does not count toward the lockout.
      return { refusal: new DomainError('conflict', 'The PIN has expired', undefined, 'pin.expired') };
    }

    const failures = signer.pinFailures + 1;
    const locked = failures >= settings.signerPin.maxWrongTries;
    await tx.db.update(signers).set({ pinFailures: failures, ...(locked ? { pinLockedAt: tx.clock() } : {}) }).where(eq(signers.id, signer.id));
    await recordAuditEvent(tx, {
      processId: process.id,
      type: locked ? 'pin_locked' : 'pin_failed',
      message: locked
        ? `Wrong PIN ${failures} times: link of signer ${signer.email} locked`
        : `Wrong PIN entered for signer ${signer.email} (${failures} of ${settings.signerPin.maxWrongTries})`,
      actor: signer.email,
    });
    if (locked) return { refusal: await lockedError(tx, process.senderId) };
    return {
      refusal: new DomainError('invalid_input', 'The PIN is not right', 'pin', 'pin.wrong', { left: settings.signerPin.maxWrongTries - failures }),
    };
  });
  if ('refusal' in outcome) throw outcome.refusal;
  return { signerId: outcome.signerId, session: issuePinSession(ctx, outcome.signerId, settings.session.timeoutSeconds) };
}
