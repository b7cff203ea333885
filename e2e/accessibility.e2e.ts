// The signer's pages for everyone, in Debian's Chromium against the real server: an axe-core check finds no
// serious or critical violation on each page a signer meets, each of the five languages is used once, and nothing
// scrolls sideways at phone width.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { makePdf, processForm, signaturePng } from '../server/test/harness';
import { screenshot, scrollWidth, withTracedContext } from './browser';
import { adminToken, signInWithForm, signingLink, useFlowServerAndBrowser } from './flow-server';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
let token: string;
let pdf: Uint8Array;
const suite = useFlowServerAndBrowser(async () => {
  pdf = await makePdf('Accessible agreement', 1);
  token = await adminToken(suite.sut);
});

async function invite(title: string, signer: Record<string, string>, extra: Record<string, unknown> = {}) {
  const res = await fetch(`${suite.sut.server.url}/api/v1/processes`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}` },
    body: processForm({ title, message: 'Please read and sign.', signers: [signer as never], ...extra }, [{ name: 'agreement.pdf', bytes: pdf }]),
  });
  assert.equal(res.status, 201, await res.clone().text());
  const mails = await suite.sut.smtp.waitFor((all) => all.some((m) => m.to === signer.email), 30_000);
  return signingLink(mails.filter((m) => m.to === signer.email)[0]);
}

/** axe-core's serious and critical findings on the page, as "rule: target" lines. */
async function axeProblems(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(async () => (window as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe.run());
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}

test('axe finds no serious violation on the PIN step, the signing page, the forward and reject forms', async (t) => {
  const pinLink = await invite('Axe PIN', { email: 'axe-pin@example.test', phone: '+358 40 111 0000' });
  const link = await invite('Axe signing', { email: 'axe@example.test', name: 'Aino Axe' }, { allowForward: true, allowSignAndForward: true });
  await withTracedContext(
    suite.browser,
    t.name,
    async (context) => {
      const page = await context.newPage();
      await page.goto(pinLink);
      assert.deepEqual(await axeProblems(page), [], 'PIN step');
      await page.goto(link);
      await page.locator('summary').filter({ hasText: 'Forward to someone else' }).click();
      await page.locator('summary').filter({ hasText: 'Reject' }).click();
      await page.locator('summary').filter({ hasText: 'After I sign' }).click();
      assert.deepEqual(await axeProblems(page), [], 'signing page with every section open');
      await screenshot(page, 'signing-all-open-1280');
    },
    { bypassCSP: true },
  );
});

test('each language once, at phone width, without sideways scrolling', async (t) => {
  const link = await invite('Languages', { email: 'lang@example.test' });
  const decision: Record<string, string> = { en: 'Your decision', fi: 'Päätöksesi', sv: 'Ditt beslut', da: 'Din beslutning', de: 'Ihre Entscheidung' };
  await withTracedContext(
    suite.browser,
    t.name,
    async (context) => {
      const page = await context.newPage();
      for (const [lang, heading] of Object.entries(decision)) {
        await page.goto(`${link}?lang=${lang}`);
        assert.equal(await page.locator('html').getAttribute('lang'), lang);
        await page.getByRole('heading', { name: heading }).waitFor();
        assert.ok((await scrollWidth(page)) <= 390, `${lang}: no sideways scrolling at 390 px`);
        await screenshot(page, `signing-${lang}-390`);
      }
      // The choice is remembered: the next visit without ?lang stays in German.
      await page.goto(link);
      await page.getByRole('heading', { name: 'Ihre Entscheidung' }).waitFor();
    },
    { viewport: { width: 390, height: 844 } },
  );
});

test("the admin's logo and colours apply to the signer's page", async (t) => {
  const link = await invite('Branded page', { email: 'branded@example.test' });
  await withTracedContext(suite.browser, t.name, async (context) => {
    const page = await context.newPage();
    await signInWithForm(page, suite.sut);
    await page.goto(`${suite.sut.server.url}/admin/branding`);
    await page.getByLabel(/^Logo/).setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: Buffer.from(signaturePng(240, 64).split(',')[1], 'base64') });
    await page.getByLabel(/^Custom CSS/).fill(':root { --brand: #7a1f5c; }');
    await page.getByRole('button', { name: 'Save branding' }).click();
    await page.getByText('Saved. Every page shows the new branding from now on.').waitFor();

    const signer = await context.newPage();
    await signer.goto(link);
    const sign = signer.getByRole('button', { name: 'Sign', exact: true });
    assert.equal(await sign.evaluate((b) => getComputedStyle(b).backgroundColor), 'rgb(122, 31, 92)');
    const logo = await signer.locator('header.top .brand').evaluate((a) => getComputedStyle(a, '::before').backgroundImage);
    assert.match(logo, /\/branding\/logo\?v=/);
    await screenshot(signer, 'signing-branded-1280');
  });
});

test('documents open inside the page with PDF.js, also at phone width', async (t) => {
  const link = await invite('Viewer', { email: 'viewer@example.test' });
  await withTracedContext(
    suite.browser,
    t.name,
    async (context) => {
      const page = await context.newPage();
      await page.goto(link);
      await page.getByRole('link', { name: 'agreement.pdf' }).click();
      const rendered = page.getByRole('img', { name: 'agreement.pdf, page 1 / 1' });
      await rendered.waitFor();
      assert.equal(context.pages().length, 1, 'no new tab: the document is shown in the page');
      // Something was drawn: the page's text leaves dark pixels on the canvas.
      await page.waitForFunction(() => {
        const c = document.querySelector('#viewer-pages canvas') as HTMLCanvasElement | null;
        const data = c?.getContext('2d')?.getImageData(0, 0, c.width, c.height).data;
        return !!data && data.some((v, i) => i % 4 === 0 && v < 100);
      });
      assert.equal(await page.locator('#viewer-status').innerText(), '');
      await screenshot(page, 'viewer-390');
      await page.getByRole('button', { name: 'Close' }).click();
      assert.equal(await page.locator('#viewer').isHidden(), true);
    },
    { viewport: { width: 390, height: 844 } },
  );
});
