// The Outlook task pane end to end: Debian's Chromium, the stand-in office.js in place of Microsoft's CDN, the real
// server process and a real SMTP peer. A compose item with two recipients, two PDF attachments and an inline image
// pre-fills the pane; Send for signature creates the process and the invitations arrive. Then: sign-in through
// the Office dialog, an Outlook without Mailbox 1.8, an attachment that fails twice, one that keeps failing, a
// 20 MB attachment. Screenshots at 320 and 450 px land in test-results/screenshots/.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import type { ProcessView } from '@secure-signature/shared';
import { makeLargePdf, makePdf } from '../server/test/harness';
import { screenshot, scrollWidth, waitUntil, withTracedContext } from './browser';
import { admin, adminToken, changeSettings, mailsTo, useFlowServerAndBrowser } from './flow-server';
import { fieldValues, openPane, TOKEN_SETTING, type PaneScenario } from './outlook-pane';

let token: string;
let contract: Uint8Array;
let appendix: Uint8Array;
const suite = useFlowServerAndBrowser(async () => {
  [contract, appendix] = await Promise.all([makePdf('Supply contract', 2), makePdf('Appendix A')]);
  // The appendix goes as a plain attachment, which the admin must allow (off by default).
  await changeSettings(suite.sut, await adminToken(suite.sut), { startForm: { attachments: 'shown' } });
  const res = await fetch(`${suite.sut.server.url}/api/v1/tokens`, {
    method: 'POST',
    headers: { Authorization: `Basic ${Buffer.from(`${admin.email}:${admin.password}`).toString('base64')}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ label: 'pane tests' }),
  });
  assert.equal(res.status, 201, await res.clone().text());
  token = ((await res.json()) as { token: string }).token;
});
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

const compose = (title: string, extra: Partial<PaneScenario> = {}): PaneScenario => ({
  to: [{ emailAddress: 'alice@example.test', displayName: 'Alice Andersson' }],
  cc: [{ emailAddress: 'bob@example.test', displayName: 'bob@example.test' }],
  subject: title,
  body: 'Please sign the supply contract and its appendix.',
  attachments: [
    { id: 'att-1', name: 'supply-contract.pdf', bytes: contract },
    { id: 'att-2', name: 'appendix-a.pdf', bytes: appendix },
    { id: 'att-3', name: 'logo.png', bytes: png, isInline: true, contentType: 'image/png' },
  ],
  roaming: { [TOKEN_SETTING]: token },
  ...extra,
});

async function getProcess(id: string): Promise<ProcessView & { component?: string }> {
  const res = await fetch(`${suite.sut.server.url}/api/v1/processes/${id}`, { headers: { Authorization: `Bearer ${token}` } });
  assert.equal(res.status, 200);
  return (await res.json()) as ProcessView;
}

/** Sends, waits for the created process and returns it as the API shows it. */
async function sendAndWait(page: Page, button = 'Send for signature'): Promise<ProcessView> {
  await page.getByRole('button', { name: button }).click();
  await page.getByTestId('process-created').waitFor({ timeout: 60_000 });
  const href = await page.getByRole('link', { name: /Follow the process/ }).getAttribute('href');
  const id = href?.split('/processes/')[1];
  assert.ok(id, `the created view links to the process: ${href}`);
  return getProcess(id);
}

test('the pane pre-fills from the message and Send for signature starts the process; invitations arrive', async (t) => {
  await withTracedContext(suite.browser, t.name, async (context) => {
    const title = 'Supply contract 2027';
    const page = await openPane(context, suite.sut.server.url, compose(title));
    await page.getByLabel('Signer 1 email').waitFor();

    assert.deepEqual(await fieldValues(page, /^Signer \d email$/), ['alice@example.test', 'bob@example.test']);
    assert.deepEqual(await fieldValues(page, /^Signer \d name$/), ['Alice Andersson', ''], 'the address repeated as display name is no name');
    assert.equal(await page.getByLabel('Title', { exact: true }).inputValue(), title);
    assert.match(await page.getByLabel('Message to the signers').inputValue(), /Please sign the supply contract/);
    const files = await page.getByTestId('file').allInnerTexts();
    assert.equal(files.length, 2, `two documents, the inline image left out: ${files.join(' | ')}`);
    assert.match(files[0], /supply-contract\.pdf/);
    assert.match(files[1], /appendix-a\.pdf/);

    await screenshot(page, 'pane-prefilled-450');
    assert.ok((await scrollWidth(page)) <= 450, 'no sideways scrolling at 450 px');
    await page.setViewportSize({ width: 320, height: 900 });
    await screenshot(page, 'pane-prefilled-320');
    assert.ok((await scrollWidth(page)) <= 320, 'no sideways scrolling at 320 px');

    // The appendix travels along unsigned; Bob gets a phone number for the SMS PIN.
    await page.getByLabel('Signer 2 name').fill('Bob Berg');
    await page.getByLabel('Signer 2 phone').fill('+358 40 123 4567');
    await page.getByTestId('file').nth(1).getByRole('switch').click();
    // Options: downloads required, invitations in Finnish.
    await page.getByText('Signers must download the documents before signing').click();
    await page.getByLabel('Invitation language').selectOption('fi');

    const process = await sendAndWait(page);
    await screenshot(page, 'pane-created-320');
    assert.equal(process.title, title);
    assert.equal(process.forceDownload, true);
    assert.equal(process.attachmentsVisible, true);
    assert.deepEqual(process.signers.map((s) => [s.email, s.name, s.phone]), [
      ['alice@example.test', 'Alice Andersson', null],
      ['bob@example.test', 'Bob Berg', '+358 40 123 4567'],
    ]);
    assert.deepEqual(process.documents.map((d) => [d.filename, d.kind]), [
      ['supply-contract.pdf', 'document'],
      ['appendix-a.pdf', 'attachment'],
    ]);
    assert.equal(process.documents[0].sha256, createHash('sha256').update(contract).digest('hex'), 'the exact bytes of the attachment');

    const list = await (await fetch(`${suite.sut.server.url}/api/v1/processes?component=outlook&q=${encodeURIComponent(title)}`, { headers: { Authorization: `Bearer ${token}` } })).json();
    assert.equal((list as { total: number }).total, 1, 'the process is counted as started from Outlook');

    const mails = await suite.sut.smtp.waitFor((all) => ['alice@example.test', 'bob@example.test'].every((to) => mailsTo(all, to, `Allekirjoituspyyntö: ${title}`).length === 1), 30_000);
    assert.equal(mailsTo(mails, 'alice@example.test', `Allekirjoituspyyntö: ${title}`).length, 1);

    // Discarding the draft closes the compose item; My processes lists the new process.
    await page.getByRole('button', { name: 'Close and discard the draft' }).click();
    assert.equal(await page.evaluate(() => (window as unknown as { __officeClosed?: boolean }).__officeClosed), true);
    await page.getByRole('tab', { name: 'My processes' }).click();
    await page.getByTestId('my-process').filter({ hasText: title }).waitFor();
    await screenshot(page, 'pane-my-processes-320');
  });
});

test('without a stored token the pane signs in through the Office dialog and keeps the token in roaming settings', async (t) => {
  await withTracedContext(suite.browser, t.name, async (context) => {
    const page = await openPane(context, suite.sut.server.url, compose('Dialog sign-in', { roaming: {} }), 320);
    await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
    await screenshot(page, 'pane-sign-in-320');
    const [dialog] = await Promise.all([context.waitForEvent('page'), page.getByRole('button', { name: 'Sign in', exact: true }).click()]);
    await dialog.getByLabel(/email|user/i).first().fill(admin.email);
    await dialog.getByLabel(/password/i).fill(admin.password);
    await dialog.getByRole('button', { name: /sign in/i }).click();
    await dialog.getByRole('button', { name: 'Connect Outlook' }).click();
    await page.getByLabel('Signer 1 email').waitFor();
    const stored = await page.evaluate(() => localStorage.getItem('office-stand-in-roaming'));
    assert.match(stored ?? '', new RegExp(TOKEN_SETTING), 'the token is kept in the roaming settings');
    const kept = JSON.parse(stored!)[TOKEN_SETTING] as string;
    const me = await fetch(`${suite.sut.server.url}/api/v1/me`, { headers: { Authorization: `Bearer ${kept}` } });
    assert.equal(((await me.json()) as { email: string }).email, admin.email);
  });
});

test('an Outlook without Mailbox 1.8 offers a file picker and says why', async (t) => {
  await withTracedContext(suite.browser, t.name, async (context) => {
    const title = 'Picked files';
    const page = await openPane(context, suite.sut.server.url, compose(title, { mailboxVersion: '1.3' }));
    await page.getByText(/does not let add-ins read attachments \(Mailbox 1\.8\)/).waitFor();
    assert.equal(await page.getByTestId('file').count(), 0);
    await screenshot(page, 'pane-no-attachment-access-450');
    await page.getByTestId('file-input').setInputFiles({ name: 'picked.pdf', mimeType: 'application/pdf', buffer: Buffer.from(contract) });
    const process = await sendAndWait(page);
    assert.deepEqual(process.documents.map((d) => d.filename), ['picked.pdf']);
  });
});

test('an attachment that fails twice (and changes its id) is read on the third try', async (t) => {
  await withTracedContext(suite.browser, t.name, async (context) => {
    const scenario = compose('Flaky attachment');
    scenario.attachments![0] = { ...scenario.attachments![0], failTimes: 2, changeIdOnFailure: true };
    const page = await openPane(context, suite.sut.server.url, scenario);
    await page.getByLabel('Signer 1 email').waitFor();
    const process = await sendAndWait(page);
    assert.equal(process.documents[0].sha256, createHash('sha256').update(contract).digest('hex'));
    const calls = await page.evaluate(() => (window as unknown as { __officeCalls: { getAttachmentContentAsync: string[] } }).__officeCalls.getAttachmentContentAsync);
    assert.deepEqual(calls.slice(0, 3), ['att-1', 'att-1-v1', 'att-1-v1-v2'], 'each retry looked the attachment up again');
  });
});

test('an attachment that keeps failing is named, and Try again continues once Outlook answers', async (t) => {
  await withTracedContext(suite.browser, t.name, async (context) => {
    const scenario = compose('Broken attachment');
    scenario.attachments![1] = { ...scenario.attachments![1], failTimes: 100 };
    const page = await openPane(context, suite.sut.server.url, scenario);
    await page.getByLabel('Signer 1 email').waitFor();
    await page.getByRole('button', { name: 'Send for signature' }).click();
    await page.getByRole('alert').filter({ hasText: 'The attachment "appendix-a.pdf" could not be read' }).waitFor({ timeout: 30_000 });
    await screenshot(page, 'pane-attachment-failed-450');
    await page.evaluate(() => {
      (window as unknown as { __officeAttachments: { failTimes: number }[] }).__officeAttachments[1].failTimes = 0;
    });
    const process = await sendAndWait(page, 'Try again');
    assert.equal(process.documents.length, 2);
  });
});

test('a 20 MB attachment is uploaded with progress', async (t) => {
  await withTracedContext(suite.browser, t.name, async (context) => {
    const big = await makeLargePdf(20);
    const scenario = compose('Large drawing set', { attachments: [{ id: 'big', name: 'drawings.pdf', bytes: big }] });
    const page = await openPane(context, suite.sut.server.url, scenario);
    await page.getByLabel('Signer 1 email').waitFor();
    await page.getByRole('button', { name: 'Send for signature' }).click();
    await waitUntil('the upload shows its progress', () => page.getByText(/Reading from Outlook|Uploading/).first().isVisible());
    await page.getByTestId('process-created').waitFor({ timeout: 120_000 });
    const href = await page.getByRole('link', { name: /Follow the process/ }).getAttribute('href');
    const process = await getProcess(href!.split('/processes/')[1]);
    assert.equal(process.documents[0].size, big.byteLength);
    assert.equal(process.documents[0].sha256, createHash('sha256').update(big).digest('hex'));
  });
});
