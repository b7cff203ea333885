// Settings → SMS notifications (per kind: off, allowed, forced) and Settings → Start form → attachments, through the
// real app on PGlite and PostgreSQL: each mode decides whether signers with a phone number get the SMS, and the
// attachments rule holds for the API and shows in the start form's configuration.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { signAsSigner } from '../src/domain/signer/sign-as-signer';
import { rejectAsSigner } from '../src/domain/signer/reject-as-signer';
import { bearer, changeSettings, dbKinds, makePdf, processForm, startTestApp, type TestApp } from './harness';
import { readOutbox, signingPathFor } from './outbox-reader';

let n = 0;
for (const kind of dbKinds) {
  describe(`SMS notification modes and attachments on ${kind}`, () => {
    let t: TestApp;
    let admin: Awaited<ReturnType<TestApp['user']>>;
    before(async () => {
      t = await startTestApp(kind);
      admin = await t.user({ isAdmin: true });
    });
    after(() => t.close());

    const start = async (opts: { sms: boolean; signers: { email: string; phone?: string }[]; attachments?: boolean; attachmentsVisible?: boolean }) => {
      const res = await t.app.request('/api/v1/processes', {
        method: 'POST',
        headers: bearer(admin.token),
        body: processForm(
          { smsNotifications: opts.sms, signers: opts.signers, ...(opts.attachmentsVisible === undefined ? {} : { attachmentsVisible: opts.attachmentsVisible }) } as never,
          [{ name: 'a.pdf', bytes: await makePdf() }],
          opts.attachments ? [{ name: 'terms.txt', bytes: new TextEncoder().encode('terms') }] : [],
        ),
      });
      return { status: res.status, body: await res.json() };
    };
    const phone = () => `+35840${String(1000000 + ++n)}`;
    const smsTo = async (to: string) => (await readOutbox(t.ctx)).filter((m) => m.channel === 'sms' && m.recipient === to).map((m) => m.template === 'signSms' ? (m.params as { kind: string }).kind : m.template === 'noticeSms' ? (m.params as { kind: string }).kind : m.template);
    const email = () => `s${++n}@example.com`;

    test('invitations: off never, allowed when the sender asks, forced always', async () => {
      const [a, b, c, d] = [phone(), phone(), phone(), phone()];
      await changeSettings(t, admin.token, { smsNotifications: { invitation: 'allowed' } });
      await start({ sms: true, signers: [{ email: email(), phone: a }] });
      await start({ sms: false, signers: [{ email: email(), phone: b }] });
      assert.deepEqual(await smsTo(a), ['invitation']);
      assert.deepEqual(await smsTo(b), []);
      await changeSettings(t, admin.token, { smsNotifications: { invitation: 'off' } });
      await start({ sms: true, signers: [{ email: email(), phone: c }] });
      assert.deepEqual(await smsTo(c), [], 'off: not even when the sender asks');
      await changeSettings(t, admin.token, { smsNotifications: { invitation: 'forced' } });
      await start({ sms: false, signers: [{ email: email(), phone: d }, { email: email() }] });
      assert.deepEqual(await smsTo(d), ['invitation'], 'forced: without the sender asking');
    });

    test('reminders follow their own mode', async () => {
      const [a, b] = [phone(), phone()];
      await changeSettings(t, admin.token, { smsNotifications: { invitation: 'off', reminder: 'forced' } });
      const p = await start({ sms: false, signers: [{ email: email(), phone: a }] });
      assert.equal((await t.app.request(`/api/v1/processes/${p.body.id}/remind`, { method: 'POST', headers: bearer(admin.token) })).status, 200);
      assert.deepEqual(await smsTo(a), ['reminder']);
      await changeSettings(t, admin.token, { smsNotifications: { reminder: 'off' } });
      const q = await start({ sms: true, signers: [{ email: email(), phone: b }] });
      await t.app.request(`/api/v1/processes/${q.body.id}/remind`, { method: 'POST', headers: bearer(admin.token) });
      assert.deepEqual(await smsTo(b), []);
    });

    test('rejections and completions go to signers with a phone when forced, not when off', async () => {
      await changeSettings(t, admin.token, { smsNotifications: { invitation: 'off', rejected: 'forced', completed: 'off' } });
      const [a, b] = [phone(), phone()];
      const rejecter = email();
      await start({ sms: false, signers: [{ email: rejecter }, { email: email(), phone: a }] });
      await rejectAsSigner(t.ctx, { token: (await signingPathFor(t.ctx, rejecter)).slice(3), reason: 'No' });
      assert.deepEqual(await smsTo(a), ['rejected']);

      const signer = email();
      await start({ sms: true, signers: [{ email: signer, phone: b }] });
      await signAsSigner(t.ctx, { token: (await signingPathFor(t.ctx, signer)).slice(3), method: 'button' });
      await t.drain();
      assert.deepEqual(await smsTo(b), [], 'completion off');
      await changeSettings(t, admin.token, { smsNotifications: { completed: 'allowed' } });
      const c = phone();
      const signer2 = email();
      await start({ sms: true, signers: [{ email: signer2, phone: c }] });
      await signAsSigner(t.ctx, { token: (await signingPathFor(t.ctx, signer2)).slice(3), method: 'button' });
      await t.drain();
      assert.deepEqual(await smsTo(c), ['completed'], 'allowed and the sender asked');
    });

    test('the start form offers "by SMS too" only while some kind is allowed', async () => {
      const offered = async () => (await (await t.app.request('/api/v1/start-form/config')).json()).options.allowSmsNotifications;
      await changeSettings(t, admin.token, { smsNotifications: { invitation: 'forced', forwarded: 'off', reminder: 'forced', rejected: 'off', completed: 'allowed' } });
      assert.equal(await offered(), true);
      await changeSettings(t, admin.token, { smsNotifications: { completed: 'off' } });
      assert.equal(await offered(), false);
    });

    test('attachments: off refuses them, hidden hides them whatever the sender asks, shown leaves it to the sender', async () => {
      await changeSettings(t, admin.token, { startForm: { attachments: 'off' } });
      const config = async () => (await (await t.app.request('/api/v1/start-form/config')).json()).options.attachments;
      assert.equal(await config(), 'off');
      const refused = await start({ sms: false, signers: [{ email: email() }], attachments: true });
      assert.equal(refused.status, 400);
      assert.equal(refused.body.error.field, 'attachments');
      assert.match(refused.body.error.message, /does not allow attachments/);
      assert.equal((await start({ sms: false, signers: [{ email: email() }] })).status, 201, 'documents alone are fine');

      await changeSettings(t, admin.token, { startForm: { attachments: 'hidden' } });
      assert.equal(await config(), 'hidden');
      const hidden = await start({ sms: false, signers: [{ email: email() }], attachments: true, attachmentsVisible: true });
      assert.equal(hidden.status, 201);
      assert.equal(hidden.body.attachmentsVisible, false);

      await changeSettings(t, admin.token, { startForm: { attachments: 'shown' } });
      assert.equal((await start({ sms: false, signers: [{ email: email() }], attachments: true })).body.attachmentsVisible, true);
      assert.equal((await start({ sms: false, signers: [{ email: email() }], attachments: true, attachmentsVisible: false })).body.attachmentsVisible, false);
    });
  });
}
