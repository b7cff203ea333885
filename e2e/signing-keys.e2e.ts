// Keys and purposes in Debian's Chromium against the real server: the admin generates an ECDSA sealing key, gives
// a user their own signing key (a mismatched pair is refused on the page), sets purposes; the user then signs a
// process by drawing, choosing a purpose and re-entering the account password, and the process page's Verify
// shows the signature valid.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { makePdf, processForm } from '../server/test/harness';
import { screenshot, withTracedContext } from './browser';
import { adminToken, changeSettings, invitationLinkFor, signInWithForm, useFlowServerAndBrowser } from './flow-server';

let dir: string;
const file = (name: string) => path.join(dir, name);
const suite = useFlowServerAndBrowser(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'ss-e2e-keys-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', file('user.key'), '-out', file('user.crt'), '-days', '30', '-subj', '/CN=Paula Purchaser'], { stdio: 'ignore' });
  execFileSync('openssl', ['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', file('other.key')], { stdio: 'ignore' });
});

after(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('the admin generates an ECDSA seal and gives a user a signing key; the user signs with purpose and password', async (t) => {
  const token = await adminToken(suite.sut);
  await changeSettings(suite.sut, token, { signingPurposes: { purposes: ['Approved', 'Reviewed'] } });
  await withTracedContext(suite.browser, t.name, async (context) => {
    const page = await context.newPage();
    await signInWithForm(page, suite.sut);

    await page.goto(`${suite.sut.server.url}/admin/seal`);
    await page.getByLabel('ECDSA P-256', { exact: false }).check();
    await page.getByLabel('Replace the current sealing key').check();
    await page.getByRole('button', { name: 'Generate and use' }).click();
    await page.getByText('The new certificate seals every document from now on.').waitFor();
    await page.locator('#seal-key').getByText('ECDSA prime256v1').waitFor();
    await screenshot(page, 'admin-seal-1280');

    await page.goto(`${suite.sut.server.url}/admin/users`);
    await page.getByLabel('Email').fill('paula@example.test');
    await page.getByLabel('Password').fill('paula-password-12');
    await page.getByRole('button', { name: 'Add user' }).click();
    await page.getByText('The user was added.').waitFor();

    await page.goto(`${suite.sut.server.url}/admin/signing-keys`);
    await page.getByText('Nobody yet').waitFor();
    await page.getByLabel('User').selectOption({ label: 'paula@example.test' });
    await page.getByLabel('Private key (PEM, not encrypted)').fill(readFileSync(file('other.key'), 'utf8'));
    await page.getByLabel('Its public key or certificate (PEM)').fill(readFileSync(file('user.crt'), 'utf8'));
    await page.getByRole('button', { name: 'Save the key' }).click();
    await page.getByText('The public key or certificate does not belong to this private key').waitFor();
    await page.getByLabel('User').selectOption({ label: 'paula@example.test' });
    await page.getByLabel('Private key (PEM, not encrypted)').fill(readFileSync(file('user.key'), 'utf8'));
    await page.getByLabel('Its public key or certificate (PEM)').fill(readFileSync(file('user.crt'), 'utf8'));
    await page.getByRole('button', { name: 'Save the key' }).click();
    await page.getByText('The key is saved').waitFor();
    await page.locator('#signing-keys').getByText('CN=Paula Purchaser').waitFor();
    await screenshot(page, 'admin-signing-keys-1280');
  });

  const res = await fetch(`${suite.sut.server.url}/api/v1/processes`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}` },
    body: processForm({ title: 'Purchase order 7', signers: [{ email: 'paula@example.test' }], signatureMethods: ['handwritten', 'button'] }, [{ name: 'po.pdf', bytes: await makePdf('PO', 1) }]),
  });
  assert.equal(res.status, 201);
  const processId = (await res.json()).id;
  const link = await invitationLinkFor(suite.sut, 'paula@example.test', 'Purchase order 7');

  await withTracedContext(suite.browser, `${t.name} (signer)`, async (context) => {
    const page = await context.newPage();
    await page.goto(link);
    // Drawing first, without purpose and password: the page points at the missing field instead of sending.
    const draw = async () => {
      await page.locator('canvas[data-signature-pad]').scrollIntoViewIfNeeded();
      const box = (await page.locator('canvas[data-signature-pad]').boundingBox())!;
      await page.mouse.move(box.x + 20, box.y + 40);
      await page.mouse.down();
      await page.mouse.move(box.x + 160, box.y + 90, { steps: 8 });
      await page.mouse.up();
    };
    await draw();
    await page.getByRole('button', { name: 'Sign with this signature' }).click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'purpose');
    await page.getByLabel('Purpose of your signature').selectOption('Reviewed');
    await page.getByLabel('Password of your account').fill('wrong-password');
    await page.getByRole('button', { name: 'Sign', exact: true }).click();
    await page.getByText('Wrong password.').waitFor();

    await page.getByLabel('Purpose of your signature').selectOption('Reviewed');
    await page.getByLabel('Password of your account').fill('paula-password-12');
    await page.setViewportSize({ width: 450, height: 900 });
    await draw();
    await screenshot(page, 'signing-purpose-password-450');
    await page.getByRole('button', { name: 'Sign with this signature' }).click();
    await page.getByText('Thank you: your signature is recorded.').waitFor();
  });

  const checked = await (await fetch(`${suite.sut.server.url}/api/v1/processes/${processId}/verify`, { headers: { Authorization: `Bearer ${token}` } })).json();
  assert.equal(checked.signatures.length, 1);
  assert.ok(checked.signatures[0].valid, JSON.stringify(checked.signatures[0].problems));
});
