// After a right PIN, the browser holds a PIN session for that one link: a cookie value "<expiry>.<mac>" keyed to
// the signer, checked without a database row. It ends with the session timeout of the admin settings.
import type { Ctx } from '../context';
import { safeEqual } from '../secrets';

const PURPOSE = 'signer-pin-session';

export function issuePinSession(ctx: Pick<Ctx, 'secrets' | 'clock'>, signerId: string, lifetimeSeconds: number): { value: string; maxAge: number } {
  const expires = Math.floor(ctx.clock().getTime() / 1000) + lifetimeSeconds;
  return { value: `${expires}.${ctx.secrets.mac(PURPOSE, `${signerId}:${expires}`)}`, maxAge: lifetimeSeconds };
}

export function validPinSession(ctx: Pick<Ctx, 'secrets' | 'clock'>, signerId: string, value: string | undefined): boolean {
  const match = /^(\d{1,12})\.([\w-]{43})$/.exec(value ?? '');
  if (!match) return false;
  const expires = Number(match[1]);
  if (expires * 1000 <= ctx.clock().getTime()) return false;
  return safeEqual(match[2], ctx.secrets.mac(PURPOSE, `${signerId}:${expires}`));
}
