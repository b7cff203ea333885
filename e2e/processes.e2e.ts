// Following processes in Debian's Chromium against the real server: the list filters by keyword and status and
// pages through 25 processes; a process page shows documents, signers and the audit trail; reminding and aborting
// both ask first, and the signers get the emails.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { makePdf, processForm } from '../server/test/harness';
import { launchBrowser, screenshot, withTracedContext } from './browser';
import { adminToken, mailsTo, signInWithForm, startFlowServer, type FlowServer } from './flow-server';

let sut: FlowServer;
let browser: Browser;

before(async () => {
  [sut, browser] = await Promise.all([startFlowServer(), launchBrowser()]);
  const token = await adminToken(sut);
  const pdf = await makePdf('Listed', 1);
  for (let i = 1; i <= 25; i++) {
    const title = i === 7 ? 'Warehouse lease 2027' : `Routine agreement ${String(i).padStart(2, '0')}`;
    const res = await fetch(`${sut.server.url}/api/v1/processes`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}` },
      body: processForm({ title, signers: [{ email: `p${i}@example.test`, name: `Person ${i}` }] }, [{ name: `doc-${i}.pdf`, bytes: pdf }]),
    });
    assert.equal(res.status, 201);
  }
});
after(async () => {
  await browser?.close();
  await sut?.close();
});

test('filter, page, open a process, remind and abort with confirmation', async (t) => {
  await withTracedContext(browser, t.name, async (context) => {
    const page = await context.newPage();
    await signInWithForm(page, sut);

    // Paging: 20 lines, then the last 5.
    await page.getByText('1–20 of 25').waitFor();
    await page.getByRole('link', { name: 'Next →' }).click();
    await page.getByText('21–25 of 25').waitFor();
    await screenshot(page, 'processes-page-2-1280');

    // Keyword and status filters.
    await page.getByLabel('Keyword').fill('warehouse');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL(/q=warehouse/);
    await page.getByRole('link', { name: 'Warehouse lease 2027' }).waitFor();
    assert.equal(await page.getByRole('link', { name: /Routine agreement/ }).count(), 0, 'only the match is listed');
    await page.getByLabel('Status').selectOption('completed');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.getByText('No processes match.').waitFor();
    await page.getByLabel('Status').selectOption('');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.getByRole('link', { name: 'Warehouse lease 2027' }).click();

    // The process page.
    await page.getByRole('heading', { name: 'Warehouse lease 2027' }).waitFor();
    await page.getByRole('row').filter({ hasText: 'doc-7.pdf' }).first().waitFor();
    await page.getByRole('row').filter({ hasText: 'p7@example.test' }).getByText('invited').waitFor();
    await page.getByText('Send invitation to: p7@example.test').waitFor();

    // Remind asks first.
    await page.getByText('Send reminder…').click();
    await page.getByText('Send a reminder now to the 1 signer(s)').waitFor();
    await screenshot(page, 'process-confirm-remind-1280');
    await page.getByRole('button', { name: 'Send reminder', exact: true }).click();
    await page.getByText('Reminders were sent to the signers who have not signed yet.').waitFor();
    await sut.smtp.waitFor((all) => mailsTo(all, 'p7@example.test', 'Reminder: Warehouse lease 2027').length === 1, 30_000);

    // Abort asks first, then stops the process and tells the signer.
    await page.getByText('Abort process…').click();
    await page.getByText('Abort "Warehouse lease 2027"? Nothing more can be signed').waitFor();
    await page.getByRole('button', { name: 'Abort process', exact: true }).click();
    await page.getByText('The process was aborted and the signers were told.').waitFor();
    assert.equal(await page.getByText('Abort process…').count(), 0, 'no more actions on an aborted process');
    await sut.smtp.waitFor((all) => mailsTo(all, 'p7@example.test', 'Cancelled: Warehouse lease 2027').length === 1, 30_000);
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'process-aborted-390');
  });
});
