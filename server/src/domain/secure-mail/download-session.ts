// After a right code, the browser holds a session for that one download link: "<expiry>.<mac>" keyed to the
// link, checked without a database row (like the signer PIN session).
import type { Ctx } from '../context';
import { safeEqual } from '../secrets';

const PURPOSE = 'secure-download-session';

export function issueDownloadSession(ctx: Pick<Ctx, 'secrets' | 'clock'>, downloadId: string, lifetimeSeconds: number): { value: string; maxAge: number } {
  const expires = Math.floor(ctx.clock().getTime() / 1000) + lifetimeSeconds;
  return { value: `${expires}.${ctx.secrets.mac(PURPOSE, `${downloadId}:${expires}`)}`, maxAge: lifetimeSeconds };
}

export function validDownloadSession(ctx: Pick<Ctx, 'secrets' | 'clock'>, downloadId: string, value: string | undefined): boolean {
  const match = /^(\d{1,12})\.([\w-]{43})$/.exec(value ?? '');
  if (!match) return false;
  const expires = Number(match[1]);
  if (expires * 1000 <= ctx.clock().getTime()) return false;
  return safeEqual(match[2], ctx.secrets.mac(PURPOSE, `${downloadId}:${expires}`));
}
