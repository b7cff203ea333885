// Start-form settings that reach beyond the form: the address book can be turned off or remember fewer days,
// and emails go out from the admin's sender address (to a real SMTP peer) instead of MAIL_FROM, or from the
// process's report template's address when it names one.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { bearer, changeSettings, makePdf, processForm, startTestApp, type TestApp } from './harness';
import { startSmtpPeer } from './smtp-peer';

describe('address book and sender address settings', () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpPeer>>;
  let admin: Awaited<ReturnType<TestApp['user']>>;
  let now = new Date('2026-06-01T10:00:00Z');
  before(async () => {
    smtp = await startSmtpPeer();
    t = await startTestApp('pglite', { SMTP_URL: smtp.url, MAIL_FROM: 'Default <default@example.test>' }, { clock: () => now });
    admin = await t.user({ isAdmin: true });
  });
  after(async () => {
    await t.close();
    await smtp.close();
  });
  const start = async (email: string) =>
    t.app.request('/api/v1/processes', { method: 'POST', headers: bearer(admin.token), body: processForm({ title: `For ${email}`, signers: [{ email }] }, [{ name: 'a.pdf', bytes: await makePdf() }]) });
  const book = async () => ((await (await t.app.request('/api/v1/address-book', { headers: bearer(admin.token) })).json()) as { entries: { email: string }[] }).entries.map((e) => e.email);

  test('the address book remembers the configured number of days, or nothing when it is off', async () => {
    await start('old@example.test');
    now = new Date('2026-06-25T10:00:00Z');
    await start('new@example.test');
    assert.deepEqual(await book(), ['new@example.test', 'old@example.test']);
    await changeSettings(t, admin.token, { startForm: { addressBookDays: 10 } });
    assert.deepEqual(await book(), ['new@example.test']);
    await changeSettings(t, admin.token, { startForm: { addressBook: false } });
    assert.deepEqual(await book(), []);
  });

  test("emails go out from the admin's sender address", async () => {
    await changeSettings(t, admin.token, { startForm: { senderAddress: 'Acme Signatures <sign@acme.example>' } });
    assert.equal((await start('reader@example.test')).status, 201);
    await t.drain();
    const mails = await smtp.waitFor((all) => all.some((m) => m.to === 'reader@example.test'), 10_000);
    assert.equal(mails.find((m) => m.to === 'reader@example.test')!.from, 'sign@acme.example');
  });

  test("mail of a process with a report template that names a sender comes from the template's address", async () => {
    const res = await t.app.request('/api/v1/admin/report-templates', {
      method: 'POST',
      headers: { ...bearer(admin.token), 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'HR', senderAddress: 'hr@acme.example' }),
    });
    assert.equal(res.status, 201, await res.clone().text());
    const template = await res.json();
    const started = await t.app.request('/api/v1/processes', {
      method: 'POST',
      headers: bearer(admin.token),
      body: processForm({ title: 'Offer letter', signers: [{ email: 'candidate@example.test' }], reportTemplateId: template.id ?? template.template?.id }, [{ name: 'a.pdf', bytes: await makePdf() }]),
    });
    assert.equal(started.status, 201, await started.clone().text());
    await t.drain();
    const mails = await smtp.waitFor((all) => all.some((m) => m.to === 'candidate@example.test'), 10_000);
    assert.equal(mails.find((m) => m.to === 'candidate@example.test')!.from, 'hr@acme.example');
  });
});
