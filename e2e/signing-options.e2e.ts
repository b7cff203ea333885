// The admin's disclaimer, the sender's forced download and a handwritten signature in Debian's Chromium against
// the real server: the disclaimer comes first; Sign stays disabled until both documents are downloaded and turns
// on without a reload; a signature drawn with the mouse ends up on the sealed signatures page.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';

import { makePdf, processForm } from '../server/test/harness';
import { screenshot, screenshotsDir, waitUntil, withTracedContext } from './browser';
import { adminToken, changeSettings, invitationLinkFor, signInWithForm, useFlowServerAndBrowser } from './flow-server';

let token: string;
let pdf: Uint8Array;
const suite = useFlowServerAndBrowser(async () => {
  pdf = await makePdf('Purchase agreement', 1);
  token = await adminToken(suite.sut);
  await changeSettings(suite.sut, token, { disclaimer: { enabled: true, en: ['By continuing you agree to sign electronically.', 'Your actions are recorded in the audit trail.'] } });
});

test('disclaimer first, then Sign waits for both downloads', async (t) => {
  const title = 'Purchase agreement with downloads';
  const res = await fetch(`${suite.sut.server.url}/api/v1/processes`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}` },
    body: processForm({ title, signers: [{ email: 'dora@example.test' }], forceDownload: true }, [
      { name: 'agreement.pdf', bytes: pdf },
      { name: 'schedule.pdf', bytes: pdf },
    ]),
  });
  assert.equal(res.status, 201);
  const link = await invitationLinkFor(suite.sut, 'dora@example.test', title);

  await withTracedContext(
    suite.browser,
    t.name,
    async (context) => {
      const page = await context.newPage();
      await page.goto(link);
      await page.getByRole('heading', { name: 'Before you continue' }).waitFor();
      await page.getByText('By continuing you agree to sign electronically.').waitFor();
      assert.equal(await page.getByText(title).count(), 0, 'nothing of the process before the disclaimer');
      await screenshot(page, 'disclaimer-390');
      await page.getByRole('button', { name: 'I have read this and continue' }).click();

      await page.getByRole('heading', { name: title }).waitFor();
      const sign = page.getByRole('button', { name: 'Sign', exact: true });
      assert.equal(await sign.isDisabled(), true, 'Sign waits for the downloads');
      await page.getByText('Download every document before signing.').waitFor();
      await screenshot(page, 'force-download-390');

      for (const [i, name] of ['agreement.pdf', 'schedule.pdf'].entries()) {
        const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'download' }).nth(i).click()]);
        assert.equal(download.suggestedFilename(), name);
        assert.equal(await sign.isDisabled(), i === 0, i === 0 ? 'one of two is not enough' : 'both downloaded: Sign is on');
      }
      await page.setViewportSize({ width: 1280, height: 900 });
      await screenshot(page, 'force-download-done-1280');
      await sign.click();
      await page.locator('#state').getByText(/Everyone has signed/).waitFor();
    },
    { viewport: { width: 390, height: 844 }, acceptDownloads: true },
  );
});

/** A process whose one signer must draw (or type) their signature: its id and the signer's link. */
async function startHandwritten(title: string, signer: { email: string; name: string }) {
  const res = await fetch(`${suite.sut.server.url}/api/v1/processes`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}` },
    body: processForm({ title, signers: [signer], signatureMethods: ['handwritten'] }, [{ name: 'rental.pdf', bytes: pdf }]),
  });
  assert.equal(res.status, 201);
  const { id } = (await res.json()) as { id: string };
  return { id, link: await invitationLinkFor(suite.sut, signer.email, title) };
}

/** Once sealed: the method recorded, and that the drawing is the 600×180 image on page 2 (rendered to `png`). */
async function assertDrawingSealed(id: string, png: string) {
  const auth = { Authorization: `Bearer ${token}` };
  const view = (await waitUntil('the process is sealed', async () => {
    const v = (await (await fetch(`${suite.sut.server.url}/api/v1/processes/${id}`, { headers: auth })).json()) as { sealedAt: string | null; documents: { id: string }[]; signers: { method: string }[] };
    return v.sealedAt ? v : undefined;
  }, 30_000)) as { documents: { id: string }[]; signers: { method: string }[] };
  assert.equal(view.signers[0].method, 'handwritten');
  const final = new Uint8Array(await (await fetch(`${suite.sut.server.url}/api/v1/processes/${id}/documents/${view.documents[0].id}/final.pdf`, { headers: auth })).arrayBuffer());
  const dir = mkdtempSync(path.join(tmpdir(), 'ss-e2e-drawn-'));
  try {
    writeFileSync(path.join(dir, 'final.pdf'), final);
    assert.match(execFileSync('pdfimages', ['-list', path.join(dir, 'final.pdf')], { encoding: 'utf8' }), /^\s+2\s+\d+\s+image\s+600\s+180\s/m, 'the 600×180 drawing on page 2');
    mkdirSync(screenshotsDir, { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '2', '-l', '2', path.join(dir, 'final.pdf'), path.join(screenshotsDir, png)]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('a handwritten signature drawn with the mouse is printed on the sealed signatures page', async (t) => {
  const { id, link } = await startHandwritten('Rental agreement drawn', { email: 'hanna@example.test', name: 'Hanna Hand' });

  await withTracedContext(suite.browser, t.name, async (context) => {
    const page = await context.newPage();
    await page.goto(link);
    await page.getByRole('button', { name: 'I have read this and continue' }).click();
    await page.getByRole('heading', { name: 'Draw your signature' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Sign', exact: true }).count(), 0, 'drawing is the only method here');

    // Signing with an empty pad says what to do and sends nothing.
    await page.getByRole('button', { name: 'Sign with this signature' }).click();
    await page.getByRole('alert').getByText('Draw your signature in the box first.').waitFor();

    const pad = page.getByRole('img', { name: 'Signature drawing area' });
    const box = (await pad.boundingBox())!;
    await page.mouse.move(box.x + 20, box.y + box.height * 0.7);
    await page.mouse.down();
    for (let x = 20; x < box.width - 20; x += 8) await page.mouse.move(box.x + x, box.y + box.height * (0.5 + 0.25 * Math.sin(x / 25)));
    await page.mouse.up();
    assert.equal(await page.getByRole('alert').isHidden(), true, 'the hint goes away once something is drawn');
    await screenshot(page, 'handwritten-drawn-1280');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'handwritten-drawn-390');
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByRole('button', { name: 'Sign with this signature' }).click();
    await page.locator('#state').getByText(/Everyone has signed/).waitFor();
  });

  // The sealed PDF: the drawing is an image on the signatures page, and the method is named.
  await assertDrawingSealed(id, 'handwritten-signatures-page');
});

test('keyboard only: a typed name is written on the pad and signs like a drawing', async (t) => {
  const { id, link } = await startHandwritten('Rental agreement typed', { email: 'kim@example.test', name: 'Kim Keys' });
  await withTracedContext(suite.browser, t.name, async (context) => {
    const page = await context.newPage();
    await page.goto(link);
    await page.getByRole('button', { name: 'I have read this and continue' }).press('Enter');
    const typed = page.getByLabel('Or type your name, and it is written in the box');
    await typed.focus();
    await page.keyboard.type('Kim Keys');
    await screenshot(page, 'handwritten-typed-1280');
    await page.keyboard.press('Enter');
    await page.locator('#state').getByText(/Everyone has signed/).waitFor();
  });
  await assertDrawingSealed(id, 'typed-signatures-page');
});

test('signature blocks built in the /start form are signed in order, each by its own labelled button', async (t) => {
  const title = 'Sale of the boat';
  const [buyer, seller] = ['buyer@example.test', 'seller@example.test'];
  await withTracedContext(suite.browser, t.name, async (context) => {
    const page = await context.newPage();
    await signInWithForm(page, suite.sut);
    await page.goto(`${suite.sut.server.url}/start`);
    await page.getByLabel('Title', { exact: true }).fill(title);
    for (const [i, email] of [buyer, seller].entries()) {
      await page.getByRole('button', { name: 'Add signer' }).click();
      await page.getByLabel(`Signer ${i + 1} email`).fill(email);
    }
    await page.getByTestId('file-input').setInputFiles([
      { name: 'bill-of-sale.pdf', mimeType: 'application/pdf', buffer: Buffer.from(pdf) },
      { name: 'inventory.pdf', mimeType: 'application/pdf', buffer: Buffer.from(pdf) },
    ]);
    await page.getByRole('button', { name: 'Add block' }).click();
    await page.getByLabel('Block 1 label').fill('Approved by the buyer');
    await page.getByLabel(`Block 1 signed by ${buyer}`).check({ force: true }); // Fluent draws its box over the input
    await page.getByRole('button', { name: 'Add block' }).click();
    await page.getByLabel('Block 2 label').fill('Accepted by the seller');
    await page.getByLabel('Block 2 signs inventory.pdf').uncheck({ force: true });
    await page.getByLabel(`Block 2 signed by ${seller}`).check({ force: true });
    await screenshot(page, 'start-form-blocks-1280');
    await page.getByRole('button', { name: 'Send for signature' }).click();
    await page.getByTestId('process-created').waitFor({ timeout: 60_000 });
    const processUrl = await page.getByRole('link', { name: /Follow the process/ }).getAttribute('href');

    // The buyer's turn: their block's label is the sign button; the seller is not asked yet.
    const signer = await context.newPage();
    await signer.goto(await invitationLinkFor(suite.sut, buyer, title));
    await signer.getByRole('button', { name: 'I have read this and continue' }).click();
    await signer.getByText('you approve exactly: bill-of-sale.pdf, inventory.pdf').waitFor();
    await screenshot(signer, 'block-sign-buyer-1280');
    await signer.getByRole('button', { name: 'Approved by the buyer', exact: true }).click();
    await signer.locator('#state').getByText('You have signed. Thank you!').waitFor();

    await signer.goto(await invitationLinkFor(suite.sut, seller, title));
    await signer.getByRole('button', { name: 'I have read this and continue' }).click();
    await signer.locator('#blocks').getByText(`signed by ${buyer}`).waitFor();
    await signer.getByText('you approve exactly: bill-of-sale.pdf.').waitFor();
    await signer.setViewportSize({ width: 390, height: 844 });
    await screenshot(signer, 'block-sign-seller-390');
    await signer.getByRole('button', { name: 'Accepted by the seller', exact: true }).click();
    await signer.locator('#state').getByText(/Everyone has signed/).waitFor();

    await page.goto(new URL(processUrl!, suite.sut.server.url).href);
    await page.locator('#blocks').getByText(`by ${seller} (button)`).waitFor();
    await screenshot(page, 'process-blocks-1280');
  });
});
