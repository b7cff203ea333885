// The SMS PIN step in Debian's Chromium against the real server process: SMS go through the HTTP gateway setting
// to a local gateway peer, invitations through a real SMTP peer. Right PIN (at phone width), wrong PINs until the
// link locks and the sender unlocks it on the process page, and the limit on ordering PINs (an expired PIN is
// tested in server/test/signer-pin.integration.test.ts with a controlled clock, instead of waiting a minute here). Screenshots at 390 and 1280 px.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import type { Page } from 'playwright-core';
import { makePdf, processForm } from '../server/test/harness';
import { startSmsPeer } from '../server/test/sms-peer';
import { screenshot, scrollWidth, waitUntil, withTracedContext } from './browser';
import { adminToken, changeSettings as changeSettingsOf, invitationLinkFor, signInWithForm, useFlowServerAndBrowser } from './flow-server';

let sms: Awaited<ReturnType<typeof startSmsPeer>>;
let token: string;
let pdf: Uint8Array;
const suite = useFlowServerAndBrowser(async () => {
  [sms, pdf] = await Promise.all([startSmsPeer(), makePdf('Loan agreement', 1)]);
  token = await adminToken(suite.sut);
  await changeSettings({ smsGateway: { kind: 'http', url: `${sms.url}/send`, method: 'POST' } });
});

const changeSettings = (change: Record<string, Record<string, unknown>>) => changeSettingsOf(suite.sut, token, change);

after(async () => {
  await sms?.close();
});

async function startWithPhone(title: string, email: string, phone: string) {
  const res = await fetch(`${suite.sut.server.url}/api/v1/processes`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}` },
    body: processForm({ title, signers: [{ email, name: 'Pia Puhelin', phone }] }, [{ name: 'loan.pdf', bytes: pdf }]),
  });
  assert.equal(res.status, 201, await res.clone().text());
  const process = (await res.json()) as { id: string };
  return { process, link: await invitationLinkFor(suite.sut, email, title) };
}

/** The PIN in the newest SMS the gateway received for this number, once it has arrived. */
async function smsPin(to: string, count: number): Promise<string> {
  const texts = await waitUntil(`SMS number ${count} to ${to}`, () => {
    const got = sms.requests.map((r) => JSON.parse(r.body) as { to: string; text: string }).filter((m) => m.to === to);
    return got.length >= count ? got : undefined;
  });
  return texts[count - 1].text.match(/: (\w+)\./)![1];
}

async function orderPin(page: Page) {
  await page.getByRole('button', { name: /Send (me )?a (new )?PIN/ }).click();
  await page.getByRole('status').or(page.getByRole('alert')).first().waitFor();
}

test('the right PIN opens the documents and the signer signs, at phone width', async (t) => {
  await withTracedContext(
    suite.browser,
    t.name,
    async (context) => {
      const { link } = await startWithPhone('Loan agreement PIN', 'pia@example.test', '+358 40 555 0101');
      const page = await context.newPage();
      await page.goto(link);
      await page.getByRole('heading', { name: 'Confirm it is you' }).waitFor();
      assert.equal(await page.getByText('Loan agreement PIN').count(), 0, 'nothing of the process before the PIN');
      await screenshot(page, 'pin-step-390');
      await orderPin(page);
      await page.getByText(/A PIN was sent to \+•+01\. It is valid for 10 minutes\./).waitFor();
      const pin = await smsPin('+358405550101', 1);
      await page.getByLabel('PIN', { exact: true }).fill(pin);
      await screenshot(page, 'pin-entered-390');
      assert.ok((await scrollWidth(page)) <= 390, 'the PIN step fits a phone');
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.getByRole('heading', { name: 'Loan agreement PIN' }).waitFor();
      await page.getByRole('button', { name: 'Sign', exact: true }).click();
      await page.getByText('Thank you: your signature is recorded.').waitFor();

      // The PIN session stays with this browser: the link opens again without a new PIN.
      await page.goto(link);
      await page.locator('#state').getByText(/Everyone has signed/).waitFor();
    },
    { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
  );
});

test('wrong PINs lock the link; the sender unlocks it on the process page; ordering is limited', async (t) => {
  await withTracedContext(suite.browser, t.name, async (context) => {
    await changeSettings({ signerPin: { maxWrongTries: 3, maxOrders: 3 } });
    const { process, link } = await startWithPhone('Lease PIN lockout', 'lars@example.test', '+46 70 123 45 67');
    const signer = await context.newPage();
    await signer.goto(link);
    await orderPin(signer);
    const pin = await smsPin('+46701234567', 1);
    const wrong = (pin[0] === '0' ? '1' : '0') + pin.slice(1);
    for (const left of [2, 1]) {
      await signer.getByLabel('PIN', { exact: true }).fill(wrong);
      await signer.getByRole('button', { name: 'Continue' }).click();
      await signer.getByText(`That PIN is not right. Tries left: ${left}.`).waitFor();
    }
    await screenshot(signer, 'pin-wrong-1280');
    await signer.getByLabel('PIN', { exact: true }).fill(wrong);
    await signer.getByRole('button', { name: 'Continue' }).click();
    await signer.locator('#pin-blocked').getByText(/this link is locked\. Ask .*admin@example\.test.* to unlock it/).waitFor();
    assert.equal(await signer.getByLabel('PIN', { exact: true }).count(), 0, 'no PIN field while locked');
    await screenshot(signer, 'pin-locked-1280');

    // The sender signs in and unlocks the link on the process page.
    const sender = await context.newPage();
    await signInWithForm(sender, suite.sut);
    await sender.goto(`${suite.sut.server.url}/processes/${process.id}`);
    await sender.getByText('Locked after too many wrong PINs').waitFor();
    await screenshot(sender, 'process-pin-locked-1280');
    await sender.getByRole('button', { name: 'Unlock the link' }).click();
    await sender.getByText("The signer's link is unlocked").waitFor();
    assert.equal(await sender.getByText('Locked after too many wrong PINs').count(), 0);

    // The signer can order again, up to the limit (3 in the window: one was used before the lock).
    await signer.goto(link);
    await orderPin(signer);
    await orderPin(signer);
    await orderPin(signer);
    await signer.getByText(/You have ordered 3 PINs in a short time\. Try again after \d\d:\d\d \(UTC\)\./).waitFor();
    await screenshot(signer, 'pin-order-limit-1280');
    const latest = await smsPin('+46701234567', 3);
    await signer.getByLabel('PIN', { exact: true }).fill(latest);
    await signer.getByRole('button', { name: 'Continue' }).click();
    await signer.getByRole('heading', { name: 'Lease PIN lockout' }).waitFor();
    await changeSettings({ signerPin: { maxWrongTries: 5, maxOrders: 5 } });
  });
});
