// Puts an email in the outbox in the caller's transaction. Without SMTP it stays there as "captured" (read by an
// admin at /outbox); with SMTP a delivery job sends it once the transaction has committed.
import { randomUUID } from 'node:crypto';
import { messages } from '../../db/schema';
import type { Ctx } from '../context';
import { enqueueJob } from '../outbox/enqueue-job';
import type { MessageParams, MessageTemplate } from './templates';

export async function queueMessage<T extends MessageTemplate>(
  ctx: Ctx,
  input: { processId: string | null; recipient: string; template: T; params: MessageParams[T] },
): Promise<string> {
  const id = randomUUID();
  const status = ctx.config.smtpUrl ? 'queued' : 'captured';
  await ctx.db.insert(messages).values({
    id,
    processId: input.processId,
    channel: 'email',
    recipient: input.recipient,
    template: input.template,
    params: input.params as unknown as Record<string, unknown>,
    status,
    createdAt: ctx.clock(),
  });
  if (status === 'queued') {
    await enqueueJob(ctx, { kind: 'deliver-message', payload: { messageId: id }, dedupeKey: `deliver:${id}` });
  }
  return id;
}
