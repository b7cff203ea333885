// Following processes in Debian's Chromium against the real server: the list filters by keyword and status and
// pages through 25 processes; a process page shows documents, signers and the audit trail; reminding and aborting
// both ask first, and the signers get the emails; replacing a signed document asks first and asks the signer again.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { makePdf, processForm } from '../server/test/harness';
import { screenshot, withTracedContext } from './browser';
import { adminToken, invitationLinkFor, mailsTo, signInWithForm, useFlowServerAndBrowser } from './flow-server';

const suite = useFlowServerAndBrowser(async () => {
  const token = await adminToken(suite.sut);
  const pdf = await makePdf('Listed', 1);
  for (let i = 1; i <= 25; i++) {
    const title = i === 7 ? 'Warehouse lease 2027' : `Routine agreement ${String(i).padStart(2, '0')}`;
    const res = await fetch(`${suite.sut.server.url}/api/v1/processes`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}` },
      body: processForm({ title, signers: [{ email: `p${i}@example.test`, name: `Person ${i}` }] }, [{ name: `doc-${i}.pdf`, bytes: pdf }]),
    });
    assert.equal(res.status, 201);
  }
});


test('filter, page, open a process, remind and abort with confirmation', async (t) => {
  await withTracedContext(suite.browser, t.name, async (context) => {
    const page = await context.newPage();
    await signInWithForm(page, suite.sut);

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
    await suite.sut.smtp.waitFor((all) => mailsTo(all, 'p7@example.test', 'Reminder: Warehouse lease 2027').length === 1, 30_000);

    // Abort asks first, then stops the process and tells the signer.
    await page.getByText('Abort process…').click();
    await page.getByText('Abort "Warehouse lease 2027"? Nothing more can be signed').waitFor();
    await page.getByRole('button', { name: 'Abort process', exact: true }).click();
    await page.getByText('The process was aborted and the signers were told.').waitFor();
    assert.equal(await page.getByText('Abort process…').count(), 0, 'no more actions on an aborted process');
    await suite.sut.smtp.waitFor((all) => mailsTo(all, 'p7@example.test', 'Cancelled: Warehouse lease 2027').length === 1, 30_000);
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'process-aborted-390');
  });
});

test('the sender replaces a signed document after confirming, and the signer is asked to sign again', async (t) => {
  const started = await fetch(`${suite.sut.server.url}/api/v1/processes`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${await adminToken(suite.sut)}` },
    body: processForm({ title: 'Supply contract', signers: [{ email: 'p3@example.test' }, { email: 'q3@example.test' }] }, [{ name: 'doc-3.pdf', bytes: await makePdf('Supply', 1) }]),
  });
  const processId = (await started.json()).id;
  const link = await invitationLinkFor(suite.sut, 'p3@example.test', 'Supply contract');
  const signed = await fetch(`${link}/sign`, { method: 'POST', redirect: 'manual', headers: { Origin: suite.sut.server.url, 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'method=button' });
  assert.equal(signed.status, 303);
  const dir = mkdtempSync(path.join(tmpdir(), 'ss-e2e-replace-'));
  const v2 = path.join(dir, 'doc-3-corrected.pdf');
  writeFileSync(v2, await makePdf('Corrected', 1));
  try {
    await withTracedContext(suite.browser, t.name, async (context) => {
      const page = await context.newPage();
      await signInWithForm(page, suite.sut);
      await page.goto(`${suite.sut.server.url}/processes/${processId}`);
      await page.getByText('Replace a document…').click();
      await page.getByLabel('New version').setInputFiles(v2);
      const confirm = page.getByLabel(/withdraws the signatures of p3@example\.test/);
      await confirm.waitFor();
      await page.getByRole('button', { name: 'Replace', exact: true }).click();
      assert.equal(await confirm.evaluate((el) => (el as HTMLInputElement).validity.valueMissing), true, 'the browser asks for the confirmation first');
      await screenshot(page, 'process-replace-document-1280');
      await confirm.check();
      await page.getByRole('button', { name: 'Replace', exact: true }).click();
      await page.getByText('The document was replaced.').waitFor();
      await screenshot(page, 'process-document-replaced-1280');
      await page.locator('td', { hasText: 'doc-3-corrected.pdf' }).first().waitFor();
    });
    const mails = await suite.sut.smtp.waitFor((all) => all.some((m) => m.to === 'p3@example.test' && /replaced the document doc-3-corrected\.pdf/.test(m.text)), 30_000);
    assert.ok(mails.length > 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
