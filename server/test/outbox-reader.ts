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
  const mails = (await readOutbox(ctx)).filter((m) => m.recipient === email && /invitation|reminder/.test(m.template));
  const text = mails.at(-1)?.text;
  const match = text?.match(/https?:\/\/[^/\s]+(\/s\/[A-Za-z0-9_-]+)/);
  if (!match) throw new Error(`no signing link was sent to ${email}`);
  return match[1];
}
