// Signers in five languages (PGlite): the signing page follows the browser's Accept-Language, can be switched
// with ?lang= (remembered), and each signer's emails come in the signer's language or the process's.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { bearer, makePdf, processForm, startTestApp, type TestApp } from './harness';
import { readOutbox, signingPathFor } from './outbox-reader';

let t: TestApp;
let link: string;
before(async () => {
  t = await startTestApp('pglite');
  const u = await t.user();
  await t.app.request('/api/v1/processes', {
    method: 'POST',
    headers: bearer(u.token),
    body: processForm(
      { title: 'Vuokrasopimus', language: 'fi', signers: [{ email: 'matti@example.test', name: 'Matti' }, { email: 'hans@example.test', language: 'de' }] },
      [{ name: 'a.pdf', bytes: await makePdf() }],
    ),
  });
  link = await signingPathFor(t.ctx, 'matti@example.test');
});
after(() => t.close());

const cases: [string, string, RegExp][] = [
  ['en', 'en-GB,en;q=0.8', /<button type="submit" id="sign">Sign<\/button>/],
  ['fi', 'fi-FI,fi;q=0.9,en;q=0.5', /<button type="submit" id="sign">Allekirjoita<\/button>/],
  ['sv', 'sv-SE', /<button type="submit" id="sign">Skriv under<\/button>/],
  ['da', 'da', /<button type="submit" id="sign">Underskriv<\/button>/],
  ['de', 'de-DE,de;q=0.9', /<button type="submit" id="sign">Unterschreiben<\/button>/],
];
for (const [lang, header, button] of cases) {
  test(`the signing page in ${lang} from Accept-Language: ${header}`, async () => {
    const html = await (await t.app.request(link, { headers: { 'Accept-Language': header } })).text();
    assert.match(html, button);
    assert.match(html, new RegExp(`<html lang="${lang}">`));
  });
}

test('?lang= switches the language and a cookie remembers it; unknown languages fall back to English', async () => {
  const res = await t.app.request(`${link}?lang=sv`, { headers: { 'Accept-Language': 'de' } });
  assert.match(await res.text(), /Skriv under/);
  const cookie = res.headers.get('set-cookie')!.match(/ss_lang=([a-z]+)/)![0];
  const again = await (await t.app.request(link, { headers: { 'Accept-Language': 'de', Cookie: cookie } })).text();
  assert.match(again, /Skriv under/);
  assert.match(await (await t.app.request(link, { headers: { 'Accept-Language': 'xx-YY' } })).text(), /id="sign">Sign</);
});

test("emails come in the signer's own language, else the process's", async () => {
  const mails = await readOutbox(t.ctx);
  const matti = mails.find((m) => m.recipient === 'matti@example.test')!;
  const hans = mails.find((m) => m.recipient === 'hans@example.test')!;
  assert.equal(matti.subject, 'Allekirjoituspyyntö: Vuokrasopimus');
  assert.match(matti.text, /Hei Matti,/);
  assert.match(matti.html, />Avaa ja allekirjoita</);
  assert.equal(hans.subject, 'Bitte um Unterschrift: Vuokrasopimus');
  assert.match(hans.text, /Dieser Link ist persönlich/);
});

test('refusals on the page are translated too: a double Sign in Finnish', async () => {
  const post = () =>
    t.app.request(`${link}/sign`, { method: 'POST', headers: { Origin: 'http://localhost', 'Accept-Language': 'fi', 'Content-Type': 'application/x-www-form-urlencoded' }, body: '' });
  assert.equal((await post()).status, 303);
  const again = await post();
  assert.equal(again.status, 409);
  assert.match(await again.text(), /Olet jo allekirjoittanut\./);
});
