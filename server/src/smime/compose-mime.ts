// Builds MIME with nodemailer's composer: a whole message (what Microsoft Graph's sendMail takes), or only the
// content entity (body and attachments, no addressing) that S/MIME signs and encrypts.
import MailComposer from 'nodemailer/lib/mail-composer';
import MimeNode from 'nodemailer/lib/mime-node';

export interface MailContent {
  text: string;
  html: string;
  attachments: { filename: string; content: Uint8Array; contentType: string }[];
}

export interface MailHeaders {
  messageId: string;
  from: string;
  to: string;
  subject: string;
  date?: Date;
}

const attachmentsOf = (c: MailContent) => c.attachments.map((a) => ({ filename: a.filename, content: Buffer.from(a.content), contentType: a.contentType }));

/** A complete RFC 5322 message. */
export async function composeMessage(headers: MailHeaders, content: MailContent): Promise<Buffer> {
  const composer = new MailComposer({ ...headers, text: content.text, html: content.html, attachments: attachmentsOf(content) });
  return composer.compile().build();
}

/** The content entity alone (Content-Type and its parts), lines ending in CRLF: what gets signed or encrypted. */
export async function composeEntity(content: MailContent): Promise<Buffer> {
  const root = new MailComposer({ text: content.text, html: content.html, attachments: attachmentsOf(content) }).compile();
  // Signatures are checked over the canonical form (CRLF line ends, RFC 8551 3.1.1): a bare LF in a 7bit part would
  // make the digest differ.
  return stripMessageHeaders(Buffer.from((await root.build()).toString('binary').replace(/\r?\n/g, '\r\n'), 'binary'));
}

/** A message whose body is an already built entity (the S/MIME wrapper): addressing headers plus the entity's. */
export async function wrapEntity(headers: MailHeaders, entity: Buffer): Promise<Buffer> {
  const root = new MimeNode('text/plain');
  root.setHeader({ From: headers.from, To: headers.to, Subject: headers.subject, 'Message-ID': headers.messageId, Date: (headers.date ?? new Date()).toUTCString() });
  const top = (await root.build()).toString('binary');
  const ownHeaders = top
    .slice(0, top.indexOf('\r\n\r\n'))
    .split(/\r\n(?![ \t])/)
    .filter((h) => !/^(content-type|content-transfer-encoding):/i.test(h))
    .join('\r\n');
  return Buffer.concat([Buffer.from(`${ownHeaders}\r\n`, 'binary'), entity]);
}

// The composer always adds Date, Message-ID and MIME-Version; inside a signed or encrypted entity they only repeat
// the outer message's, so they are dropped.
function stripMessageHeaders(message: Buffer): Buffer {
  const s = message.toString('binary');
  const end = s.indexOf('\r\n\r\n');
  const kept = s
    .slice(0, end)
    .split(/\r\n(?![ \t])/)
    .filter((h) => /^content-/i.test(h))
    .join('\r\n');
  return Buffer.from(`${kept}${s.slice(end)}`, 'binary');
}
