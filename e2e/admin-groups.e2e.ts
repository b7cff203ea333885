// The group and user editors in Debian's Chromium against the real server: the admin makes a "Managers" group
// that sees all processes, adds a user in it, and the user then sees another sender's process; the user without
// the group does not. Then that user forgets the password and resets it through the emailed link.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makePdf, processForm } from '../server/test/harness';
import { screenshot, withTracedContext } from './browser';
import { adminToken, signInWithForm, useFlowServerAndBrowser } from './flow-server';

const suite = useFlowServerAndBrowser(async () => {
  const res = await fetch(`${suite.sut.server.url}/api/v1/processes`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${await adminToken(suite.sut)}` },
    body: processForm({ title: "The admin's own contract", signers: [{ email: 'x@example.test' }] }, [{ name: 'c.pdf', bytes: await makePdf('Contract', 1) }]),
  });
  assert.equal(res.status, 201);
});


test('the admin makes a group that sees all processes and puts a new user in it', async (t) => {
  await withTracedContext(suite.browser, t.name, async (context) => {
    const page = await context.newPage();
    await signInWithForm(page, suite.sut);
    await page.goto(`${suite.sut.server.url}/admin/groups`);
    await page.getByLabel('Name').fill('Managers');
    await page.getByLabel('See all processes and their statistics').check();
    await page.getByRole('button', { name: 'Add group' }).click();
    await page.getByText('Saved.').waitFor();
    await page.getByRole('row').filter({ hasText: 'Managers' }).getByText('See all processes and their statistics').waitFor();
    await screenshot(page, 'admin-groups-1280');

    await page.goto(`${suite.sut.server.url}/admin/users`);
    await page.getByLabel('Email').fill('manager@example.test');
    await page.getByLabel('Password').fill('manager-password-1');
    await page.getByLabel('Group').selectOption({ label: 'Managers' });
    await page.getByRole('button', { name: 'Add user' }).click();
    await page.getByText('The user was added.').waitFor();
    await page.getByLabel('Email').fill('plain@example.test');
    await page.getByLabel('Password').fill('plain-password-12');
    await page.getByRole('button', { name: 'Add user' }).click();
    await page.getByText('The user was added.').waitFor();
    await page.getByRole('link', { name: 'manager@example.test' }).click();
    assert.equal(await page.getByLabel('Group').inputValue() !== '', true, 'the editor shows the group');
    await screenshot(page, 'admin-user-editor-1280');

    const manager = await context.browser()!.newContext();
    const m = await manager.newPage();
    await signInWithForm(m, suite.sut, 'manager@example.test', 'manager-password-1');
    await m.getByText("The admin's own contract").waitFor();
    assert.equal(await m.getByLabel('Scope').count(), 1);
    await manager.close();

    const plainContext = await context.browser()!.newContext();
    const p = await plainContext.newPage();
    await signInWithForm(p, suite.sut, 'plain@example.test', 'plain-password-12');
    await p.getByText('No processes match.').waitFor();
    assert.equal(await p.getByText("The admin's own contract").count(), 0);
    await plainContext.close();
  });
});

test('a user who forgot the password orders a link by email and sets a new one', async (t) => {
  await withTracedContext(suite.browser, t.name, async (context) => {
    const page = await context.newPage();
    await page.goto(`${suite.sut.server.url}/login`);
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.getByLabel('Username or email').fill('plain@example.test');
    await page.getByRole('button', { name: 'Send me a reset link' }).click();
    await page.getByText('If an account with that name or email exists, a reset link is on its way').waitFor();
    const mails = await suite.sut.smtp.waitFor((all) => all.some((m) => m.to === 'plain@example.test' && m.subject === 'Reset your Secure Signature password'), 30_000);
    const link = mails.find((m) => m.to === 'plain@example.test')!.text.match(/https?:\/\/\S+\/password-reset\/\S+/)![0];
    await page.goto(link);
    await page.getByLabel('New password').fill('a fresh password 2027');
    await page.getByLabel('The same again').fill('a fresh password 2027');
    await screenshot(page, 'password-reset-1280');
    await page.getByRole('button', { name: 'Set the new password' }).click();
    await page.getByText('Your password was changed. Sign in with the new one.').waitFor();
    await page.getByLabel('Username or email').fill('plain@example.test');
    await page.getByLabel('Password').fill('a fresh password 2027');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/processes');
  });
});
