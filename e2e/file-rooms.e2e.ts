// Admin → File rooms in Debian's Chromium against the real server: the admin turns file rooms on with loopback
// allow-listed, registers a room whose secret is shown once, the room starts a process with a request signed with
// that secret, and the secret is not shown again.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { test } from 'node:test';
import { screenshot, withTracedContext } from './browser';
import { signInWithForm, useFlowServerAndBrowser } from './flow-server';
import { makePdf } from '../server/test/harness';

const suite = useFlowServerAndBrowser();

async function startFromRoom(roomId: string, secret: string) {
  const form = new FormData();
  form.set('process', JSON.stringify({ title: 'Lease from the file room', signers: [{ email: 'tenant@example.test' }] }));
  form.append('documents', new Blob([(await makePdf('Lease')) as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }), 'lease.pdf');
  form.set('folder', 'Leases/2026/Flat 4');
  const encoded = new Request('http://x/', { method: 'POST', body: form });
  const body = new Uint8Array(await encoded.arrayBuffer());
  const path = `/api/v1/file-rooms/${roomId}/processes`;
  const timestamp = String(Math.floor(Date.now() / 1000));
  const mac = createHmac('sha256', secret).update(`${timestamp}\nPOST\n${path}\n`).update(body).digest('hex');
  return fetch(`${suite.sut.server.url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': encoded.headers.get('content-type')!, 'X-Secure-Signature-Timestamp': timestamp, 'X-Secure-Signature-Signature': `sha256=${mac}` },
    body,
  });
}

test('the admin turns file rooms on, registers a room with its secret shown once, and the room starts a process', async (t) => {
  await withTracedContext(suite.browser, t.name, async (context) => {
    const page = await context.newPage();
    await signInWithForm(page, suite.sut);
    await page.goto(`${suite.sut.server.url}/admin/settings`);
    await page.getByRole('navigation', { name: 'Admin center' }).getByRole('link', { name: 'File rooms' }).click();
    await page.getByRole('heading', { name: 'File rooms', level: 1 }).waitFor();
    assert.equal(await page.getByLabel('File rooms enabled').isChecked(), false, 'off by default');
    await page.getByLabel('File rooms enabled').check();
    await page.getByLabel('Internal callbacks allowed').fill('127.0.0.0/8');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved.').waitFor();
    assert.equal(await page.getByLabel('File rooms enabled').isChecked(), true);

    await page.getByLabel('Name', { exact: true }).fill('HR contracts');
    await page.getByLabel('Callback URL').fill('http://127.0.0.1:9/finals');
    await page.getByRole('button', { name: 'Register file room' }).click();
    await page.getByText('the secret is shown only this once').waitFor();
    const secret = (await page.getByTestId('new-room-secret').textContent())!.trim();
    const roomId = (await page.getByTestId('new-room-id').textContent())!.trim();
    assert.match(secret, /^ssr_[A-Za-z0-9_-]{43}$/);
    await screenshot(page, 'admin-file-rooms-1280');

    const res = await startFromRoom(roomId, secret);
    const view = (await res.json()) as { folder: string; process: { signers: { email: string; status: string }[] } };
    assert.equal(res.status, 201, JSON.stringify(view));
    assert.equal(view.folder, 'Leases/2026/Flat 4');
    assert.deepEqual(view.process.signers.map((s) => [s.email, s.status]), [['tenant@example.test', 'invited']]);

    await page.goto(`${suite.sut.server.url}/admin/file-rooms`);
    const row = page.getByRole('row').filter({ hasText: 'HR contracts' });
    await row.getByText('http://127.0.0.1:9/finals').waitFor();
    assert.equal(await page.getByText(secret).count(), 0, 'the secret is not shown again');
    assert.equal((await row.getByRole('cell').nth(4).textContent())?.trim(), '1', 'one process started');
    await row.getByRole('button', { name: 'Disable HR contracts' }).click();
    await page.getByRole('row').filter({ hasText: 'HR contracts' }).getByRole('button', { name: 'Enable HR contracts' }).waitFor();
    assert.equal((await startFromRoom(roomId, secret)).status, 403, 'a disabled room is refused');
  });
});
