// Sign and forward, and forward without signing, through the real app on PGlite and PostgreSQL: the named person
// is invited (next in a forced order), the process completes only when they have signed, the forwarding signer is
// left off the signatures page and the final emails; bad or disallowed forwards change nothing.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { asc, eq } from 'drizzle-orm';
import { signers } from '../src/db/schema';
import { bearer, dbKinds, makePdf, processForm, startTestApp, type ProcessRequest, type TestApp } from './harness';
import { readOutbox, signingPathFor } from './outbox-reader';

for (const kind of dbKinds) {
  describe(`forwarding on ${kind}`, () => {
    let t: TestApp;
    let pdf: Uint8Array;
    let admin: Awaited<ReturnType<TestApp['user']>>;
    let n = 0;
    before(async () => {
      t = await startTestApp(kind);
      pdf = await makePdf('Partnership agreement', 1);
      admin = await t.user({ isAdmin: true });
    });
    after(() => t.close());

    const mail = (who: string) => `${who}${++n}@example.test`;
    async function start(req: ProcessRequest) {
      const res = await t.app.request('/api/v1/processes', { method: 'POST', headers: bearer(admin.token), body: processForm(req, [{ name: 'partnership.pdf', bytes: pdf }]) });
      assert.equal(res.status, 201, await res.clone().text());
      return res.json();
    }
    const post = (path: string, fields: Record<string, string> = {}) =>
      t.app.request(path, { method: 'POST', headers: { Origin: 'http://localhost', 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });
    const statuses = async (processId: string) =>
      (await t.ctx.db.select().from(signers).where(eq(signers.processId, processId)).orderBy(asc(signers.position))).map((s) => `${s.position}:${s.email.replace(/\d+@example\.test/, '')}:${s.status}`);
    const view = async (processId: string) => (await t.app.request(`/api/v1/processes/${processId}`, { headers: bearer(admin.token) })).json();

    test('sign and forward: the named person is invited and must sign before the process completes', async () => {
      const [a, b, c] = [mail('a'), mail('b'), mail('c')];
      const process = await start({ signers: [{ email: a }, { email: b }], allowSignAndForward: true });
      const signed = await post(`${await signingPathFor(t.ctx, a)}/sign`, { method: 'button', forwardEmail: c, forwardName: 'Cecilia C' });
      assert.equal(signed.status, 303);
      assert.match(signed.headers.get('location')!, /done=signedForwarded$/);
      assert.deepEqual(await statuses(process.id), ['1:a:signed', '2:c:invited', '3:b:invited']);
      assert.equal((await view(process.id)).signerCount, 3);
      // The forwarded request says who forwarded it (its own template, editable in Admin → Message templates).
      const toC = (await readOutbox(t.ctx)).filter((m) => m.recipient === c);
      assert.deepEqual(toC.map((m) => m.template), ['forwarded']);
      assert.match(toC[0].text, new RegExp(`${a.replace(/[.]/g, '\\.')} forwarded to you the request of`));
      await post(`${await signingPathFor(t.ctx, b)}/sign`, { method: 'button' });
      assert.equal((await view(process.id)).status, 'pending', 'not complete until the forwarded person signs');
      await post(`${await signingPathFor(t.ctx, c)}/sign`, { method: 'button' });
      const done = await view(process.id);
      assert.equal(done.status, 'completed');
      assert.ok(done.auditTrail.some((e: { message: string }) => e.message === `Signed by ${a} and forwarded to ${c}`));
    });

    test('in a forced order the forwarded person signs next, before the rest', async () => {
      const [a, b, c] = [mail('a'), mail('b'), mail('c')];
      const process = await start({ signers: [{ email: a }, { email: b }], signingOrder: true, allowSignAndForward: true });
      await post(`${await signingPathFor(t.ctx, a)}/sign`, { method: 'button', forwardEmail: c });
      assert.deepEqual(await statuses(process.id), ['1:a:signed', '2:c:invited', '3:b:waiting']);
      await post(`${await signingPathFor(t.ctx, c)}/sign`, { method: 'button' });
      assert.deepEqual(await statuses(process.id), ['1:a:signed', '2:c:signed', '3:b:invited']);
    });

    test('forward without signing: the new person signs instead, and the forwarder is left off the final documents', async () => {
      const [a, b, c] = [mail('a'), mail('b'), mail('c')];
      const process = await start({ signers: [{ email: a }, { email: b }], signingOrder: true, allowForward: true });
      const aLink = await signingPathFor(t.ctx, a);
      assert.match(await (await t.app.request(aLink)).text(), /Forward to someone else without signing/);
      const forwarded = await post(`${aLink}/forward`, { email: c, name: 'Carl C' });
      assert.equal(forwarded.status, 303);
      assert.deepEqual(await statuses(process.id), ['1:a:forwarded', '2:c:invited', '3:b:waiting']);
      const page = await (await t.app.request(aLink)).text();
      assert.match(page, /You forwarded this request; the person you named signs instead of you\./);
      assert.doesNotMatch(page, /id="sign"/);
      assert.equal((await post(`${aLink}/sign`, { method: 'button' })).status, 409);
      assert.equal((await view(process.id)).signerCount, 2, 'the forwarder no longer counts');

      await post(`${await signingPathFor(t.ctx, c)}/sign`, { method: 'button' });
      await post(`${await signingPathFor(t.ctx, b)}/sign`, { method: 'button' });
      await t.drain();
      const finals = (await readOutbox(t.ctx)).filter((m) => m.processId === process.id && m.template === 'completed').map((m) => m.recipient);
      assert.deepEqual(finals.sort(), [admin.email, b, c].sort(), 'the forwarder gets no final documents');
      const done = await view(process.id);
      assert.equal(done.status, 'completed');
      assert.ok(done.auditTrail.some((e: { message: string }) => e.message === `Forwarded by ${a} to ${c} without signing`));
    });

    test('a forward that is not allowed, malformed, or to an existing signer is refused and changes nothing', async () => {
      const [a, b] = [mail('a'), mail('b')];
      const closed = await start({ signers: [{ email: a }] });
      const aLink = await signingPathFor(t.ctx, a);
      const notAllowed = await post(`${aLink}/forward`, { email: mail('x') });
      assert.equal(notAllowed.status, 409);
      assert.match(await notAllowed.text(), /The sender does not allow forwarding this request\./);
      assert.equal((await post(`${aLink}/sign`, { method: 'button', forwardEmail: mail('x') })).status, 409);
      assert.deepEqual(await statuses(closed.id), ['1:a:invited']);

      const open = await start({ signers: [{ email: b }, { email: mail('d') }], allowForward: true, allowSignAndForward: true });
      const bLink = await signingPathFor(t.ctx, b);
      const bad = await post(`${bLink}/forward`, { email: 'not-an-address' });
      assert.equal(bad.status, 400);
      assert.match(await bad.text(), /Give a valid email address of the person to forward to\./);
      const existing = open.signers[1].email;
      const taken = await post(`${bLink}/sign`, { method: 'button', forwardEmail: existing.toUpperCase() });
      assert.equal(taken.status, 409);
      assert.match(await taken.text(), /That person is already a signer of this process\./);
      assert.deepEqual(await statuses(open.id), ['1:b:invited', '2:d:invited'], 'the signature was not recorded either');
    });
  });
}
