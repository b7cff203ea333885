// The outbox as an admin reads it: every email, newest first, rendered (links included).
import { count, desc, eq } from 'drizzle-orm';
import { messages } from '../../db/schema';
import { requireActor, type Ctx } from '../context';
import { forbidden, notFound } from '../errors';
import { renderStoredMessage } from './render-stored-message';

export async function listMessages(ctx: Ctx, input: { limit: number; offset: number }) {
  if (!requireActor(ctx).isAdmin) throw forbidden('Only administrators can read the outbox');
  const [rows, [{ total }]] = await Promise.all([
    ctx.db.select().from(messages).orderBy(desc(messages.createdAt), desc(messages.id)).limit(input.limit).offset(input.offset),
    ctx.db.select({ total: count() }).from(messages),
  ]);
  return { total, messages: rows.map((m) => ({ ...m, rendered: renderStoredMessage(ctx, m) })) };
}

export async function getMessage(ctx: Ctx, input: { messageId: string }) {
  if (!requireActor(ctx).isAdmin) throw forbidden('Only administrators can read the outbox');
  if (!/^[0-9a-f-]{36}$/i.test(input.messageId)) throw notFound('Message');
  const [m] = await ctx.db.select().from(messages).where(eq(messages.id, input.messageId));
  if (!m) throw notFound('Message');
  return { ...m, rendered: renderStoredMessage(ctx, m) };
}
