// The signer's side through the real app on PGlite and PostgreSQL: the page behind the link, Sign and Reject,
// signing order, and completion: one sealing and one final email per recipient, even with 20 signers at once.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { outboxJobs } from '../src/db/schema';
import { startJobs } from '../src/jobs/start-jobs';
import { runPdfsig } from '../src/seal/pdfsig.test-helper';
import { bearer, dbKinds, makePdf, processForm, startTestApp, type ProcessRequest, type TestApp } from './harness';
import { readOutbox, signingPathFor } from './outbox-reader';

for (const kind of dbKinds) {
  describe(`signing on ${kind}`, () => {
    let t: TestApp;
    let pdf: Uint8Array;
    before(async () => {
      t = await startTestApp(kind);
      pdf = await makePdf('Agreement', 1);
    });
    after(() => t.close());

    async function start(req: ProcessRequest) {
      const u = await t.user();
      const res = await t.app.request('/api/v1/processes', { method: 'POST', headers: bearer(u.token), body: processForm(req, [{ name: 'agreement.pdf', bytes: pdf }]) });
      assert.equal(res.status, 201, await res.clone().text());
      return { user: u, process: await res.json() };
    }
    const form = (path: string, fields: Record<string, string> = {}, origin = 'http://localhost') =>
      t.app.request(path, { method: 'POST', headers: { Origin: origin, 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });
    const pageText = async (path: string) => {
      const res = await t.app.request(path);
      return { status: res.status, html: await res.text() };
    };

    test('the link shows sender, message, signers and documents, escaped, with Sign and Reject', async () => {
      const { user } = await start({ title: '<script>alert(1)</script> NDA', message: 'Hi & welcome', signers: [{ email: 's1@example.test', name: 'Sam <One>' }, { email: 's2@example.test' }] });
      const link = await signingPathFor(t.ctx, 's1@example.test');
      const { status, html } = await pageText(link);
      assert.equal(status, 200);
      assert.ok(!html.includes('<script>alert(1)</script>'), 'user text is escaped');
      assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt; NDA'));
      assert.ok(html.includes('Hi &amp; welcome'));
      assert.ok(html.includes(user.email));
      assert.ok(html.includes('s2@example.test'));
      assert.ok(html.includes('agreement.pdf'));
      assert.match(html, /<button type="submit" id="sign">Sign<\/button>/);
      const doc = await t.app.request(`${link}/documents/${html.match(/documents\/([0-9a-f-]{36})/)![1]}`);
      assert.equal(doc.headers.get('content-type'), 'application/pdf');
      assert.deepEqual(new Uint8Array(await doc.arrayBuffer()), pdf);
    });

    test('opening the link is recorded in the audit trail once per visit, not again on the thank-you page', async () => {
      const { user, process } = await start({ signers: [{ email: 'once@example.test' }] });
      const link = await signingPathFor(t.ctx, 'once@example.test');
      await pageText(link);
      const signed = await form(`${link}/sign`);
      await pageText(signed.headers.get('location')!);
      const view = await (await t.app.request(`/api/v1/processes/${process.id}`, { headers: bearer(user.token) })).json();
      assert.deepEqual(view.auditTrail.filter((a: any) => a.type === 'link_opened').map((a: any) => a.message), ['Link opened by signer once@example.test']);
    });

    test('unknown or malformed links are not found', async () => {
      assert.equal((await t.app.request('/s/' + 'A'.repeat(43))).status, 404);
      assert.equal((await t.app.request('/s/short')).status, 404);
    });

    test('a form post from another site is refused and changes nothing', async () => {
      await start({ signers: [{ email: 'csrf@example.test' }] });
      const link = await signingPathFor(t.ctx, 'csrf@example.test');
      assert.equal((await form(`${link}/sign`, {}, 'https://evil.example')).status, 403);
      const noOrigin = await t.app.request(`${link}/sign`, { method: 'POST' });
      assert.equal(noOrigin.status, 403);
      assert.match((await pageText(link)).html, /id="sign">Sign</);
    });

    test('signing order: the second signer waits, is invited when the first signs, and a double click changes nothing', async () => {
      const { process } = await start({ signingOrder: true, signers: [{ email: 'o1@example.test' }, { email: 'o2@example.test' }, { email: 'o3@example.test' }] });
      const first = await signingPathFor(t.ctx, 'o1@example.test');
      await assert.rejects(signingPathFor(t.ctx, 'o2@example.test'), /no signing link/);
      const signed = await form(`${first}/sign`);
      assert.equal(signed.status, 303);
      const twice = await form(`${first}/sign`);
      assert.equal(twice.status, 409);
      assert.match(await twice.text(), /You have already signed/);
      const second = await signingPathFor(t.ctx, 'o2@example.test');
      assert.match((await pageText(second)).html, /id="sign">Sign</);
      await assert.rejects(signingPathFor(t.ctx, 'o3@example.test'), /no signing link/);
      assert.match((await pageText(first)).html, /You have signed/);
      const view = await (await t.app.request(`/api/v1/processes/${process.id}`, { headers: bearer((await t.user({ isAdmin: true })).token) })).json();
      assert.deepEqual(view.signers.map((s: any) => s.status), ['signed', 'invited', 'waiting']);
    });

    test('reject needs a reason, stops the process and tells the sender and the others', async () => {
      const { user, process } = await start({ signers: [{ email: 'j1@example.test' }, { email: 'j2@example.test' }] });
      const link = await signingPathFor(t.ctx, 'j1@example.test');
      const empty = await form(`${link}/reject`, { reason: '  ' });
      assert.equal(empty.status, 400);
      assert.match(await empty.text(), /give a reason/);
      assert.equal((await form(`${link}/reject`, { reason: 'Wrong salary' })).status, 303);
      const other = await signingPathFor(t.ctx, 'j2@example.test');
      const { html } = await pageText(other);
      assert.match(html, /rejected and has stopped/);
      assert.ok(!html.includes('id="sign"'), 'nothing to act on');
      assert.equal((await form(`${other}/sign`)).status, 409);
      const told = (await readOutbox(t.ctx)).filter((m) => m.processId === process.id && m.template === 'rejected');
      assert.deepEqual(told.map((m) => m.recipient).sort(), [user.email, 'j2@example.test'].sort());
      assert.match(told[0].text, /Reason: Wrong salary/);
    });

    test('when the last signer signs, the final PDF is sealed once and mailed to the sender and every signer', async () => {
      const { user, process } = await start({ title: 'Final test', signaturePagePosition: 'first', signers: [{ email: 'f1@example.test', name: 'Fay' }, { email: 'f2@example.test' }] });
      for (const email of ['f1@example.test', 'f2@example.test']) {
        assert.equal((await form(`${await signingPathFor(t.ctx, email)}/sign`)).status, 303);
      }
      await t.drain();
      const view = await (await t.app.request(`/api/v1/processes/${process.id}`, { headers: bearer(user.token) })).json();
      assert.equal(view.status, 'completed');
      assert.ok(view.sealedAt);
      const doc = view.documents[0];
      assert.match(doc.finalSha256, /^[0-9a-f]{64}$/);
      const res = await t.app.request(`/api/v1/processes/${process.id}/documents/${doc.id}/final.pdf`, { headers: bearer(user.token) });
      assert.equal(res.status, 200);
      const final = new Uint8Array(await res.arrayBuffer());
      assert.deepEqual(final.subarray(0, pdf.length), pdf, 'the uploaded bytes are an exact prefix');
      const check = await runPdfsig(final);
      assert.equal(check.signatures.length, 1);
      assert.ok(check.signatures[0].valid && check.signatures[0].wholeDocument, check.raw);

      const finals = (await readOutbox(t.ctx)).filter((m) => m.processId === process.id && m.template === 'completed');
      assert.deepEqual(finals.map((m) => m.recipient).sort(), [user.email, 'f1@example.test', 'f2@example.test'].sort());
      assert.deepEqual(finals[0].attachments.map((a) => a.filename), ['agreement-signed.pdf']);
      const signerLink = await signingPathFor(t.ctx, 'f2@example.test');
      const { html } = await pageText(signerLink);
      assert.match(html, /this process is completed/);
      const viaLink = await t.app.request(`${signerLink}/documents/${doc.id}/final.pdf`);
      assert.deepEqual(new Uint8Array(await viaLink.arrayBuffer()), final);
      assert.equal(await t.drain(), 0, 'nothing left to do');
    });

    test('20 signers signing at the same moment give one sealing and one final email per recipient', async () => {
      const emails = Array.from({ length: 20 }, (_, i) => `c${i}@example.test`);
      const { user, process } = await start({ signers: emails.map((email) => ({ email })) });
      const links = await Promise.all(emails.map((e) => signingPathFor(t.ctx, e)));
      const results = await Promise.all(links.map((l) => form(`${l}/sign`)));
      assert.deepEqual(results.map((r) => r.status), emails.map(() => 303));
      const jobs = await t.ctx.db.select().from(outboxJobs).where(eq(outboxJobs.dedupeKey, `seal:${process.id}`));
      assert.equal(jobs.length, 1);
      const secondWorker = startJobs(t.ctx, { autoStart: false });
      await Promise.all([t.drain(), secondWorker.drain()]);
      await secondWorker.stop();
      const finals = (await readOutbox(t.ctx)).filter((m) => m.processId === process.id && m.template === 'completed');
      assert.deepEqual(finals.map((m) => m.recipient).sort(), [user.email, ...emails].sort());
      const view = await (await t.app.request(`/api/v1/processes/${process.id}`, { headers: bearer(user.token) })).json();
      assert.equal(view.auditTrail.filter((a: any) => a.type === 'completed').length, 1);
      assert.equal(view.auditTrail.filter((a: any) => a.type === 'sealed').length, 1);
    });
  });
}
