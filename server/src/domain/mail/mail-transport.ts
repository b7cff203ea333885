// Sends a fully built email. The SMTP transport (nodemailer) is the one real back-end today; Microsoft Graph
// joins here later. Chosen in one place from configuration.
import nodemailer from 'nodemailer';
import type { Config } from '../../config/config';

export interface OutgoingMail {
  messageId: string;
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  attachments: { filename: string; content: Uint8Array; contentType: string }[];
}

export interface MailTransport {
  send(mail: OutgoingMail): Promise<void>;
}

export function createMailTransport(config: Config): MailTransport | null {
  if (!config.smtpUrl) return null;
  const smtp = nodemailer.createTransport(config.smtpUrl);
  return {
    async send(mail) {
      await smtp.sendMail({
        messageId: mail.messageId,
        from: mail.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        attachments: mail.attachments.map((a) => ({ filename: a.filename, content: Buffer.from(a.content), contentType: a.contentType })),
      });
    },
  };
}
