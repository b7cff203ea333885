// The protected download link of final documents in Debian's Chromium against the real server process and a real
// SMTP peer: the link email, asking for the one-time code (by a second email), a wrong code's message, the right
// code, and the download, which is the sealed final. Screenshots at 390 and 1280 px.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { makePdf, processForm } from '../server/test/harness';
import { screenshot, scrollWidth, withTracedContext } from './browser';
import { adminToken, changeSettings, invitationLinkFor, mailsTo, signInWithForm, useFlowServerAndBrowser } from './flow-server';

let token: string;
const suite = useFlowServerAndBrowser(async () => {
  token = await adminToken(suite.sut);
  await changeSettings(suite.sut, token, { secureDelivery: { externalMode: 'link', maxWrongCodes: 5 } });
});


test('an external signer downloads the signed document through the protected link with a one-time code', async (t) => {
  await withTracedContext(suite.browser, t.name, async (context) => {
    const title = 'Consulting <agreement>';
    const email = 'external.partner@partner.test';
    const res = await fetch(`${suite.sut.server.url}/api/v1/processes`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}` },
      body: processForm({ title, signers: [{ email, name: 'Erik Extern' }] }, [{ name: 'consulting.pdf', bytes: await makePdf(title) }]),
    });
    assert.equal(res.status, 201, await res.clone().text());
    const process = (await res.json()) as { id: string; documents: { id: string }[] };

    const page = await context.newPage();
    await page.goto(await invitationLinkFor(suite.sut, email, title));
    await page.getByRole('button', { name: 'Sign', exact: true }).click();
    await page.getByText('Thank you: your signature is recorded.').waitFor();

    const [final] = mailsTo(await suite.sut.smtp.waitFor((all) => mailsTo(all, email, `Signed: ${title}`).length > 0, 30_000), email, `Signed: ${title}`);
    assert.equal(final.attachments.length, 0, 'no documents in the email');
    const link = final.text.match(/https?:\/\/\S+\/d\/[A-Za-z0-9_-]+/)![0];

    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(link);
    await page.getByRole('heading', { name: 'Signed documents' }).waitFor();
    await page.getByText(title).waitFor();
    assert.equal(await page.getByRole('link', { name: /consulting/ }).count(), 0, 'no documents before the code');
    await screenshot(page, 'secure-download-start-390');
    await page.getByRole('button', { name: 'Send me a code' }).click();
    await page.getByText('We sent you a code. Enter it below.').waitFor();

    const [codeMail] = mailsTo(await suite.sut.smtp.waitFor((all) => mailsTo(all, email, `Your code: ${title}`).length > 0, 30_000), email, `Your code: ${title}`);
    const code = codeMail.text.match(/is: (\d{8})/)![1];
    const wrong = code.replace(/^./, (d) => String((Number(d) + 1) % 10));
    await page.getByLabel('One-time code').fill(wrong);
    await page.getByRole('button', { name: 'Open the documents' }).click();
    await page.getByRole('alert').getByText('The code is not right (4 tries left)').waitFor();
    await screenshot(page, 'secure-download-wrong-code-390');
    assert.ok((await scrollWidth(page)) <= 390, 'the page fits a phone');

    await page.getByLabel('One-time code').fill(code);
    await page.getByRole('button', { name: 'Open the documents' }).click();
    const fileLink = page.getByRole('link', { name: 'consulting-signed.pdf' });
    await fileLink.waitFor();
    await page.setViewportSize({ width: 1280, height: 900 });
    await screenshot(page, 'secure-download-documents-1280');
    const [download] = await Promise.all([page.waitForEvent('download'), fileLink.click()]);
    const bytes = readFileSync(await download.path());

    const stored = await fetch(`${suite.sut.server.url}/api/v1/processes/${process.id}/documents/${process.documents[0].id}/final.pdf`, { headers: { Authorization: `Bearer ${token}` } });
    const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
    assert.equal(sha(bytes), sha(new Uint8Array(await stored.arrayBuffer())), 'the download is the sealed final');
  });
});

test('an admin adds a recipient certificate on Admin → Secure mail, and a certificate that cannot encrypt is refused', async (t) => {
  await withTracedContext(suite.browser, t.name, async (context) => {
    const { makeRecipientCertificate } = await import('../server/test/smime-tools');
    const page = await context.newPage();
    await signInWithForm(page, suite.sut);
    await page.goto(`${suite.sut.server.url}/admin/secure-mail`);
    await page.getByRole('heading', { name: 'Secure mail' }).waitFor();
    await page.getByLabel('Final documents to external recipients').selectOption('smime_or_link');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Saved. It applies from the next message on.').waitFor();

    const good = makeRecipientCertificate('carla@partner.test');
    await page.getByLabel("Recipient's email address").fill('carla@partner.test');
    await page.getByLabel('Certificate file').setInputFiles(good.certPath);
    await page.getByRole('button', { name: 'Add certificate' }).click();
    await page.getByText('Certificate saved.').waitFor();
    await page.locator('#certificates').getByText('carla@partner.test').waitFor();

    const ec = makeRecipientCertificate('dan@partner.test', { key: 'ec' });
    await page.getByLabel("Recipient's email address").fill('dan@partner.test');
    await page.getByLabel('Certificate file').setInputFiles(ec.certPath);
    await page.getByRole('button', { name: 'Add certificate' }).click();
    await page.getByRole('alert').getByText(/not RSA/).waitFor();
    await screenshot(page, 'admin-secure-mail-1280');
    assert.equal(await page.locator('#certificates').getByText('dan@partner.test').count(), 0);
  });
});
