// The system under test for the browser flows: the real server as a child process on its `npm start` defaults
// (embedded PGlite in a temporary DATA_DIR) delivering through a real SMTP peer on loopback.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServerProcess, type ServerProcess } from '../server/test/server-process';
import { startSmtpPeer, type ReceivedMail, type SmtpPeer } from '../server/test/smtp-peer';

export const admin = { email: 'admin@example.test', password: 'e2e-admin-password-1' };

export interface FlowServer {
  server: ServerProcess;
  smtp: SmtpPeer;
  close(): Promise<void>;
}

export async function startFlowServer(): Promise<FlowServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ss-e2e-'));
  const smtp = await startSmtpPeer();
  let server: ServerProcess;
  try {
    server = await startServerProcess({
      DATA_DIR: dataDir,
      SMTP_URL: smtp.url,
      ADMIN_EMAIL: admin.email,
      ADMIN_PASSWORD: admin.password,
      WORKER_POLL_MS: '100',
      LOG_LEVEL: 'warn',
    });
  } catch (err) {
    await smtp.close();
    rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
  return {
    server,
    smtp,
    async close() {
      // A clean SIGTERM first (the worker stops, PGlite closes); SIGKILL if it hangs, so the run never does.
      const timer = setTimeout(() => void server.stop('SIGKILL'), 10_000);
      await server.stop();
      clearTimeout(timer);
      await smtp.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The mails with this subject, by recipient. */
export const mailsTo = (mails: ReceivedMail[], to: string, subject: string) => mails.filter((m) => m.to === to && m.subject === subject);

/** The personal signing link in an invitation. */
export function signingLink(mail: ReceivedMail): string {
  const link = mail.text.match(/https?:\/\/\S+\/s\/[A-Za-z0-9_-]+/)?.[0];
  if (!link) throw new Error(`no signing link in the mail to ${mail.to}:\n${mail.text}`);
  return link;
}
