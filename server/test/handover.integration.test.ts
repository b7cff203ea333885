// Several signers on one device, through the real app on PGlite and PostgreSQL: after signing, a signer hands
// the device to the next signer, who proves who they are with the code from their email and continues on their
// own link; wrong codes are limited, a code works once, and only signers whose turn it is can take over.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { bearer, dbKinds, makePdf, processForm, startTestApp, type ProcessRequest, type TestApp } from './harness';
import { readOutbox, signingPathFor } from './outbox-reader';

for (const kind of dbKinds) {
  describe(`handover on ${kind}`, () => {
    let t: TestApp;
    let pdf: Uint8Array;
    let admin: Awaited<ReturnType<TestApp['user']>>;
    let n = 0;
    before(async () => {
      t = await startTestApp(kind);
      pdf = await makePdf('Family agreement', 1);
      admin = await t.user({ isAdmin: true });
    });
    after(() => t.close());

    async function start(req: Omit<ProcessRequest, 'signers'>, count = 3) {
      const emails = Array.from({ length: count }, (_, i) => `h${++n}-${i}@example.test`);
      const res = await t.app.request('/api/v1/processes', { method: 'POST', headers: bearer(admin.token), body: processForm({ ...req, signers: emails.map((email, i) => ({ email, name: `Person ${i + 1}` })) }, [{ name: 'f.pdf', bytes: pdf }]) });
      assert.equal(res.status, 201, await res.clone().text());
      return { process: await res.json(), emails };
    }
    const post = (path: string, fields: Record<string, string> = {}) =>
      t.app.request(path, { method: 'POST', headers: { Origin: 'http://localhost', 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });
    const codeFor = async (email: string) => (await readOutbox(t.ctx)).filter((m) => m.template === 'handover' && m.recipient === email).at(-1)!.text.match(/code: (\d{6})/)![1];

    test('after signing, the next signer takes over with the emailed code and lands on their own link', async () => {
      const { process, emails } = await start({});
      const first = await signingPathFor(t.ctx, emails[0]);
      assert.doesNotMatch(await (await t.app.request(first)).text(), /Hand over to/, 'not before signing');
      await post(`${first}/sign`, { method: 'button' });
      const after = await (await t.app.request(first)).text();
      assert.match(after, /Hand over to Person 2/);
      assert.match(after, /Hand over to Person 3/);

      const started = await post(`${first}/handover`, { to: process.signers[1].id });
      assert.equal(started.status, 303);
      const codePage = started.headers.get('location')!;
      assert.match(await (await t.app.request(codePage)).text(), new RegExp(`enter the code we just sent to your email ${emails[1]}`));
      const code = await codeFor(emails[1]);

      const wrong = await post(codePage, { code: code === '000000' ? '111111' : '000000' });
      assert.equal(wrong.status, 400);
      assert.match(await wrong.text(), /That code is not right\. Tries left: 4\./);
      const right = await post(codePage, { code: `${code.slice(0, 3)} ${code.slice(3)}` });
      assert.equal(right.status, 303);
      assert.equal(right.headers.get('location'), await signingPathFor(t.ctx, emails[1]), "the device continues on the next signer's own link");
      assert.equal((await post(codePage, { code })).status, 409, 'a code works once');

      const view = await (await t.app.request(`/api/v1/processes/${process.id}`, { headers: bearer(admin.token) })).json();
      assert.ok(view.auditTrail.some((e: { message: string }) => e.message === `${emails[1]} took over the device from ${emails[0]} with the emailed code`));
    });

    test('five wrong codes use the handover up; signers not at their turn, or of another process, cannot take over', async () => {
      const { process, emails } = await start({ signingOrder: true });
      const first = await signingPathFor(t.ctx, emails[0]);
      await post(`${first}/sign`, { method: 'button' });
      assert.equal((await post(`${first}/handover`, { to: process.signers[2].id })).status, 409, 'the third signer is waiting for their turn');
      const other = await start({});
      assert.equal((await post(`${first}/handover`, { to: other.process.signers[0].id })).status, 409, 'a signer of another process');

      const codePage = (await post(`${first}/handover`, { to: process.signers[1].id })).headers.get('location')!;
      const code = await codeFor(emails[1]);
      const bad = code === '000000' ? '111111' : '000000';
      for (let i = 0; i < 4; i++) assert.equal((await post(codePage, { code: bad })).status, 400);
      const fifth = await post(codePage, { code: bad });
      assert.equal(fifth.status, 409);
      assert.match(await fifth.text(), /The code has expired or was used up/);
      assert.equal((await post(codePage, { code })).status, 409, 'not even the right code after that');

      const someoneElse = await signingPathFor(t.ctx, other.emails[0]);
      assert.equal((await t.app.request(`${someoneElse}${codePage.slice(first.length)}`)).status, 404, "another link cannot open this handover");
    });
  });
}
