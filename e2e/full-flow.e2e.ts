// The foundation's flow end to end, in Debian's Chromium against the real server process and a real SMTP peer:
// the admin signs in and makes an API token, a program starts a process with it, two signers sign in order from
// their emails, and everyone receives the sealed PDF; and a rejection that stops a process. Screenshots of every
// page land in test-results/screenshots/ for a person to look at.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { makePdf, processForm } from '../server/test/harness';
import { runPdfsig } from '../server/src/seal/pdfsig.test-helper';
import { screenshot, screenshotsDir, scrollWidth, waitUntil, withTracedContext } from './browser';
import { admin, adminToken, changeSettings, mailsTo, signingLink, useFlowServerAndBrowser } from './flow-server';

const MAIL_TIMEOUT = 30_000;
let pdf: Uint8Array;
const suite = useFlowServerAndBrowser(async () => {
  pdf = await makePdf('Employment contract', 2);
  // The processes carry a plain attachment, which the admin must allow (off by default).
  await changeSettings(suite.sut, await adminToken(suite.sut), { startForm: { attachments: 'shown' } });
});

/** Starts a process as a program does: multipart POST with a bearer token. */
async function startProcess(token: string, process: Parameters<typeof processForm>[0]) {
  const res = await fetch(`${suite.sut.server.url}/api/v1/processes`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}` },
    body: processForm(process, [{ name: 'contract.pdf', bytes: pdf }], [{ name: 'terms.txt', bytes: new TextEncoder().encode('Terms and conditions'), type: 'text/plain' }]),
  });
  assert.equal(res.status, 201, await res.clone().text());
  return (await res.json()) as { id: string; documents: { id: string; filename: string; sha256: string }[] };
}

async function invitationLink(email: string, title: string) {
  const mails = await suite.sut.smtp.waitFor((all) => mailsTo(all, email, `Signature request: ${title}`).length > 0, MAIL_TIMEOUT);
  return signingLink(mailsTo(mails, email, `Signature request: ${title}`)[0]);
}

async function assertFitsPhone(page: Page, what: string) {
  const width = await scrollWidth(page);
  assert.ok(width <= 390, `${what} scrolls sideways at phone width: ${width}px wide`);
}

/** At 390×844 (a phone): no sideways scrolling, and a screenshot `<name>-390`; then back to the desktop size. */
async function checkPhoneWidth(page: Page, what: string, name: string) {
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, `${name}-390`);
  await assertFitsPhone(page, what);
  await page.setViewportSize({ width: 1280, height: 900 });
}

const byteRange = (bytes: Uint8Array) => {
  const m = Buffer.from(bytes).toString('latin1').match(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/);
  assert.ok(m, 'the final PDF has a /ByteRange');
  return m.slice(1).map(Number);
};

test('admin makes a token, a program starts a process, two signers sign in order, everyone gets the sealed PDF', async (t) => {
  const title = 'Employment contract E2E';
  const signers = [{ email: 'anna@example.test', name: 'Anna Example' }, { email: 'bob@example.test' }];
  await withTracedContext(suite.browser, t.name, async (context) => {
    const page = await context.newPage();

    // 1. Sign in (wrong password first), then make an API token on the Account page.
    await page.goto(suite.sut.server.url);
    assert.equal(new URL(page.url()).pathname, '/login');
    await screenshot(page, 'login');
    await page.getByLabel('Username or email').fill(admin.email);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').waitFor();
    assert.equal(new URL(page.url()).pathname, '/login');
    await screenshot(page, 'login-error');
    assert.equal(await page.getByLabel('Username or email').inputValue(), admin.email, 'the login is kept');
    await page.getByLabel('Password').fill(admin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/processes');

    await page.getByRole('link', { name: 'Account' }).click();
    await page.waitForURL('**/account');
    await page.getByLabel('Label for a new token').fill('HR system');
    await page.getByRole('button', { name: 'Create token' }).click();
    const token = (await page.locator('#new-token').innerText()).trim();
    assert.match(token, /^sst_\S+$/);
    assert.equal(await page.getByRole('row').filter({ hasText: 'HR system' }).count(), 1, 'the new token is listed');
    await screenshot(page, 'account-new-token');
    await checkPhoneWidth(page, 'the account page', 'account-new-token');

    // A second token, revoked: it no longer opens the API.
    await page.getByLabel('Label for a new token').fill('Old script');
    await page.getByRole('button', { name: 'Create token' }).click();
    const old = (await page.locator('#new-token').innerText()).trim();
    await page.getByRole('button', { name: 'Revoke token Old script' }).click();
    await page.getByText('The token was revoked.').waitFor();
    assert.equal(await page.getByRole('row').filter({ hasText: 'Old script' }).count(), 0);
    assert.equal((await fetch(`${suite.sut.server.url}/api/v1/tokens`, { headers: { Authorization: `Bearer ${old}` } })).status, 401);

    // 2. A program starts the process with that token.
    const process = await startProcess(token, {
      title,
      message: 'Please sign by Friday.\nThank you!',
      signers,
      signingOrder: true,
      signaturePagePosition: 'last',
    });

    // 3. The first signer's invitation only (signing order); sign from its link.
    const annaLink = await invitationLink(signers[0].email, title);
    await page.goto(annaLink);
    for (const text of [admin.email, 'Please sign by Friday.', 'Anna Example · anna@example.test', 'bob@example.test', 'contract.pdf', 'terms.txt']) {
      await page.locator('main').getByText(text).first().waitFor();
    }
    assert.equal(await page.getByRole('row').filter({ hasText: 'anna@example.test' }).locator('.badge').innerText(), 'invited');
    assert.equal(await page.getByRole('row').filter({ hasText: 'bob@example.test' }).locator('.badge').innerText(), 'waiting for turn');
    const view = await page.request.get(new URL((await page.getByRole('link', { name: 'contract.pdf' }).getAttribute('href'))!, page.url()).href);
    assert.equal(view.headers()['content-type'], 'application/pdf');
    assert.deepEqual(new Uint8Array(await view.body()), pdf, 'the view link serves the uploaded PDF');
    await screenshot(page, 'signing-1280');
    await checkPhoneWidth(page, 'the signing page', 'signing');
    assert.equal(mailsTo(suite.sut.smtp.mails, signers[1].email, `Signature request: ${title}`).length, 0, 'the second signer waits for their turn');

    await page.getByRole('button', { name: 'Sign', exact: true }).click();
    await page.getByText('Thank you: your signature is recorded.').waitFor();
    assert.equal(await page.getByRole('button', { name: 'Sign', exact: true }).count(), 0);
    await screenshot(page, 'signing-thank-you');

    const bobLink = await invitationLink(signers[1].email, title);
    await page.goto(bobLink);
    await page.getByRole('button', { name: 'Sign', exact: true }).click();
    await page.getByText('Thank you: your signature is recorded.').waitFor();

    // 4. One final email each, carrying the sealed PDF.
    const subject = `Signed: ${title}`;
    const recipients = [admin.email, ...signers.map((s) => s.email)];
    await suite.sut.smtp.waitFor((all) => recipients.every((to) => mailsTo(all, to, subject).length > 0), MAIL_TIMEOUT);
    const finals = recipients.map((to) => mailsTo(suite.sut.smtp.mails, to, subject)[0]);
    const sealed = finals[0].attachments.find((a) => a.filename.endsWith('.pdf'));
    assert.ok(sealed, `a PDF is attached: ${finals[0].attachments.map((a) => a.filename).join(', ')}`);
    const final = new Uint8Array(sealed.content);
    for (const m of finals) assert.deepEqual(new Uint8Array(m.attachments.find((a) => a.filename === sealed.filename)!.content), final);
    assert.deepEqual(final.subarray(0, pdf.length), pdf, 'the uploaded bytes are an exact prefix');
    const check = await runPdfsig(final);
    assert.equal(check.signatures.length, 1, check.raw);
    assert.ok(check.signatures[0].valid && check.signatures[0].wholeDocument, check.raw);
    // Flip a byte of the header's binary comment: inside the signed range, and the file still parses.
    const [start, length] = byteRange(final);
    const at = final.findIndex((b) => b >= 0x80);
    assert.ok(at >= start && at < start + length, `byte ${at} is in the signed range`);
    const tampered = final.slice();
    tampered[at] ^= 0x01;
    const broken = await runPdfsig(tampered);
    assert.equal(broken.signatures.length, 1, broken.raw);
    assert.equal(broken.signatures[0].valid, false, `one flipped byte (at ${at}) breaks the seal:\n${broken.raw}`);
    renderPdf(final, 'final-pdf');

    // 5. The sender's view of the finished process, and the outbox.
    await page.goto(`${suite.sut.server.url}/processes/${process.id}`);
    const main = page.locator('main');
    assert.equal(await main.locator('h1 + p .badge').innerText(), 'completed');
    const contract = process.documents.find((d) => d.filename === 'contract.pdf')!;
    const card = (heading: string) => main.locator('.card').filter({ has: page.getByRole('heading', { name: heading, exact: true }) });
    const docRow = card('Documents').getByRole('row').filter({ hasText: 'contract.pdf' });
    await docRow.getByText(contract.sha256, { exact: true }).waitFor();
    const signedHref = await docRow.getByRole('link', { name: 'signed PDF' }).getAttribute('href');
    assert.deepEqual(new Uint8Array(await (await page.request.get(new URL(signedHref!, page.url()).href)).body()), final);
    for (const s of signers) assert.equal(await card('Signers').getByRole('row').filter({ hasText: s.email }).locator('.badge').innerText(), 'signed');
    for (const text of [`Process with id: ${process.id} created`, ...signers.map((s) => `Send invitation to: ${s.email}`)]) {
      await card('Audit trail').getByText(text, { exact: true }).waitFor();
    }
    await screenshot(page, 'process-completed');
    await checkPhoneWidth(page, 'the process page', 'process-completed');

    await page.goto(`${suite.sut.server.url}/outbox`);
    await waitUntil('every message of the process is sent', async () => {
      await page.reload();
      return (await page.locator('tbody .badge:not(.sent)').count()) === 0;
    });
    assert.equal(await page.getByRole('row').filter({ hasText: `Signature request: ${title}` }).count(), 2);
    assert.equal(await page.getByRole('row').filter({ hasText: subject }).count(), 3);
    await screenshot(page, 'outbox');
    await checkPhoneWidth(page, 'the outbox', 'outbox');

    // Still exactly one final email each, now that the outbox is done.
    for (const to of recipients) assert.equal(mailsTo(suite.sut.smtp.mails, to, subject).length, 1, `one final email to ${to}`);
    for (const s of signers) assert.equal(mailsTo(suite.sut.smtp.mails, s.email, `Signature request: ${title}`).length, 1);
  });
});

test('a signer rejects with a reason: the process stops for the other signer and the sender is told', async (t) => {
  const title = 'Lease agreement E2E';
  const basic = 'Basic ' + Buffer.from(`${admin.email}:${admin.password}`).toString('base64');
  const { token } = await (await fetch(`${suite.sut.server.url}/api/v1/tokens`, { method: 'POST', headers: { Authorization: basic } })).json();
  await startProcess(token, { title, signers: [{ email: 'carl@example.test', name: 'Carl' }, { email: 'dora@example.test' }], signingOrder: false });
  const [carlLink, doraLink] = await Promise.all([invitationLink('carl@example.test', title), invitationLink('dora@example.test', title)]);

  await withTracedContext(
    suite.browser,
    t.name,
    async (context) => {
      const page = await context.newPage();
      await page.goto(carlLink);
      await assertFitsPhone(page, 'the signing page');
      await page.getByText('Reject…').click();
      await page.getByLabel('Reason for rejecting').fill('The rent is wrong.');
      await page.getByRole('button', { name: 'Reject', exact: true }).click();
      await page.getByText('You rejected the process').waitFor();
      await page.locator('#state').getByText('rejected and has stopped').waitFor();
      await assertFitsPhone(page, 'the rejected page');
      await screenshot(page, 'signing-rejected-390');

      await page.goto(doraLink);
      await page.locator('#state').getByText('rejected and has stopped').waitFor();
      assert.equal(await page.getByRole('button', { name: 'Sign', exact: true }).count(), 0, 'nothing left to sign');
      assert.equal(await page.getByRole('row').filter({ hasText: 'carl@example.test' }).locator('.badge').innerText(), 'rejected');
    },
    { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
  );

  const mails = await suite.sut.smtp.waitFor((all) => mailsTo(all, admin.email, `Rejected: ${title}`).length > 0, MAIL_TIMEOUT);
  assert.match(mailsTo(mails, admin.email, `Rejected: ${title}`)[0].text, /Reason: The rent is wrong\./);
});

/** Keeps a PDF as test-results/screenshots/<name>.pdf and renders its pages at 50 dpi beside it (<name>-<n>.png). */
function renderPdf(bytes: Uint8Array, name: string) {
  mkdirSync(screenshotsDir, { recursive: true });
  const file = path.join(screenshotsDir, `${name}.pdf`);
  writeFileSync(file, bytes);
  execFileSync('pdftoppm', ['-png', '-r', '50', file, path.join(screenshotsDir, name)]);
}
