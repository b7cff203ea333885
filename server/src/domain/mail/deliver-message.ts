// The outbox job that sends one queued message: an email through the configured transport, an SMS through the
// HTTP SMS gateway. The Message-ID (and the SMS's {{id}}) is derived from the message id, so that in the rare case
// of a crash between sending and recording, the resend carries the same id and the receiver drops the duplicate.
import { eq } from 'drizzle-orm';
import { messages } from '../../db/schema';
import type { Ctx } from '../context';
import { readDocumentFile } from '../document/read-document-file';
import type { MailTransport } from './mail-transport';
import { renderStoredMessage } from './render-stored-message';
import { getSettings } from '../settings/get-settings';
import { normalisePhone, sendSmsOverHttp } from '../sms/http-sms-gateway';

export async function deliverMessage(ctx: Ctx, input: { messageId: string; transport: MailTransport | null }): Promise<void> {
  const [message] = await ctx.db.select().from(messages).where(eq(messages.id, input.messageId));
  if (!message || message.status === 'sent' || message.status === 'captured') return;
  if (message.channel === 'sms') {
    const rendered = renderStoredMessage(ctx, message);
    await sendSmsOverHttp((await getSettings(ctx)).smsGateway, { id: message.id, to: normalisePhone(message.recipient), text: rendered.text });
  } else await sendEmail(ctx, message, input.transport);
  await ctx.db.update(messages).set({ status: 'sent', sentAt: ctx.clock(), lastError: null }).where(eq(messages.id, message.id));
}

async function sendEmail(ctx: Ctx, message: typeof messages.$inferSelect, transport: MailTransport | null): Promise<void> {
  if (!transport) throw new Error('no mail transport is configured (SMTP_URL)');
  const rendered = renderStoredMessage(ctx, message);
  const attachments = [];
  for (const a of rendered.attachments) {
    const file = await readDocumentFile(ctx, { processId: message.processId!, documentId: a.documentId, version: 'final' });
    attachments.push({ filename: a.filename, content: file.bytes, contentType: 'application/pdf' });
  }
  const host = new URL(ctx.config.publicUrl).hostname;
  await transport.send({
    messageId: `<${message.id}@${host}>`,
    from: (await getSettings(ctx)).startForm.senderAddress || ctx.config.mailFrom,
    to: message.recipient,
    subject: rendered.subject,
    text: rendered.text,
    html: rendered.html,
    attachments,
  });
}
