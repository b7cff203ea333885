// Puts an email or SMS in the outbox in the caller's transaction. Without a way to send it (no SMTP; SMS gateway
// "outbox") it stays there as "captured" (read by an admin at /outbox); otherwise a delivery job sends it once the
// transaction has committed. The admin's wording of the message (Admin → Message templates), if any, is copied in,
// so the message renders the same on every retry.
import { randomUUID } from 'node:crypto';
import { messages } from '../../db/schema';
import type { Ctx } from '../context';
import { enqueueJob } from '../outbox/enqueue-job';
import { getSettings } from '../settings/get-settings';
import { findTemplateOverride } from '../template/find-template-override';
import { canSendEmail } from './mail-transport';
import type { MessageParams, MessageTemplate } from './templates';

export async function queueMessage<T extends MessageTemplate>(
  ctx: Ctx,
  input: { processId: string | null; recipient: string; template: T; params: MessageParams[T]; channel?: 'email' | 'sms' },
): Promise<string> {
  const id = randomUUID();
  const channel = input.channel ?? 'email';
  const settings = await getSettings(ctx);
  const canSend = channel === 'email' ? canSendEmail(ctx.config, settings) : settings.smsGateway.kind === 'http';
  const status = canSend ? 'queued' : 'captured';
  const override = await findTemplateOverride(ctx, { template: input.template, params: input.params });
  await ctx.db.insert(messages).values({
    id,
    processId: input.processId,
    channel,
    recipient: input.recipient,
    template: input.template,
    params: (override ? { ...input.params, override } : input.params) as unknown as Record<string, unknown>,
    status,
    createdAt: ctx.clock(),
  });
  if (status === 'queued') {
    await enqueueJob(ctx, { kind: 'deliver-message', payload: { messageId: id }, dedupeKey: `deliver:${id}` });
  }
  return id;
}
