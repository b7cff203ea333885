// The message-template editor and the user editor's sign-in part in Debian's Chromium against the real server: the
// admin rewords the Finnish invitation, previews it, saves it, and the next Finnish invitation arrives over SMTP with
// it; reset brings the built-in text back. Then the admin lets a user sign in with the username alone from this
// machine's address, locks the account (sign-in refused) and unlocks it.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, test } from 'node:test';
import type { Page } from 'playwright-core';
import { makePdf, processForm } from '../server/test/harness';
import { createRequire } from 'node:module';
import { startSmsPeer } from '../server/test/sms-peer';
import { screenshot, screenshotsDir, waitUntil, withTracedContext } from './browser';
import { adminToken, changeSettings, mailsTo, signInWithForm, useFlowServerAndBrowser } from './flow-server';

let sms: Awaited<ReturnType<typeof startSmsPeer>>;
const suite = useFlowServerAndBrowser(async () => {
  sms = await startSmsPeer();
  await changeSettings(suite.sut, await adminToken(suite.sut), { smsGateway: { kind: 'http', url: `${sms.url}/send`, method: 'POST' } });
});

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
/** axe-core's serious and critical findings on the page, as "rule: target" lines. */
async function axeProblems(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(async () => (window as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe.run());
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}

after(async () => {
  await sms?.close();
});

test('the admin rewords the Finnish invitation, previews, saves, and resets it', async (t) => {
  await withTracedContext(suite.browser, t.name, async (context) => {
    const page = await context.newPage();
    await signInWithForm(page, suite.sut);
    await page.goto(`${suite.sut.server.url}/admin/settings`);
    await page.getByRole('navigation', { name: 'Admin center' }).getByRole('link', { name: 'Message templates' }).click();
    await page.getByRole('link', { name: 'built-in: Email invitation, Suomi' }).click();
    await page.getByLabel('Subject').fill('Allekirjoita nyt: {{title}}');
    const body = page.getByLabel(/^Text/);
    await body.fill(`${await body.inputValue()}\n\nTerveisin <b>Acme</b>`);
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.getByText('Allekirjoita nyt: Service agreement 2026').waitFor();
    assert.match(await page.locator('#preview-text').innerText(), /Terveisin <b>Acme<\/b>/, 'shown as text, not markup');
    await screenshot(page, 'admin-templates-preview-1280');
    assert.deepEqual(await axeProblems(page), []);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved: the next message uses this wording.').waitFor();

    const res = await fetch(`${suite.sut.server.url}/api/v1/processes`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${await adminToken(suite.sut)}` },
      body: processForm({ title: 'Vuokrasopimus', language: 'fi', signers: [{ email: 'fi@example.test' }] } as never, [{ name: 'c.pdf', bytes: await makePdf('Sopimus', 1) }]),
    });
    assert.equal(res.status, 201);
    const mails = await suite.sut.smtp.waitFor((all) => mailsTo(all, 'fi@example.test', 'Allekirjoita nyt: Vuokrasopimus').length > 0, 30_000);
    assert.match(mailsTo(mails, 'fi@example.test', 'Allekirjoita nyt: Vuokrasopimus')[0].text, /Terveisin <b>Acme<\/b>/);

    await page.getByRole('button', { name: 'Reset to default' }).click();
    await page.getByText('Back to the built-in text.').waitFor();
    assert.equal(await page.getByLabel('Subject').inputValue(), 'Allekirjoituspyyntö: {{title}}');
  }, { bypassCSP: true }); // axe-core is injected as an inline script
});

test('the admin lets a user sign in with the username from this address, then locks and unlocks the account', async (t) => {
  await withTracedContext(suite.browser, t.name, async (context) => {
    const page = await context.newPage();
    await signInWithForm(page, suite.sut);
    await page.goto(`${suite.sut.server.url}/admin/users`);
    await page.getByLabel('Email').fill('desk@example.test');
    await page.getByLabel('Password').fill('desk-password-123');
    await page.getByRole('button', { name: 'Add user' }).click();
    await page.getByText('The user was added.').waitFor();
    await page.getByRole('link', { name: 'desk@example.test' }).click();

    await page.getByLabel('Username', { exact: true }).fill('frontdesk');
    await page.getByLabel('Signs in with').selectOption('username_only');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Sign-in with the username alone needs an IP restriction').waitFor();
    assert.equal(await page.getByLabel('Signs in with').inputValue(), 'username_only', 'the choice is kept');
    await page.getByLabel(/^IP restrictions/).fill('127.0.0.0/8\n::1');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved.').waitFor();
    await screenshot(page, 'admin-user-sign-in-1280');
    assert.deepEqual(await axeProblems(page), []);

    const desk = await context.browser()!.newContext();
    const d = await desk.newPage();
    await d.goto(`${suite.sut.server.url}/login`);
    await d.getByLabel('Username or email').fill('frontdesk');
    await d.getByRole('button', { name: 'Sign in' }).click();
    await d.waitForURL('**/processes');
    await desk.close();

    // The new settings are in the generated settings editor and apply to the next request.
    await page.goto(`${suite.sut.server.url}/admin/settings`);
    await page.getByLabel('Rejections by SMS').selectOption('forced');
    await page.getByLabel('Attachments that are not signed').selectOption('hidden');
    await page.getByRole('button', { name: /^Save/ }).first().click();
    await page.getByText('Settings saved.').waitFor();
    assert.equal(await page.getByLabel('Rejections by SMS').inputValue(), 'forced');
    await page.locator('fieldset', { hasText: 'SMS notifications' }).screenshot({ path: path.join(screenshotsDir, 'settings-sms-modes.png') });
    await page.goto(`${suite.sut.server.url}/admin/users`);
    await page.getByRole('link', { name: 'desk@example.test' }).click();

    await page.getByLabel(/Locked \(cannot sign in/).check();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved.').waitFor();
    const locked = await context.browser()!.newContext();
    const l = await locked.newPage();
    await l.goto(`${suite.sut.server.url}/login`);
    await l.getByLabel('Username or email').fill('frontdesk');
    await l.getByRole('button', { name: 'Sign in' }).click();
    await l.getByText('This account is locked; ask an administrator').waitFor();

    await page.getByLabel(/Locked \(cannot sign in/).uncheck();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved.').waitFor();
    await l.getByRole('button', { name: 'Sign in' }).click();
    await l.waitForURL('**/processes');
    await locked.close();
  }, { bypassCSP: true });
});

test('a user who signs in by SMS code gets the code on the phone and signs in with it', async (t) => {
  const token = await adminToken(suite.sut);
  const auth = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
  const created = await fetch(`${suite.sut.server.url}/api/v1/admin/users`, { method: 'POST', headers: auth, body: JSON.stringify({ email: 'field@example.test', password: 'field-password-123' }) });
  const { id } = (await created.json()) as { id: string };
  assert.equal((await fetch(`${suite.sut.server.url}/api/v1/admin/users/${id}`, { method: 'PATCH', headers: auth, body: JSON.stringify({ authMethod: 'sms_pin', phone: '+358 40 777 0001' }) })).status, 200);
  await withTracedContext(suite.browser, t.name, async (context) => {
    const page = await context.newPage();
    await page.goto(`${suite.sut.server.url}/login`);
    await page.getByLabel('Username or email').fill('field@example.test');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('We sent a code by SMS to your phone (…0001)').waitFor();
    const request = await waitUntil('the code arrives', () => sms.requests.find((r) => r.body.includes('+358407770001')));
    const code = (JSON.parse(request.body) as { text: string }).text.match(/: (\d{6})\./)![1];
    await screenshot(page, 'login-sms-code-1280');
    await page.getByLabel('Code').fill(code);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/processes');
  });
});
