// The Email API's SMTP server (smtp-server): STARTTLS offered with the configured or self-signed certificate,
// and each check refusing at its SMTP stage with a reply the sending MTA turns into the bounce reason:
// MAIL FROM without STARTTLS (530 5.7.0) or from a sender not allowed (550 5.7.1); DATA over the size (552 5.3.4);
// a message that cannot start a process (554 5.6.0, the reason in the text). Only then does one transaction start it.
import type { Settings } from '@secure-signature/shared';
import { simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import type { Ctx } from '../domain/context';
import { findEmailSender } from '../domain/email-api/find-email-sender';
import { startEmailProcess } from '../domain/email-api/start-email-process';
import { DomainError } from '../domain/errors';
import { getSettings } from '../domain/settings/get-settings';
import type { EmailApiTls } from './email-api-tls';
import { mailToStartInput } from './mail-to-start-input';

type SmtpError = Error & { responseCode: number };

function reply(responseCode: number, text: string): SmtpError {
  // One line, short enough for any MTA to carry into its bounce.
  return Object.assign(new Error(text.replace(/[\r\n]+/g, ' ').slice(0, 400)), { responseCode });
}

export function createSmtpServer(ctx: Ctx, s: Settings['emailApi'], tls: EmailApiTls): SMTPServer {
  const maxBytes = s.maxMessageMb * 1024 * 1024;

  const sender = async (session: SMTPServerSession, address: string) => {
    const { emailApi } = await getSettings(ctx);
    if (!emailApi.enabled) throw reply(550, '5.7.1 The Email API is not enabled');
    try {
      return await findEmailSender(ctx, { address, allowed: emailApi.allowedSenders });
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      ctx.log.info('email api: sender refused', { from: address, client: session.remoteAddress });
      throw reply(550, `5.7.1 ${err.message}`);
    }
  };

  const receive = async (stream: SMTPServerDataStream, session: SMTPServerSession) => {
    const chunks: Buffer[] = [];
    let size = 0;
    // Read to the end (the client waits for the reply after its final dot), keeping nothing past the limit.
    for await (const chunk of stream) {
      size += (chunk as Buffer).length;
      if (size <= maxBytes) chunks.push(chunk as Buffer);
    }
    if (stream.sizeExceeded || size > maxBytes) throw reply(552, `5.3.4 The message is larger than the limit of ${s.maxMessageMb} MB`);
    const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
    const actor = await sender(session, from);
    const mail = await simpleParser(Buffer.concat(chunks));
    const messageId = mail.messageId ?? '';
    try {
      const { processId, repeated } = await startEmailProcess({ ...ctx, actor, ip: session.remoteAddress }, { from, messageId, ...mailToStartInput(mail) });
      ctx.log.info(repeated ? 'email api: message delivered again' : 'email api: process started', { from, messageId, processId });
      return repeated ? `Process ${processId} was already started by this message` : `Process ${processId} started`;
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      ctx.log.info('email api: message refused', { from, messageId, reason: err.message });
      if (err.code === 'forbidden') throw reply(550, `5.7.1 ${err.message}`);
      if (err.code === 'too_large') throw reply(552, `5.3.4 ${err.message}`);
      throw reply(554, `5.6.0 ${err.message}`);
    }
  };

  return new SMTPServer({
    banner: 'Secure Signature Email API',
    key: tls.key,
    cert: tls.cert,
    size: maxBytes,
    authOptional: true,
    disabledCommands: ['AUTH'],
    maxClients: 50,
    // A stop (settings change, shutdown) waits this long for open sessions before closing them.
    closeTimeout: 5000,
    logger: false,
    onMailFrom(address, session, callback) {
      if (s.requireStartTls && !session.secure) return callback(reply(530, '5.7.0 Must issue a STARTTLS command first'));
      sender(session, address.address).then(() => callback(), callback);
    },
    onRcptTo(_address, _session, callback) {
      callback();
    },
    onData(stream, session, callback) {
      receive(stream, session).then(
        (answer) => callback(null, answer),
        (err: unknown) => {
          if (err instanceof Error && 'responseCode' in err) return callback(err);
          ctx.log.error('email api: message failed', { error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
          callback(reply(451, '4.3.0 The message could not be processed now; try again later'));
        },
      );
    },
  });
}
