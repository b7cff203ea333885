// Sends a fully built email. Back-ends, chosen in one place (selectMailTransport): SMTP (nodemailer, SMTP_URL)
// or Microsoft Graph (Admin → Secure mail). A message that S/MIME signed or encrypted arrives already built to
// the byte (RawMail) and is sent exactly as it is.
import nodemailer from 'nodemailer';
import type { Settings } from '@secure-signature/shared';
import type { Config } from '../../config/config';
import { graphMailTransport } from './graph-mail-transport';

export interface OutgoingMail {
  messageId: string;
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  attachments: { filename: string; content: Uint8Array; contentType: string }[];
}

/** A complete RFC 5322 message (headers and body) with the envelope it goes in. */
export interface RawMail {
  messageId: string;
  from: string;
  to: string;
  raw: Buffer;
}

export interface MailTransport {
  send(mail: OutgoingMail | RawMail): Promise<void>;
}

export const isRawMail = (mail: OutgoingMail | RawMail): mail is RawMail => 'raw' in mail;

export function createMailTransport(config: Config): MailTransport | null {
  if (!config.smtpUrl) return null;
  const smtp = nodemailer.createTransport(config.smtpUrl);
  return {
    async send(mail) {
      if (isRawMail(mail)) {
        await smtp.sendMail({ envelope: { from: mail.from, to: [mail.to] }, messageId: mail.messageId, raw: mail.raw });
        return;
      }
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

/** The transport email goes out through now: Graph when the admin chose it, else SMTP (null: none configured). */
export function selectMailTransport(settings: Pick<Settings, 'mailTransport'>, smtp: MailTransport | null): MailTransport | null {
  const kind = settings.mailTransport.kind;
  switch (kind) {
    case 'graph':
      return graphMailTransport(settings.mailTransport);
    case 'smtp':
      return smtp;
    default: {
      const never: never = kind;
      throw new Error(`unknown mail transport ${String(never)}`);
    }
  }
}

/** Whether email can go out at all (else messages stay in the outbox as captured). */
export const canSendEmail = (config: Pick<Config, 'smtpUrl'>, settings: Pick<Settings, 'mailTransport'>) =>
  settings.mailTransport.kind === 'graph' || Boolean(config.smtpUrl);
