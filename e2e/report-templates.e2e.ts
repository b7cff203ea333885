// The report template editor in Debian's Chromium against the real server: the admin adds a template with email
// and HTTP POST recipients, sees it as the default in the list, a refused URL is explained with the typed values
// kept, and the stored HMAC secret is never shown back. Then a sender picks a template in the Outlook pane.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { ProcessView } from '@secure-signature/shared';
import { makePdf } from '../server/test/harness';
import { screenshot, withTracedContext } from './browser';
import { adminToken, changeSettings, signInWithForm, useFlowServerAndBrowser } from './flow-server';
import { openPane, TOKEN_SETTING } from './outlook-pane';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
/** axe-core's serious and critical findings on the page, as "rule: target" lines. */
async function axeProblems(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(async () => (window as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe.run());
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}

const suite = useFlowServerAndBrowser();

test('the admin adds a report template and changes it without retyping the secret', async (t) => {
  await withTracedContext(suite.browser, t.name, async (context) => {
    const page = await context.newPage();
    await signInWithForm(page, suite.sut);
    await page.goto(`${suite.sut.server.url}/admin/settings`);
    await page.getByRole('link', { name: 'Report templates' }).click();
    await page.getByText('No report templates yet').waitFor();

    await page.getByLabel('Name').fill('Recruitment');
    await page.getByLabel('Email recipients').fill('hr@example.test\narchive@example.test');
    await page.getByLabel('HTTP POST URLs').fill('https://hooks.example.test/signed\nnot a url');
    await page.getByLabel('Format of POSTed reports').selectOption('xml');
    await page.getByLabel('Signatures page goes').selectOption('first');
    await page.getByLabel('HMAC secret').fill('e2e-hmac-secret');
    await page.getByRole('button', { name: 'Add template' }).click();
    await page.getByText(/postUrls\.1: /).waitFor();
    assert.equal(await page.getByLabel('Name').inputValue(), 'Recruitment', 'what was typed stays');

    await page.getByLabel('HTTP POST URLs').fill('https://hooks.example.test/signed');
    await page.getByLabel('HMAC secret').fill('e2e-hmac-secret');
    await page.getByRole('button', { name: 'Add template' }).click();
    await page.getByText('Saved.').waitFor();
    const row = page.locator('#report-templates tr').filter({ hasText: 'Recruitment' });
    await row.getByText('default').waitFor();
    await row.getByText('POST hooks.example.test').waitFor();
    assert.equal(await page.getByLabel('Signatures page goes').inputValue(), 'first');
    assert.notEqual(await page.getByLabel('HMAC secret').inputValue(), 'e2e-hmac-secret', 'the secret is never shown back');
    assert.equal((await page.content()).includes('e2e-hmac-secret'), false);
    await screenshot(page, 'admin-report-templates-1280');
    assert.deepEqual(await axeProblems(page), [], 'the editor passes axe');

    await page.getByLabel('Name').fill('Recruitment (EU)');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved.').waitFor();
    await page.locator('#report-templates').getByRole('link', { name: 'Recruitment (EU)' }).waitFor();
    await page.setViewportSize({ width: 390, height: 800 });
    await screenshot(page, 'admin-report-templates-390');
  }, { bypassCSP: true }); // axe's script is injected inline
});

test('when senders choose, the pane offers the templates and the chosen one places the signatures page', async (t) => {
  const token = await adminToken(suite.sut);
  await changeSettings(suite.sut, token, { reports: { templateChoice: 'user_chooses' } });
  const res = await fetch(`${suite.sut.server.url}/api/v1/admin/report-templates`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: 'NDA', pagePosition: 'last', emailRecipients: ['legal@example.test'] }),
  });
  assert.equal(res.status, 201);
  await withTracedContext(suite.browser, t.name, async (context) => {
    const page = await openPane(context, suite.sut.server.url, {
      to: [{ emailAddress: 'nora@example.test', displayName: 'Nora N' }],
      subject: 'Non-disclosure agreement',
      body: 'Please sign.',
      attachments: [{ id: 'a1', name: 'nda.pdf', bytes: await makePdf('NDA') }],
      roaming: { [TOKEN_SETTING]: token },
    });
    const picker = page.getByLabel('Report template');
    await picker.waitFor();
    assert.match(await picker.innerText(), /Recruitment \(EU\)/, 'the default is preselected');
    await picker.click();
    await page.getByRole('option', { name: 'NDA' }).click();
    await screenshot(page, 'pane-report-template-450');
    await page.getByRole('button', { name: 'Send for signature' }).click();
    await page.getByTestId('process-created').waitFor({ timeout: 60_000 });
    const id = (await page.getByRole('link', { name: /Follow the process/ }).getAttribute('href'))!.split('/processes/')[1];
    const view = (await (await fetch(`${suite.sut.server.url}/api/v1/processes/${id}`, { headers: { Authorization: `Bearer ${token}` } })).json()) as ProcessView;
    assert.equal(view.signaturePagePosition, 'last', "NDA's position, not Recruitment's (first)");
  });
});
