// Admin → Email API in Debian's Chromium against the real server process: the admin turns the API on, the page
// shows the listener (address, port, the self-signed certificate's fingerprint) once the running server has
// picked the change up without a restart, and a message sent by nodemailer over STARTTLS appears as a process.
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { test } from 'node:test';
import nodemailer from 'nodemailer';
import { makePdf } from '../server/test/harness';
import { screenshot, waitUntil, withTracedContext } from './browser';
import { admin, signInWithForm, useFlowServerAndBrowser } from './flow-server';

const suite = useFlowServerAndBrowser();

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const { port } = s.address() as { port: number };
  await new Promise((resolve) => s.close(resolve));
  return port;
}

test('the admin turns the Email API on and a message by SMTP starts a process', async (t) => {
  await withTracedContext(suite.browser, t.name, async (context) => {
    const page = await context.newPage();
    await signInWithForm(page, suite.sut);
    await page.goto(`${suite.sut.server.url}/admin/settings`);
    await page.getByRole('navigation', { name: 'Admin center' }).getByRole('link', { name: 'Email API' }).click();
    await page.getByRole('heading', { name: 'Email API', level: 1 }).waitFor();
    await page.getByText('Not listening: the Email API is off.').waitFor();

    const port = await freePort();
    await page.getByLabel('Email API enabled').check();
    await page.getByLabel('SMTP port').fill(String(port));
    await page.getByLabel('Allowed senders').fill(admin.email);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved.').waitFor();

    // The running server checks its settings every few seconds.
    await waitUntil('the page shows the listener', async () => {
      await page.reload();
      return page.getByText(`127.0.0.1:${port}`).isVisible();
    });
    assert.match((await page.locator('#email-api-status').textContent())!, /Self-signed certificate, SHA-256 fingerprint: ([0-9A-F]{2}:){31}[0-9A-F]{2}/);
    await screenshot(page, 'admin-email-api-1280');

    // Only in the test: the server's self-signed certificate is not checked against a CA.
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, requireTLS: true, tls: { rejectUnauthorized: false } });
    const info = await transport.sendMail({
      from: admin.email,
      to: 'sign@example.test',
      subject: 'Supplier agreement by email',
      text: 'Please sign.',
      headers: { 'X-Secure-Signature-Signers': '"Carla C" <carla@example.test>' },
      attachments: [{ filename: 'agreement.pdf', content: Buffer.from(await makePdf('Agreement', 1)) }],
    });
    assert.match(info.response, /^250 Process [0-9a-f-]{36} started/);
    await page.goto(`${suite.sut.server.url}/processes`);
    await page.getByText('Supplier agreement by email').first().waitFor();
  });
});
