// The outbox job that sends one queued email through the configured transport. The Message-ID is derived from
// the message id, so that in the rare case of a crash between sending and recording, the resend carries the same
// Message-ID and mail systems drop the duplicate.
import { eq } from 'drizzle-orm';
import { messages } from '../../db/schema';
import type { Ctx } from '../context';
import { readDocumentFile } from '../document/read-document-file';
import type { MailTransport } from './mail-transport';
import { renderStoredMessage } from './render-stored-message';

export async function deliverMessage(ctx: Ctx, input: { messageId: string; transport: MailTransport | null }): Promise<void> {
  const [message] = await ctx.db.select().from(messages).where(eq(messages.id, input.messageId));
  if (!message || message.status === 'sent' || message.status === 'captured') return;
  if (!input.transport) throw new Error('no mail transport is configured (SMTP_URL)');
  const rendered = renderStoredMessage(ctx, message);
  const attachments = [];
  for (const a of rendered.attachments) {
    const file = await readDocumentFile(ctx, { processId: message.processId!, documentId: a.documentId, version: 'final' });
    attachments.push({ filename: a.filename, content: file.bytes, contentType: 'application/pdf' });
  }
  const host = new URL(ctx.config.publicUrl).hostname;
  await input.transport.send({
    messageId: `<${message.id}@${host}>`,
    from: ctx.config.mailFrom,
    to: message.recipient,
    subject: rendered.subject,
    text: rendered.text,
    html: rendered.html,
    attachments,
  });
  await ctx.db.update(messages).set({ status: 'sent', sentAt: ctx.clock(), lastError: null }).where(eq(messages.id, message.id));
}
