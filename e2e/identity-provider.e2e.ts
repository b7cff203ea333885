// Signing with an identity provider in Debian's Chromium: the real server process, a real OpenID Connect
// provider on loopback (oidc-provider) standing in for a bank ID broker, and a real SMTP peer. The right person
// signs; another person is refused with a message and nothing is signed. Screenshots at 390 and 1280 px.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';

import { makePdf, processForm } from '../server/test/harness';
import { startIdp, type IdpStandIn } from '../server/test/oidc-idp';
import { screenshot, withTracedContext } from './browser';
import { addTestBank, adminToken, invitationLinkFor, useFlowServerAndBrowser } from './flow-server';

let idp: IdpStandIn;
let token: string;
let pdf: Uint8Array;
const suite = useFlowServerAndBrowser(async () => {
  pdf = await makePdf('Loan agreement', 1);
  idp = await startIdp({ redirectUri: `${suite.sut.server.url}/s/oidc/callback` });
  token = await adminToken(suite.sut);
  await addTestBank(suite.sut, token, idp);
});

after(async () => {
  await idp?.close();
});

async function startProcess(title: string, email: string) {
  const res = await fetch(`${suite.sut.server.url}/api/v1/processes`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}` },
    body: processForm({ title, signers: [{ email, name: 'Maija M', identityNumber: '010190-123A' }], signatureMethods: ['button', 'oidc:testbank'] }, [{ name: 'loan.pdf', bytes: pdf }]),
  });
  assert.equal(res.status, 201, await res.clone().text());
  return invitationLinkFor(suite.sut, email, title);
}

test('the right person signs with the identity provider, at phone width', async (t) => {
  const link = await startProcess('Loan with bank ID', 'maija@example.test');
  await withTracedContext(
    suite.browser,
    t.name,
    async (context) => {
      const page = await context.newPage();
      await page.goto(link);
      await page.getByRole('button', { name: 'Sign with Test bank ID' }).waitFor();
      await screenshot(page, 'sign-with-idp-390');
      await page.getByRole('button', { name: 'Sign with Test bank ID' }).click();
      await page.getByRole('heading', { name: 'Test bank ID' }).waitFor();
      assert.equal(new URL(page.url()).origin, idp.issuer, 'the browser is at the identity provider');
      await page.getByRole('button', { name: 'Sign in as Maija Meikäläinen' }).click();
      await page.getByText('Thank you: your signature is recorded.').waitFor();
      await page.locator('#state').getByText(/Everyone has signed/).waitFor();
      await screenshot(page, 'signed-with-idp-390');
    },
    { viewport: { width: 390, height: 844 } },
  );
});

test('another person authenticating is refused and nothing is signed', async (t) => {
  const link = await startProcess('Loan wrong person', 'maija2@example.test');
  await withTracedContext(suite.browser, t.name, async (context) => {
    const page = await context.newPage();
    await page.goto(link);
    await page.getByRole('button', { name: 'Sign with Test bank ID' }).click();
    await page.getByRole('button', { name: 'Sign in as Matti Virtanen' }).click();
    await page.getByText('The identity you authenticated with is not that of the person asked to sign. Nothing was signed.').waitFor();
    assert.equal(await page.getByRole('button', { name: 'Sign', exact: true }).isEnabled(), true, 'the signer can still sign another way');
    await screenshot(page, 'idp-wrong-person-1280');
  });
});

test('a replayed callback and one without state sign nothing and say why', async (t) => {
  const link = await startProcess('Loan replay', 'maija3@example.test');
  await withTracedContext(suite.browser, t.name, async (context) => {
    const page = await context.newPage();
    let callback = '';
    page.on('request', (r) => {
      if (r.url().includes('/s/oidc/callback')) callback ||= r.url();
    });
    await page.goto(link);
    await page.getByRole('button', { name: 'Sign with Test bank ID' }).click();
    await page.getByRole('button', { name: 'Sign in as Matti Virtanen' }).click();
    await page.getByText('The identity you authenticated with is not that of the person asked to sign.').waitFor();
    // The same answer again (the back button, a reload of the callback): used up.
    await page.goto(callback);
    await page.getByText('That authentication was already used or took too long. Nothing was signed; start again.').waitFor();
    // An answer without state: a clear error page.
    const res = await page.goto(`${suite.sut.server.url}/s/oidc/callback?code=abc`);
    assert.equal(res?.status(), 400);
    await page.getByText(/has no state: start again from the link in your invitation/).waitFor();
    await screenshot(page, 'idp-missing-state-1280');
  });
});
