// Several signers on one device in Debian's Chromium, against the real server and a real SMTP peer: the first
// signer signs, hands the tablet to the second, who types the code from their email and signs on their own link.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { makePdf, processForm } from '../server/test/harness';
import { screenshot, withTracedContext } from './browser';
import { adminToken, invitationLinkFor, mailsTo, useFlowServerAndBrowser } from './flow-server';

let pdf: Uint8Array;
const suite = useFlowServerAndBrowser(async () => {
  pdf = await makePdf('Shared agreement', 1);
});

test('one tablet, two signers: sign, hand over, the next signer proves who they are and signs', async (t) => {
  const token = await adminToken(suite.sut);
  const title = 'Tenancy for two';
  const res = await fetch(`${suite.sut.server.url}/api/v1/processes`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}` },
    body: processForm({ title, signers: [{ email: 'tenant1@example.test', name: 'Tiina Tenant' }, { email: 'tenant2@example.test', name: 'Teemu Tenant' }], signatureMethods: ['button'] }, [{ name: 'tenancy.pdf', bytes: pdf }]),
  });
  assert.equal(res.status, 201, await res.clone().text());
  const link = await invitationLinkFor(suite.sut, 'tenant1@example.test', title);

  await withTracedContext(
    suite.browser,
    t.name,
    async (context) => {
      const page = await context.newPage();
      await page.goto(link);
      await page.getByRole('button', { name: 'Sign', exact: true }).click();
      await page.getByText('Thank you: your signature is recorded.').waitFor();
      await screenshot(page, 'handover-offer-390');
      await page.getByRole('button', { name: 'Hand over to Teemu Tenant' }).click();
      await page.getByRole('heading', { name: 'Code for Teemu Tenant' }).waitFor();
      await screenshot(page, 'handover-code-390');

      const mails = await suite.sut.smtp.waitFor((all) => mailsTo(all, 'tenant2@example.test', `Your code to sign "${title}"`).length > 0, 30_000);
      const code = mailsTo(mails, 'tenant2@example.test', `Your code to sign "${title}"`)[0].text.match(/code: (\d{6})/)![1];
      await page.getByLabel('Code').fill(code === '000000' ? '111111' : '000000');
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.getByText('That code is not right. Tries left: 4.').waitFor();
      await page.getByLabel('Code').fill(code);
      await page.getByRole('button', { name: 'Continue' }).click();

      // Now the second signer's own page: they are "(you)" and sign for themselves.
      await page.getByRole('row').filter({ hasText: 'tenant2@example.test' }).getByText('(you)').waitFor();
      await page.getByRole('button', { name: 'Sign', exact: true }).click();
      await page.locator('#state').getByText(/Everyone has signed/).waitFor();
      await screenshot(page, 'handover-done-390');
    },
    { viewport: { width: 390, height: 844 } },
  );
});
