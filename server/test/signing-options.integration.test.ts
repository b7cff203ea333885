// The sender's per-process options and the admin's disclaimer on the signer's side, through the real app on
// PGlite and PostgreSQL: forced download before Sign, hidden attachments, invitations by SMS too, and the
// disclaimer shown before anything else (the PIN step included); signers' organisation and position title.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { signers } from '../src/db/schema';
import { bearer, changeSettings, dbKinds, makePdf, processForm, startTestApp, type ProcessRequest, type TestApp } from './harness';
import { readOutbox, signingPathFor } from './outbox-reader';

for (const kind of dbKinds) {
  describe(`signing options on ${kind}`, () => {
    let t: TestApp;
    let pdf: Uint8Array;
    let admin: Awaited<ReturnType<TestApp['user']>>;
    let n = 0;
    before(async () => {
      t = await startTestApp(kind);
      pdf = await makePdf('Offer letter', 1);
      admin = await t.user({ isAdmin: true });
      // These processes carry attachments, which the admin must allow (off by default).
      await changeSettings(t, admin.token, { startForm: { attachments: 'shown' } });
    });
    after(() => t.close());

    async function start(req: ProcessRequest, token = admin.token) {
      const res = await t.app.request('/api/v1/processes', {
        method: 'POST',
        headers: bearer(token),
        body: processForm(req, [{ name: 'offer.pdf', bytes: pdf }, { name: 'annex.pdf', bytes: pdf }], [{ name: 'price-list.txt', bytes: new TextEncoder().encode('prices'), type: 'text/plain' }]),
      });
      return res;
    }
    async function started(req: ProcessRequest) {
      const res = await start(req);
      assert.equal(res.status, 201, await res.clone().text());
      return res.json();
    }
    const email = () => `opt${++n}@example.test`;
    const post = (path: string) => t.app.request(path, { method: 'POST', headers: { Origin: 'http://localhost', 'Content-Type': 'application/x-www-form-urlencoded' }, body: '' });
    const settings = (change: Record<string, Record<string, unknown>>) => changeSettings(t, admin.token, change);

    test('with forced download, Sign waits until every document to sign was downloaded (viewing does not count)', async () => {
      const who = email();
      const process = await started({ signers: [{ email: who }], forceDownload: true });
      assert.equal(process.forceDownload, true);
      const link = await signingPathFor(t.ctx, who);
      const [offer, annex] = process.documents.filter((d: { kind: string }) => d.kind === 'document');

      let html = await (await t.app.request(link)).text();
      assert.match(html, /Download every document before signing/);
      assert.match(html, /<button type="submit" id="sign" disabled="">/);
      const early = await post(`${link}/sign`);
      assert.equal(early.status, 409);
      assert.match(await early.text(), /Download every document first, then sign\./);

      await t.app.request(`${link}/documents/${offer.id}`); // viewed in the browser, not downloaded
      await t.app.request(`${link}/documents/${offer.id}?download=1`);
      assert.equal((await post(`${link}/sign`)).status, 409, 'one of two documents is not enough');
      const download = await t.app.request(`${link}/documents/${annex.id}?download=1`);
      assert.match(download.headers.get('content-disposition')!, /^attachment/);
      html = await (await t.app.request(link)).text();
      assert.doesNotMatch(html, /Download every document before signing/);
      assert.match(html, /<button type="submit" id="sign">/);
      assert.equal((await post(`${link}/sign`)).status, 303);
      const [row] = await t.ctx.db.select().from(signers).where(eq(signers.processId, process.id));
      assert.equal(row.status, 'signed');

      const view = await (await t.app.request(`/api/v1/processes/${process.id}`, { headers: bearer(admin.token) })).json();
      const events = view.auditTrail.filter((a: { type: string }) => a.type === 'document_downloaded').map((a: { message: string }) => a.message);
      assert.deepEqual(events, [`Document offer.pdf opened by signer ${who}`, `Document offer.pdf downloaded by signer ${who}`, `Document annex.pdf downloaded by signer ${who}`]);
    });

    test('hidden attachments are neither listed nor served to signers; the sender still has them', async () => {
      const who = email();
      const process = await started({ signers: [{ email: who }], attachmentsVisible: false });
      const link = await signingPathFor(t.ctx, who);
      const attachment = process.documents.find((d: { kind: string }) => d.kind === 'attachment');
      const html = await (await t.app.request(link)).text();
      assert.doesNotMatch(html, /price-list\.txt/);
      assert.match(html, /offer\.pdf/);
      assert.equal((await t.app.request(`${link}/documents/${attachment.id}?download=1`)).status, 404);
      assert.equal((await t.app.request(`/api/v1/processes/${process.id}/documents/${attachment.id}/original`, { headers: bearer(admin.token) })).status, 200);

      const shown = await started({ signers: [{ email: email() }] });
      assert.equal(shown.attachmentsVisible, true, 'attachments are shown unless the sender hides them');
    });

    test('with SMS notifications, signers with a phone get the invitation and reminders by SMS too, with their link', async () => {
      const withPhone = email();
      const noPhone = email();
      const process = await started({ signers: [{ email: withPhone, phone: '+358 50 111 2222', language: 'sv' }, { email: noPhone }], smsNotifications: true });
      assert.equal((await t.app.request(`/api/v1/processes/${process.id}/remind`, { method: 'POST', headers: bearer(admin.token) })).status, 200);
      const sms = (await readOutbox(t.ctx)).filter((m) => m.channel === 'sms' && m.processId === process.id);
      assert.equal(sms.length, 2, 'invitation and reminder, only to the signer with a phone');
      assert.ok(sms.every((m) => m.recipient === '+358 50 111 2222'));
      const link = await signingPathFor(t.ctx, withPhone);
      assert.match(sms[0].text, /ber dig signera "Employment contract": http:\/\/localhost:3999\/s\//);
      assert.ok(sms.some((m) => m.text.startsWith('Påminnelse:')));
      assert.ok(sms.every((m) => m.text.endsWith(`http://localhost:3999${link}`)), 'the SMS carries the same personal link');

      const plain = await started({ signers: [{ email: email(), phone: '+358 50 333 4444' }] });
      assert.equal((await readOutbox(t.ctx)).filter((m) => m.channel === 'sms' && m.processId === plain.id).length, 0, 'no SMS unless asked for');
    });

    test('options the admin does not allow are refused', async () => {
      await settings({ startForm: { allowForceDownload: false, allowSmsNotifications: false } });
      const forced = await start({ signers: [{ email: email() }], forceDownload: true });
      assert.equal(forced.status, 400);
      assert.equal((await forced.json()).error.field, 'forceDownload');
      const sms = await start({ signers: [{ email: email() }], smsNotifications: true });
      assert.equal(sms.status, 400);
      assert.equal((await sms.json()).error.field, 'smsNotifications');
      await settings({ startForm: { allowForceDownload: true, allowSmsNotifications: true } });
    });

    test('the disclaimer comes before anything else, in the page language, once per signer', async () => {
      await settings({ disclaimer: { enabled: true, en: ['Signing here is binding.', 'Read every document.'], fi: ['Allekirjoitus sitoo.'] } });
      const who = email();
      const process = await started({ title: 'Confidential offer', signers: [{ email: who, phone: '+358 40 999 8888' }] });
      const link = await signingPathFor(t.ctx, who);

      const first = await (await t.app.request(link)).text();
      assert.match(first, /Before you continue/);
      assert.match(first, /<p>Signing here is binding\.<\/p><p>Read every document\.<\/p>/);
      assert.doesNotMatch(first, /Confidential offer|Confirm it is you/, 'not even the PIN step before the disclaimer');
      assert.match(await (await t.app.request(`${link}?lang=fi`)).text(), /Allekirjoitus sitoo\./);
      assert.match(await (await t.app.request(`${link}?lang=de`)).text(), /Signing here is binding\./, 'English when the language has no text');
      const order = await post(`${link}/pin/order`);
      assert.equal(order.status, 303);
      assert.equal(order.headers.get('location'), link, 'no PIN before the disclaimer is accepted');
      assert.equal((await readOutbox(t.ctx)).filter((m) => m.processId === process.id && m.channel === 'sms').length, 0);

      assert.equal((await post(`${link}/disclaimer`)).status, 303);
      assert.equal((await post(`${link}/disclaimer`)).status, 303, 'a second click is harmless');
      assert.match(await (await t.app.request(link)).text(), /Confirm it is you/, 'then the PIN step');
      const view = await (await t.app.request(`/api/v1/processes/${process.id}`, { headers: bearer(admin.token) })).json();
      assert.deepEqual(
        view.auditTrail.filter((a: { type: string }) => a.type === 'disclaimer_accepted').map((a: { message: string }) => a.message),
        [`Disclaimer accepted by signer ${who}`],
      );
      await settings({ disclaimer: { enabled: false } });
    });
  });
}

describe('organisation and position title of signers', () => {
  let t: TestApp;
  let admin: Awaited<ReturnType<TestApp['user']>>;
  let pdf: Uint8Array;
  before(async () => {
    t = await startTestApp('pglite');
    admin = await t.user({ isAdmin: true });
    pdf = await makePdf('Board resolution', 1);
  });
  after(() => t.close());
  const setMode = (organizationAndTitle: string) => changeSettings(t, admin.token, { signerDetails: { organizationAndTitle } });
  const start = (signer: Record<string, string>) =>
    t.app.request('/api/v1/processes', { method: 'POST', headers: bearer(admin.token), body: processForm({ signers: [signer as never] }, [{ name: 'resolution.pdf', bytes: pdf }]) });
  const sign = (link: string, fields: Record<string, string>) =>
    t.app.request(`${link}/sign`, { method: 'POST', headers: { Origin: 'http://localhost', 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });

  test('shown on the signing page and printed on the signatures page; signers cannot change them by default', async () => {
    const res = await start({ email: 'ceo@example.test', name: 'Cleo Chief', organization: 'Acme Oy', jobTitle: 'CEO' });
    assert.equal(res.status, 201);
    const process = await res.json();
    assert.deepEqual([process.signers[0].organization, process.signers[0].jobTitle], ['Acme Oy', 'CEO']);
    const link = await signingPathFor(t.ctx, 'ceo@example.test');
    const html = await (await t.app.request(link)).text();
    assert.match(html, /<div class="muted">CEO, Acme Oy<\/div>/);
    assert.doesNotMatch(html, /name="organization"/, 'not editable unless the admin allows it');
    assert.equal((await sign(link, { method: 'button', organization: 'Forged Ltd' })).status, 303);
    const [row] = await t.ctx.db.select().from(signers).where(eq(signers.email, 'ceo@example.test'));
    assert.equal(row.organization, 'Acme Oy', 'a posted value is ignored');
    assert.deepEqual(JSON.parse(row.signRecord!).signer, { id: row.id, email: 'ceo@example.test', name: 'Cleo Chief', organization: 'Acme Oy', jobTitle: 'CEO' });
    await t.drain();
    const final = await (await t.app.request(`/api/v1/processes/${process.id}/documents/${process.documents[0].id}/final.pdf`, { headers: bearer(admin.token) })).arrayBuffer();
    const dir = mkdtempSync(path.join(tmpdir(), 'ss-role-'));
    try {
      writeFileSync(path.join(dir, 'final.pdf'), new Uint8Array(final));
      assert.match(execFileSync('pdftotext', [path.join(dir, 'final.pdf'), '-'], { encoding: 'utf8' }), /1\. Cleo Chief\nCEO, Acme Oy\nceo@example\.test/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('when the admin allows it, the signer corrects them before signing', async () => {
    await setMode('editable_by_signer');
    assert.equal((await start({ email: 'cfo@example.test', organization: 'Acme', jobTitle: 'Finance' })).status, 201);
    const link = await signingPathFor(t.ctx, 'cfo@example.test');
    const html = await (await t.app.request(link)).text();
    assert.match(html, /<input id="organization" name="organization" maxlength="200" value="Acme" form="sign-button-form"/);
    assert.equal((await sign(link, { method: 'button', organization: 'x'.repeat(201), jobTitle: 'CFO' })).status, 400);
    assert.equal((await sign(link, { method: 'button', organization: ' Acme Oyj ', jobTitle: 'CFO' })).status, 303);
    const [row] = await t.ctx.db.select().from(signers).where(eq(signers.email, 'cfo@example.test'));
    assert.deepEqual([row.organization, row.jobTitle, row.status], ['Acme Oyj', 'CFO', 'signed']);
  });

  test('turned off: senders cannot give them and pages do not show them', async () => {
    await setMode('disabled');
    const refused = await start({ email: 'x@example.test', organization: 'Acme' });
    assert.equal(refused.status, 400);
    assert.equal((await refused.json()).error.field, 'signers.0.organization');
    await setMode('enabled');
  });
});
