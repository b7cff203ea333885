// Sign and forward, forward without signing, and signing for a company, in Debian's Chromium against the real
// server, a real SMTP peer, a real OpenID Connect provider (oidc-provider) and a stand-in signing-right service.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';

import { makePdf, processForm } from '../server/test/harness';
import { startIdp, type IdpStandIn } from '../server/test/oidc-idp';
import { startSigningRightService } from '../server/test/signing-right-service';
import { screenshot, withTracedContext } from './browser';
import { addTestBank, adminToken, changeSettings, invitationLinkFor, useFlowServerAndBrowser } from './flow-server';

let idp: IdpStandIn;
let rights: Awaited<ReturnType<typeof startSigningRightService>>;
let token: string;
let pdf: Uint8Array;
const suite = useFlowServerAndBrowser(async () => {
  [pdf, rights] = await Promise.all([makePdf('Company agreement', 1), startSigningRightService({ '1234567-8': ['010190-123A'] })]);
  idp = await startIdp({ redirectUri: `${suite.sut.server.url}/s/oidc/callback` });
  token = await adminToken(suite.sut);
  await addTestBank(suite.sut, token, idp);
  await changeSettings(suite.sut, token, { signingRights: { url: rights.url } });
});

after(async () => {
  await idp?.close();
  await rights?.close();
});

async function start(title: string, process: Record<string, unknown>) {
  const res = await fetch(`${suite.sut.server.url}/api/v1/processes`, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: processForm({ title, ...process }, [{ name: 'agreement.pdf', bytes: pdf }]) });
  assert.equal(res.status, 201, await res.clone().text());
  return (await res.json()) as { id: string };
}

test('sign and forward: the named colleague is invited and signs too', async (t) => {
  const title = 'Sign and forward E2E';
  await start(title, { signers: [{ email: 'sam@example.test' }], allowSignAndForward: true, signatureMethods: ['button'] });
  await withTracedContext(suite.browser, t.name, async (context) => {
    const page = await context.newPage();
    await page.goto(await invitationLinkFor(suite.sut, 'sam@example.test', title));
    await page.locator('summary').filter({ hasText: 'After I sign, invite someone else' }).click();
    await page.getByLabel('Email', { exact: true }).fill('colleague@example.test');
    await page.getByLabel('Name (optional)').fill('Cole League');
    await screenshot(page, 'sign-and-forward-1280');
    await page.getByRole('button', { name: 'Sign', exact: true }).click();
    await page.getByText('Thank you: your signature is recorded, and the person you named has been invited to sign.').waitFor();
    await page.getByRole('row').filter({ hasText: 'colleague@example.test' }).getByText('invited').waitFor();

    await page.goto(await invitationLinkFor(suite.sut, 'colleague@example.test', title));
    await page.getByRole('button', { name: 'Sign', exact: true }).click();
    await page.locator('#state').getByText(/Everyone has signed/).waitFor();
  });
});

test('forward without signing: the request moves to someone else', async (t) => {
  const title = 'Forward E2E';
  await start(title, { signers: [{ email: 'away@example.test' }], allowForward: true, signatureMethods: ['button'] });
  await withTracedContext(
    suite.browser,
    t.name,
    async (context) => {
      const page = await context.newPage();
      await page.goto(await invitationLinkFor(suite.sut, 'away@example.test', title));
      await page.locator('summary').filter({ hasText: 'Forward to someone else without signing' }).click();
      await page.locator('#forward').getByLabel('Email').fill('deputy@example.test');
      await page.getByRole('button', { name: 'Forward', exact: true }).click();
      await page.getByText('The request was forwarded and the new signer has been invited.').waitFor();
      assert.equal(await page.getByRole('button', { name: 'Sign', exact: true }).count(), 0);
      await screenshot(page, 'forwarded-390');
      await page.goto(await invitationLinkFor(suite.sut, 'deputy@example.test', title));
      await page.getByRole('button', { name: 'Sign', exact: true }).click();
      await page.locator('#state').getByText(/Everyone has signed/).waitFor();
    },
    { viewport: { width: 390, height: 844 } },
  );
});

test('signing for a company: the right is confirmed for one person and refused for another', async (t) => {
  const title = 'Company signature E2E';
  await start(title, { signers: [{ email: 'board@example.test', businessId: '1234567-8' }], signatureMethods: ['oidc:testbank'] });
  await withTracedContext(suite.browser, t.name, async (context) => {
    const page = await context.newPage();
    await page.goto(await invitationLinkFor(suite.sut, 'board@example.test', title));
    await page.getByText('signs for 1234567-8').waitFor();
    await page.getByRole('button', { name: 'Sign with Test bank ID' }).click();
    await page.getByRole('button', { name: 'Sign in as Matti Virtanen' }).click();
    await page.getByText('You cannot sign for 1234567-8: Matti Virtanen has no right to sign for 1234567-8 in the trade register. Nothing was signed.').waitFor();
    await screenshot(page, 'signing-right-refused-1280');
    await page.getByRole('button', { name: 'Sign with Test bank ID' }).click();
    await page.getByRole('button', { name: 'Sign in as Maija Meikäläinen' }).click();
    await page.getByText('Thank you: your signature is recorded.').waitFor();
    await page.locator('#state').getByText(/Everyone has signed/).waitFor();
  });
});
