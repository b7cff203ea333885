// The outbox job that sends one queued message: an email through the configured transport (SMTP or Microsoft
// Graph), an SMS through the HTTP SMS gateway. The Message-ID (and the SMS's {{id}}) is derived from the message
// id, so that in the rare case of a crash between sending and recording, the resend carries the same id and the
// receiver drops the duplicate. Secure delivery: final documents for a recipient with a certificate are
// S/MIME-encrypted, and with Admin → Secure mail's signing on, every email is S/MIME-signed with the sealing key.
import { eq } from 'drizzle-orm';
import { messages, processes, reportTemplates } from '../../db/schema';
import { composeEntity, wrapEntity } from '../../smime/compose-mime';
import { encryptSmime } from '../../smime/encrypt-smime';
import { canSignSmime, signSmime } from '../../smime/sign-smime';
import type { Ctx } from '../context';
import { readDocumentFile } from '../document/read-document-file';
import { loadSealKey } from '../seal/load-seal-key';
import { findRecipientCertificate } from '../secure-mail/find-recipient-certificate';
import { getSettings } from '../settings/get-settings';
import { normalisePhone, sendSmsOverHttp } from '../sms/http-sms-gateway';
import { selectMailTransport, type MailTransport, type OutgoingMail } from './mail-transport';
import { renderStoredMessage } from './render-stored-message';

export async function deliverMessage(ctx: Ctx, input: { messageId: string; transport: MailTransport | null }): Promise<void> {
  const [message] = await ctx.db.select().from(messages).where(eq(messages.id, input.messageId));
  if (!message || message.status === 'sent' || message.status === 'captured') return;
  if (message.channel === 'sms') {
    const rendered = renderStoredMessage(ctx, message);
    await sendSmsOverHttp((await getSettings(ctx)).smsGateway, { id: message.id, to: normalisePhone(message.recipient), text: rendered.text });
  } else await sendEmail(ctx, message, input.transport);
  await ctx.db.update(messages).set({ status: 'sent', sentAt: ctx.clock(), lastError: null }).where(eq(messages.id, message.id));
}

/** The sender address of the process's report template, when it names one: mail of that process comes from it. */
async function reportTemplateSender(ctx: Ctx, processId: string | null): Promise<string | undefined> {
  if (!processId) return undefined;
  const [row] = await ctx.db
    .select({ address: reportTemplates.senderAddress })
    .from(processes)
    .innerJoin(reportTemplates, eq(reportTemplates.id, processes.reportTemplateId))
    .where(eq(processes.id, processId));
  return row?.address || undefined;
}

async function sendEmail(ctx: Ctx, message: typeof messages.$inferSelect, smtp: MailTransport | null): Promise<void> {
  const settings = await getSettings(ctx);
  const transport = selectMailTransport(settings, smtp);
  if (!transport) throw new Error('no mail transport is configured (SMTP_URL)');
  const rendered = renderStoredMessage(ctx, message);
  const attachments = [];
  for (const a of rendered.attachments) {
    const file = await readDocumentFile(ctx, { processId: message.processId!, documentId: a.documentId, version: a.version ?? 'final' });
    attachments.push({ filename: a.filename, content: file.bytes, contentType: 'application/pdf' });
  }
  const host = new URL(ctx.config.publicUrl).hostname;
  const mail: OutgoingMail = {
    messageId: `<${message.id}@${host}>`,
    from: (await reportTemplateSender(ctx, message.processId)) || settings.startForm.senderAddress || ctx.config.mailFrom,
    to: message.recipient,
    subject: rendered.subject,
    text: rendered.text,
    html: rendered.html,
    attachments,
  };
  const encrypt = message.template === 'completed' && (message.params as { smime?: boolean }).smime === true;
  if (!encrypt && !settings.secureDelivery.signMessages) return transport.send(mail);

  let entity = await composeEntity(mail);
  if (settings.secureDelivery.signMessages) {
    const seal = await loadSealKey(ctx);
    if (canSignSmime(seal.privateKeyPem)) entity = signSmime(entity, seal, ctx.clock());
    else ctx.log.warn('S/MIME signing needs an RSA sealing key; this message goes out unsigned');
  }
  if (encrypt) {
    const certificate = await findRecipientCertificate(ctx, { email: message.recipient });
    // Never fall back to plain text: the documents were meant to travel encrypted.
    if (!certificate) throw new Error(`the S/MIME certificate of ${message.recipient} was removed or has expired; the final documents were not sent`);
    entity = encryptSmime(entity, certificate.pem);
  }
  const raw = await wrapEntity({ ...mail, date: ctx.clock() }, entity);
  await transport.send({ messageId: mail.messageId, from: mail.from, to: mail.to, raw });
}
