// Admin → Email API through the real app on PGlite and PostgreSQL: refused to non-admins, the settings saved into
// the one settings model (CSRF, admin log, the key masked and never logged), the listener's state on the page
// (listening with the admin's certificate, whose fingerprint openssl confirms, or why it cannot listen).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import nodemailer from 'nodemailer';
import { adminAuditEvents } from '../src/db/schema';
import { getSettings } from '../src/domain/settings/get-settings';
import { emailApiStatus, startEmailApi, type EmailApiListener } from '../src/email-api/start-email-api';
import { dbKinds, signInHeaders, startTestApp, type TestApp } from './harness';

function opensslCertificate(): { cert: string; key: string; fingerprint: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'ss-tls-'));
  try {
    const [certFile, keyFile] = [path.join(dir, 'cert.pem'), path.join(dir, 'key.pem')];
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyFile, '-out', certFile, '-days', '2', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'pipe' });
    const fingerprint = execFileSync('openssl', ['x509', '-in', certFile, '-noout', '-fingerprint', '-sha256']).toString().split('=')[1].trim();
    return { cert: readFileSync(certFile, 'utf8'), key: readFileSync(keyFile, 'utf8'), fingerprint };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function listenAnywhere(): Promise<Server> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  return s;
}
const portOf = (s: Server) => (s.address() as { port: number }).port;

for (const kind of dbKinds) {
  describe(`Admin → Email API on ${kind}`, () => {
    let t: TestApp;
    let listener: EmailApiListener;
    let headers: Record<string, string>;
    let csrf: string;
    before(async () => {
      t = await startTestApp(kind);
      const admin = await t.user({ isAdmin: true });
      headers = await signInHeaders(t, admin.email, admin.password);
      csrf = (await (await t.app.request('/admin/email-api', { headers })).text()).match(/name="_csrf" value="([^"]+)"/)![1];
      listener = startEmailApi(t.ctx, { pollMs: 3_600_000 });
      await listener.refresh();
    });
    after(async () => {
      await listener.stop();
      await t.close();
    });

    const form = (fields: Record<string, string>, h: Record<string, string> = headers) =>
      t.app.request('/admin/email-api/settings', { method: 'POST', headers: { ...h, Origin: 'http://localhost', 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });
    const fields = (port: number, more: Record<string, string> = {}) => ({
      _csrf: csrf,
      'emailApi.enabled': 'on',
      'emailApi.host': '127.0.0.1',
      'emailApi.port': String(port),
      'emailApi.maxMessageMb': '10',
      'emailApi.allowedSenders': 'Sender@Corp.test\r\n@partner.test',
      'emailApi.requireStartTls': 'on',
      ...more,
    });

    test('non-admins get nothing, and change nothing', async () => {
      const plain = await t.user();
      const h = await signInHeaders(t, plain.email, plain.password);
      assert.equal((await t.app.request('/admin/email-api', { headers: h })).status, 404);
      const token = (await (await t.app.request('/account', { headers: h })).text()).match(/name="_csrf" value="([^"]+)"/)?.[1] ?? '';
      assert.equal((await form({ ...fields(2525), _csrf: token }, h)).status, 404);
      assert.equal((await getSettings(t.ctx)).emailApi.enabled, false);
      assert.equal((await t.app.request('/admin/email-api')).status, 303);
    });

    test('off by default; the settings are saved with CSRF, logged without the key, and the key stays masked', async () => {
      const html = await (await t.app.request('/admin/email-api', { headers })).text();
      assert.match(html, /Not listening: the Email API is off/);
      const { cert, key, fingerprint } = opensslCertificate();
      const busy = await listenAnywhere();
      const port = portOf(busy);
      await new Promise((resolve) => busy.close(resolve));
      const all = fields(port, { 'emailApi.tlsCertificate': cert, 'emailApi.tlsKey': key });
      assert.equal((await form({ ...all, _csrf: '' })).status, 403, 'CSRF');
      assert.equal((await form(all)).status, 303);
      const s = (await getSettings(t.ctx)).emailApi;
      assert.deepEqual([s.enabled, s.port, s.allowedSenders, s.tlsKey], [true, port, ['sender@corp.test', '@partner.test'], key.trim()]);
      const log = JSON.stringify((await t.ctx.db.select().from(adminAuditEvents)).map((e) => e.details));
      assert.match(log, /emailApi\.tlsKey/);
      assert.ok(!log.includes('BEGIN PRIVATE KEY'), 'the key never reaches the log');

      await listener.refresh();
      const page = await (await t.app.request('/admin/email-api', { headers })).text();
      assert.match(page, new RegExp(`Listening</strong> on <span class="mono">127\\.0\\.0\\.1:${port}</span>`));
      assert.ok(page.includes(fingerprint), 'shows the fingerprint openssl computes');
      assert.ok(!page.includes('-----BEGIN PRIVATE KEY-----'), 'the key is never shown');
      const status = emailApiStatus();
      assert.equal(status.state === 'listening' && status.selfSigned, false);

      // The admin's certificate is what STARTTLS presents: a client trusting only it gets through.
      const transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, requireTLS: true, tls: { ca: cert } });
      assert.equal(await transport.verify(), true);

      // Saved again with the mask, the key is kept.
      const masked = page.match(/name="emailApi\.tlsKey"[^>]*>([^<]*)</)![1];
      assert.equal((await form(fields(port, { 'emailApi.tlsCertificate': cert, 'emailApi.tlsKey': masked }))).status, 303);
      assert.equal((await getSettings(t.ctx)).emailApi.tlsKey, key.trim());
    });

    test('a bad value is refused naming the setting; a port in use is shown as the error and tried again', async () => {
      const bad = await form(fields(2525, { 'emailApi.allowedSenders': 'everyone' }));
      assert.equal(bad.status, 400);
      assert.match(await bad.text(), /emailApi\.allowedSenders\.0: must be an address or @domain/);
      assert.equal((await getSettings(t.ctx)).emailApi.allowedSenders.length, 2);

      const busy = await listenAnywhere();
      try {
        assert.equal((await form(fields(portOf(busy)))).status, 303);
        await listener.refresh();
        const page = await (await t.app.request('/admin/email-api', { headers })).text();
        assert.match(page, new RegExp(`Cannot listen on <span class="mono">127\\.0\\.0\\.1:${portOf(busy)}</span>: .*EADDRINUSE`));
      } finally {
        await new Promise((resolve) => busy.close(resolve));
      }
      // Tried again on the next check: once the port is free, it listens, with no change of settings.
      await listener.refresh();
      assert.equal(emailApiStatus().state, 'listening');
    });
  });
}
