// Admin → XML API in Debian's Chromium against the real server: the admin turns the API on, creates a key that
// is shown once and works, revokes it, and it stops working. Then the browsable REST API docs (served offline).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { screenshot, withTracedContext } from './browser';
import { signInWithForm, useFlowServerAndBrowser } from './flow-server';

const suite = useFlowServerAndBrowser();

const statusRequest = (key: string) =>
  fetch(`${suite.sut.server.url}/api/xml`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/xml' },
    body: '<StatusRequest xmlns="urn:secure-signature:xml-api:1"><ProcessId>3f2504e0-4f89-11d3-9a0c-0305e82c3301</ProcessId></StatusRequest>',
  });

test('the admin turns the XML API on, creates a key shown once, and revokes it', async (t) => {
  await withTracedContext(suite.browser, t.name, async (context) => {
    const page = await context.newPage();
    await signInWithForm(page, suite.sut);
    await page.goto(`${suite.sut.server.url}/admin/settings`);
    await page.getByRole('navigation', { name: 'Admin center' }).getByRole('link', { name: 'XML API' }).click();
    await page.getByRole('heading', { name: 'XML API', level: 1 }).waitFor();
    await page.getByLabel('XML API enabled').check();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved.').waitFor();
    assert.equal(await page.getByLabel('XML API enabled').isChecked(), true);

    await page.getByLabel('Name', { exact: true }).fill('ERP production');
    await page.getByRole('button', { name: 'Create key' }).click();
    await page.getByText('it is shown only this once').waitFor();
    const key = (await page.getByTestId('new-key').textContent())!.trim();
    assert.match(key, /^ssx_[A-Za-z0-9_-]{43}$/);
    await screenshot(page, 'admin-xml-api-1280');
    assert.equal((await statusRequest(key)).status, 404, 'the key works (the process is unknown)');

    await page.goto(`${suite.sut.server.url}/admin/xml-api`);
    assert.equal(await page.getByText(key).count(), 0, 'the key is not shown again');
    const row = page.getByRole('row').filter({ hasText: 'ERP production' });
    await row.getByRole('button', { name: 'Revoke ERP production' }).click();
    await page.getByText('The key is revoked.').waitFor();
    await page.getByRole('row').filter({ hasText: 'ERP production' }).getByText(/revoked \d{4}-/).waitFor();
    const refused = await statusRequest(key);
    assert.equal(refused.status, 401);
    assert.match(await refused.text(), /<Code>unauthorized<\/Code>/);
  });
});

test('the REST API docs render from local files and link the XML schema', async (t) => {
  await withTracedContext(suite.browser, t.name, async (context) => {
    const page = await context.newPage();
    const external: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(suite.sut.server.url) && !r.url().startsWith('data:')) external.push(r.url());
    });
    await page.goto(`${suite.sut.server.url}/api/docs`);
    await page.getByText('Secure Signature API').first().waitFor();
    await page.getByText('/api/v1/processes/{id}/abort').first().waitFor();
    await screenshot(page, 'api-docs-1280');
    assert.deepEqual(external, []);
    const [xsd] = await Promise.all([page.waitForResponse((r) => r.url().endsWith('/api/xml/schema.xsd')), page.getByRole('link', { name: 'XML schema (XSD)' }).click()]);
    assert.equal(xsd.status(), 200);
  });
});
