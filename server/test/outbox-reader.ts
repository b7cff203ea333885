// Reads the built-in outbox the way an admin would: rendered messages, with the signing links they carry.
import { asc } from 'drizzle-orm';
import { messages } from '../src/db/schema';
import type { Ctx } from '../src/domain/context';
import { renderStoredMessage } from '../src/domain/mail/render-stored-message';

export async function readOutbox(ctx: Ctx) {
  const rows = await ctx.db.select().from(messages).orderBy(asc(messages.createdAt), asc(messages.id));
  return rows.map((m) => ({ ...m, ...renderStoredMessage(ctx, m) }));
}

/** The signing link in the newest invitation or reminder to `email`, as a path (/s/<token>). */
export async function signingPathFor(ctx: Ctx, email: string): Promise<string> {
  const mails = (await readOutbox(ctx)).filter((m) => m.recipient === email && /invitation|forwarded|reminder/.test(m.template));
  const text = mails.at(-1)?.text;
  const match = text?.match(/https?:\/\/[^/\s]+(\/s\/[A-Za-z0-9_-]+)/);
  if (!match) throw new Error(`no signing link was sent to ${email}`);
  return match[1];
}

/** The PIN in the newest SMS to `phone` (the outbox keeps SMS like email when no gateway sends them). */
export async function lastPinFor(ctx: Ctx, phone: string): Promise<string> {
  const sms = (await readOutbox(ctx)).filter((m) => m.channel === 'sms' && m.recipient === phone && m.template === 'pin');
  const match = sms.at(-1)?.text.match(/: ([0-9A-Z]{4,12})\./);
  if (!match) throw new Error(`no PIN was sent to ${phone}`);
  return match[1];
}
