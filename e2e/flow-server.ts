// The system under test for the browser flows: the real server as a child process on its `npm start` defaults
// (embedded PGlite in a temporary DATA_DIR) delivering through a real SMTP peer on loopback.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './browser';
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

/** An API token of the admin, made with Basic authentication as a program would. */
export async function adminToken(sut: FlowServer): Promise<string> {
  const basic = `Basic ${Buffer.from(`${admin.email}:${admin.password}`).toString('base64')}`;
  const res = await fetch(`${sut.server.url}/api/v1/tokens`, { method: 'POST', headers: { Authorization: basic, 'Content-Type': 'application/json' }, body: '{"label":"e2e"}' });
  if (res.status !== 201) throw new Error(`no token: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

/** The signing link in the invitation `email` received for `title`, once it has arrived. */
export async function invitationLinkFor(sut: FlowServer, email: string, title: string): Promise<string> {
  const subject = `Signature request: ${title}`;
  const mails = await sut.smtp.waitFor((all) => mailsTo(all, email, subject).length > 0, 30_000);
  return signingLink(mailsTo(mails, email, subject)[0]);
}

/** Changes some settings of some sections through the admin API (PUT replaces all, so the rest is sent as it is). */
export async function changeSettings(sut: FlowServer, token: string, change: Record<string, Record<string, unknown>>): Promise<void> {
  const auth = { Authorization: `Bearer ${token}` };
  const current = (await (await fetch(`${sut.server.url}/api/v1/admin/settings`, { headers: auth })).json()) as Record<string, Record<string, unknown>>;
  for (const [section, values] of Object.entries(change)) current[section] = { ...current[section], ...values };
  const res = await fetch(`${sut.server.url}/api/v1/admin/settings`, { method: 'PUT', headers: { ...auth, 'Content-Type': 'application/json' }, body: JSON.stringify(current) });
  if (res.status !== 200) throw new Error(`settings refused: ${res.status} ${await res.text()}`);
}

/** Signs `page` in through the login form, as the admin unless told otherwise; waits for the process list. */
export async function signInWithForm(page: Page, sut: FlowServer, login = admin.email, password = admin.password): Promise<void> {
  await page.goto(`${sut.server.url}/login`);
  await page.getByLabel('Username or email').fill(login);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL('**/processes');
}

/** Registers the test identity provider (server/test/oidc-idp.ts) as the method "oidc:testbank". */
export async function addTestBank(sut: FlowServer, token: string, idp: { issuer: string; clientId: string; clientSecret: string }): Promise<void> {
  const res = await fetch(`${sut.server.url}/api/v1/admin/identity-providers`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ id: 'testbank', name: 'Test bank ID', preset: 'ftn', issuer: idp.issuer, clientId: idp.clientId, clientSecret: idp.clientSecret }),
  });
  if (res.status !== 201) throw new Error(`identity provider refused: ${res.status} ${await res.text()}`);
}

/** The usual setup of a browser test file: the server and a browser, started before its tests (in parallel) and
 *  closed after them; `setup` runs once both are up (the file's own fixtures). Read `.sut` and `.browser` in tests. */
export function useFlowServerAndBrowser(setup?: (suite: { sut: FlowServer; browser: Browser }) => Promise<void>): { sut: FlowServer; browser: Browser } {
  const suite = {} as { sut: FlowServer; browser: Browser };
  before(async () => {
    [suite.sut, suite.browser] = await Promise.all([startFlowServer(), launchBrowser()]);
    await setup?.(suite);
  });
  after(async () => {
    await suite.browser?.close();
    await suite.sut?.close();
  });
  return suite;
}
