// The SMS PIN step of a signing link through the real app on PGlite and PostgreSQL: nothing is shown or changed
// before the right PIN; PINs expire, work once, are limited per window; wrong PINs lock the link (ordering a new
// PIN does not reset the count) until the sender unlocks it; the PIN session is bound to one signer.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { messages, signers } from '../src/db/schema';
import { bearer, changeSettings, dbKinds, makePdf, processForm, startTestApp, type ProcessRequest, type TestApp } from './harness';
import { lastPinFor, signingPathFor } from './outbox-reader';

for (const kind of dbKinds) {
  describe(`signer PIN on ${kind}`, () => {
    let t: TestApp;
    let pdf: Uint8Array;
    let admin: Awaited<ReturnType<TestApp['user']>>;
    let now = new Date('2026-11-23T09:00:00Z');
    const tick = (seconds = 1) => (now = new Date(now.getTime() + seconds * 1000));
    before(async () => {
      t = await startTestApp(kind, {}, { clock: () => now });
      pdf = await makePdf('Loan agreement', 1);
      admin = await t.user({ isAdmin: true });
    });
    after(() => t.close());

    let n = 0;
    async function start(req: ProcessRequest) {
      const u = await t.user();
      const res = await t.app.request('/api/v1/processes', { method: 'POST', headers: bearer(u.token), body: processForm(req, [{ name: 'loan.pdf', bytes: pdf }]) });
      assert.equal(res.status, 201, await res.clone().text());
      return { user: u, process: await res.json() };
    }
    /** A process with one signer who has a phone number; returns the link and the phone. */
    async function pinSigner(title = 'Loan agreement') {
      const email = `pin${++n}@example.test`;
      const phone = `+358 40 ${String(1000000 + n)}`;
      const started = await start({ title, signers: [{ email, phone }] });
      return { ...started, email, phone, link: await signingPathFor(t.ctx, email) };
    }
    const get = (path: string, cookie = '') => t.app.request(path, { headers: cookie ? { Cookie: cookie } : {} });
    const post = (path: string, fields: Record<string, string> = {}, cookie = '') =>
      t.app.request(path, {
        method: 'POST',
        headers: { Origin: 'http://localhost', 'Content-Type': 'application/x-www-form-urlencoded', ...(cookie ? { Cookie: cookie } : {}) },
        body: new URLSearchParams(fields).toString(),
      });
    const order = async (link: string) => {
      tick();
      return post(`${link}/pin/order`);
    };
    const enter = async (link: string, pin: string) => {
      tick();
      const res = await post(`${link}/pin`, { pin });
      const cookie = res.headers.get('set-cookie')?.match(/ss_pin=[^;]+/)?.[0] ?? '';
      return { res, cookie, html: res.status === 303 ? '' : await res.text() };
    };
    const wrongPin = (pin: string) => (pin[0] === '0' ? '1' : '0') + pin.slice(1);
    const settings = (change: Record<string, Record<string, unknown>>) => changeSettings(t, admin.token, change);

    test('before the PIN the link shows only the PIN step, and nothing can be read or signed', async () => {
      const { link, process } = await pinSigner('Secret merger terms');
      const res = await get(link);
      assert.equal(res.status, 200);
      const html = await res.text();
      assert.match(html, /Confirm it is you/);
      assert.match(html, /text message to \+•+\d\d\./);
      assert.doesNotMatch(html, /Secret merger terms|loan\.pdf/, 'no title or document before the PIN');
      assert.match(html, /id="pin-order"/);
      assert.doesNotMatch(html, /name="pin"/, 'no PIN field before a PIN was ordered');

      const doc = await get(`${link}/documents/${process.documents[0].id}`);
      assert.equal(doc.status, 303);
      assert.equal(doc.headers.get('location'), link);
      const sign = await post(`${link}/sign`);
      assert.equal(sign.status, 303);
      const [row] = await t.ctx.db.select().from(signers).where(eq(signers.processId, process.id));
      assert.equal(row.status, 'invited', 'Sign without the PIN changed nothing');
    });

    test('a PIN goes out as an SMS in the signer\'s language; the right PIN opens the documents and Sign works', async () => {
      const email = `fi${++n}@example.test`;
      const { process, user } = await start({ title: 'Laina', signers: [{ email, phone: '+358 40 765 4321', language: 'fi' }] });
      const link = await signingPathFor(t.ctx, email);
      const ordered = await order(link);
      assert.equal(ordered.status, 303);
      assert.equal(ordered.headers.get('location'), `${link}?pin=sent`);
      const [sms] = await t.ctx.db.select().from(messages).where(eq(messages.recipient, '+358 40 765 4321'));
      assert.equal(sms.channel, 'sms');
      assert.equal(sms.status, 'captured', 'the default gateway keeps SMS in the outbox');
      const pin = await lastPinFor(t.ctx, '+358 40 765 4321');
      assert.match(pin, /^\d{4}$/);
      assert.deepEqual(Object.keys(sms.params).sort(), ['characters', 'language', 'length', 'pinId', 'processTitle', 'validMinutes'], 'the PIN itself is not stored');

      const step = await (await get(`${link}?pin=sent`)).text();
      assert.match(step, /A PIN was sent to \+•+21\. It is valid for 10 minutes\./);
      assert.match(step, /autocomplete="one-time-code"/);

      const { res, cookie } = await enter(link, pin);
      assert.equal(res.status, 303);
      assert.match(res.headers.get('set-cookie')!, new RegExp(`Path=${link.replace(/[/]/g, '\\/')}; HttpOnly; SameSite=Lax`));
      const page = await (await get(link, cookie)).text();
      assert.match(page, /Laina/);
      assert.match(page, /id="sign"/);
      assert.equal((await post(`${link}/sign`, {}, cookie)).status, 303);
      const view = await (await t.app.request(`/api/v1/processes/${process.id}`, { headers: bearer(user.token) })).json();
      assert.equal(view.signers[0].status, 'signed');
      const types = view.auditTrail.map((a: { type: string }) => a.type);
      assert.ok(types.includes('pin_sent') && types.includes('pin_verified'), types.join());
      assert.match(view.auditTrail.find((a: { type: string }) => a.type === 'pin_sent').message, /PIN sent by SMS to \+•+21 for signer fi\d+@example\.test/);
    });

    test('a wrong PIN says how many tries are left; a PIN works once; an expired PIN is refused without counting', async () => {
      const { link } = await pinSigner();
      await order(link);
      const pin = await lastPinFor(t.ctx, (await t.ctx.db.select().from(messages).where(eq(messages.channel, 'sms'))).at(-1)!.recipient);
      const wrong = await enter(link, wrongPin(pin));
      assert.equal(wrong.res.status, 400);
      assert.match(wrong.html, /That PIN is not right\. Tries left: 4\./);
      assert.equal(wrong.cookie, '');

      const right = await enter(link, ` ${pin.slice(0, 2)} ${pin.slice(2)} `);
      assert.equal(right.res.status, 303, 'spaces in the PIN are ignored');
      const again = await enter(link, pin);
      assert.equal(again.res.status, 409, 'a used PIN does not work again');
      assert.match(again.html, /Order a PIN first\./);

      await order(link);
      const late = await lastPinFor(t.ctx, (await t.ctx.db.select().from(messages).where(eq(messages.channel, 'sms'))).at(-1)!.recipient);
      tick(11 * 60);
      const expired = await enter(link, late);
      assert.equal(expired.res.status, 409);
      assert.match(expired.html, /That PIN has expired\. Order a new one\./);
    });

    test('wrong PINs lock the link, a new PIN does not reset the count, and the sender unlocks it', async () => {
      const { link, phone, process, user } = await pinSigner();
      await order(link);
      const pin = await lastPinFor(t.ctx, phone);
      for (let i = 0; i < 4; i++) assert.equal((await enter(link, wrongPin(pin))).res.status, 400);
      await order(link); // a fresh PIN does not give fresh tries
      const fifth = await enter(link, wrongPin(await lastPinFor(t.ctx, phone)));
      assert.equal(fifth.res.status, 403);
      assert.match(fifth.html, /Too many wrong PINs: this link is locked\. Ask User \d+ \(.+@example\.test\) to unlock it\./);

      const right = await enter(link, await lastPinFor(t.ctx, phone));
      assert.equal(right.res.status, 403, 'even the right PIN is refused while locked');
      assert.equal((await order(link)).status, 403, 'no new PIN while locked');
      assert.match(await (await get(link)).text(), /id="pin-blocked"/);

      const view = await (await t.app.request(`/api/v1/processes/${process.id}`, { headers: bearer(user.token) })).json();
      assert.equal(view.signers[0].pinLocked, true);
      const stranger = await t.user();
      const refused = await t.app.request(`/api/v1/processes/${process.id}/signers/${view.signers[0].id}/unlock-pin`, { method: 'POST', headers: bearer(stranger.token) });
      assert.equal(refused.status, 404, "another user's process is not found");
      const unlocked = await t.app.request(`/api/v1/processes/${process.id}/signers/${view.signers[0].id}/unlock-pin`, { method: 'POST', headers: bearer(user.token) });
      assert.equal(unlocked.status, 200);
      assert.equal((await unlocked.json()).signers[0].pinLocked, false);

      await order(link);
      const after = await enter(link, await lastPinFor(t.ctx, phone));
      assert.equal(after.res.status, 303);
      const trail = (await (await t.app.request(`/api/v1/processes/${process.id}`, { headers: bearer(user.token) })).json()).auditTrail;
      assert.deepEqual(
        trail.filter((a: { type: string }) => /^pin_(failed|locked|unlocked)$/.test(a.type)).map((a: { type: string }) => a.type),
        ['pin_failed', 'pin_failed', 'pin_failed', 'pin_failed', 'pin_locked', 'pin_unlocked'],
      );
    });

    test('at most 5 PINs per 2 hours; the page says when to try again', async () => {
      const { link } = await pinSigner();
      for (let i = 0; i < 5; i++) assert.equal((await order(link)).status, 303);
      const sixth = await order(link);
      assert.equal(sixth.status, 429);
      const html = await sixth.text();
      assert.match(html, /You have ordered 5 PINs in a short time\. Try again after \d\d:\d\d \(UTC\)\./);
      tick(2 * 3600);
      assert.equal((await order(link)).status, 303, 'the window moves on');
    });

    test("one signer's PIN session does not open another signer's link", async () => {
      const a = await pinSigner();
      const b = await pinSigner();
      await order(a.link);
      const { cookie } = await enter(a.link, await lastPinFor(t.ctx, a.phone));
      assert.ok(cookie);
      const other = await (await get(b.link, cookie)).text();
      assert.match(other, /Confirm it is you/);
      const forged = await (await get(a.link, 'ss_pin=9999999999.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')).text();
      assert.match(forged, /Confirm it is you/);
    });

    test('signers without a phone number get no PIN step, unless the admin requires a PIN of everyone', async () => {
      const { process } = await start({ signers: [{ email: 'nophone@example.test' }] });
      const link = await signingPathFor(t.ctx, 'nophone@example.test');
      assert.match(await (await get(link)).text(), /id="sign"/);

      await settings({ signerPin: { requireForEverySigner: true } });
      const refused = await t.app.request('/api/v1/processes', { method: 'POST', headers: bearer(admin.token), body: processForm({ signers: [{ email: 'x@example.test' }] }, [{ name: 'a.pdf', bytes: pdf }]) });
      assert.equal(refused.status, 400);
      assert.equal((await refused.json()).error.field, 'signers.0.phone');
      // A process started before the change now asks its signer for a PIN they cannot receive, and says who can help.
      const blocked = await (await get(link)).text();
      assert.match(blocked, /there is no phone number for you\. Ask User \d+/);
      assert.doesNotMatch(blocked, new RegExp(process.title));
      await settings({ signerPin: { requireForEverySigner: false } });
    });

    test('the PIN step speaks the signer\'s language and uses the admin\'s PIN format', async () => {
      await settings({ signerPin: { length: 6, characters: 'digits_and_letters' } });
      const { link, phone } = await pinSigner();
      const page = await (await get(`${link}?lang=sv`)).text();
      assert.match(page, /Bekräfta att det är du/);
      await order(link);
      const pin = await lastPinFor(t.ctx, phone);
      assert.match(pin, /^[2-9A-HJ-NP-Z]{6}$/);
      assert.equal((await enter(link, pin.toLowerCase())).res.status, 303, 'letters are case-insensitive');
      await settings({ signerPin: { length: 4, characters: 'digits' } });
    });
  });
}
