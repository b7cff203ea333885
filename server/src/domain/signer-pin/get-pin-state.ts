// What the PIN step of a signing link needs to know: whether a PIN is asked for at all, whether the link is
// locked, where the SMS goes (masked) and whether a PIN is waiting to be entered.
import { and, eq, gt, isNull, count } from 'drizzle-orm';
import { signerPins } from '../../db/schema';
import type { Ctx } from '../context';
import { getSettings } from '../settings/get-settings';
import { findSignerByToken } from '../signer/find-signer-by-token';
import { maskPhone, pinRequired } from './pin-required';
import { validPinSession } from './pin-session';
import { lockedError, noPhoneError } from './verify-pin';

export async function getPinState(ctx: Ctx, input: { token: string }) {
  const [{ signer, process }, settings] = await Promise.all([findSignerByToken(ctx, { token: input.token }), getSettings(ctx)]);
  if (!pinRequired(signer, settings)) return { required: false as const, signerId: signer.id };
  const [waiting] = await ctx.db
    .select({ n: count() })
    .from(signerPins)
    .where(and(eq(signerPins.signerId, signer.id), isNull(signerPins.usedAt), gt(signerPins.expiresAt, ctx.clock())));
  return {
    required: true as const,
    signerId: signer.id,
    language: signer.language,
    sentTo: signer.phone ? maskPhone(signer.phone) : null,
    /** Why the link cannot go on (locked, no phone number), as a refusal to show. */
    blocked: signer.pinLockedAt ? await lockedError(ctx, process.senderId) : !signer.phone ? await noPhoneError(ctx, process.senderId) : null,
    pinWaiting: waiting.n > 0,
    validMinutes: settings.signerPin.validMinutes,
    pinLength: settings.signerPin.length,
    digitsOnly: settings.signerPin.characters === 'digits',
  };
}
export type PinState = Awaited<ReturnType<typeof getPinState>>;

/** Whether this link still waits for its PIN in this browser: cheap (no PIN rows read), for every request of a link. */
export async function pinStepOpen(ctx: Ctx, input: { token: string; pinSession: string | undefined }): Promise<boolean> {
  const [{ signer }, settings] = await Promise.all([findSignerByToken(ctx, { token: input.token }), getSettings(ctx)]);
  return pinRequired(signer, settings) && !validPinSession(ctx, signer.id, input.pinSession);
}
