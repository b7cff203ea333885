// Reports of completed processes by HTTP POST to a real receiver on loopback (allow-listed, which is also the test
// of the allow list): retried with backoff until accepted, HMAC-signed, one Idempotency-Key across retries, every
// attempt in the audit trail, and given up after the admin's limit. Without the allow list, loopback is refused.
import assert from 'node:assert/strict';
import { createHash, createHmac } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { DOMParser } from '@xmldom/xmldom';
import { PDFDocument } from 'pdf-lib';
import { and, asc, eq } from 'drizzle-orm';
import { SECRET_MASK } from '@secure-signature/shared';
import { auditEvents, documents, groups, messages, outboxJobs, processes, reportDeliveries, users } from '../src/db/schema';
import { bearer, changeSettings, dbKinds, makePdf, processForm, startTestApp, type ProcessRequest, type TestApp } from './harness';
import { readOutbox, signingPathFor } from './outbox-reader';
import { startReportReceiver } from './report-receiver';

const HMAC_SECRET = 'report-hmac-secret-42';

for (const kind of dbKinds) {
  describe(`reports by HTTP POST (${kind})`, () => {
    let t: TestApp;
    let receiver: Awaited<ReturnType<typeof startReportReceiver>>;
    let admin: Awaited<ReturnType<TestApp['user']>>;
    let now = new Date('2026-11-23T09:00:00Z');
    let n = 0;
    before(async () => {
      [t, receiver] = await Promise.all([startTestApp(kind, {}, { clock: () => now }), startReportReceiver()]);
      admin = await t.user({ isAdmin: true });
    });
    after(async () => {
      await t.close();
      await receiver.close();
    });

    const json = (method: string, body: unknown, token = admin.token) => ({ method, headers: { ...bearer(token), 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    async function createTemplate(body: Record<string, unknown>) {
      const res = await t.app.request('/api/v1/admin/report-templates', json('POST', { hmacSecret: HMAC_SECRET, ...body }));
      assert.equal(res.status, 201, await res.clone().text());
      return ((await res.json()) as { id: string }).id;
    }
    /** Starts a process with one signer, signs it and seals it; returns the process id. */
    async function complete(req: ProcessRequest = {}, token = admin.token) {
      const email = `signer${++n}@example.test`;
      const res = await t.app.request('/api/v1/processes', { method: 'POST', headers: bearer(token), body: processForm({ signers: [{ email }], ...req }, [{ name: 'contract.pdf', bytes: await makePdf('Contract') }]) });
      assert.equal(res.status, 201, await res.clone().text());
      const { id } = (await res.json()) as { id: string };
      const signed = await t.app.request(`${await signingPathFor(t.ctx, email)}/sign`, {
        method: 'POST',
        headers: { Origin: 'http://localhost', 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'method=button',
      });
      assert.equal(signed.status, 303);
      await t.drain();
      return id;
    }
    /** Lets the outbox's backoff pass, then runs the due jobs. */
    async function retry() {
      const due = await t.ctx.db.select({ runAt: outboxJobs.runAt }).from(outboxJobs).where(eq(outboxJobs.kind, 'deliver-report'));
      now = new Date(Math.max(now.getTime(), ...due.map((j) => j.runAt.getTime())) + 1000);
      await t.drain();
    }
    const reportEvents = async (processId: string) =>
      (await t.ctx.db.select().from(auditEvents).where(eq(auditEvents.processId, processId)).orderBy(asc(auditEvents.id))).filter((e) => e.type.startsWith('report_'));
    const delivery = async (processId: string) => (await t.ctx.db.select().from(reportDeliveries).where(eq(reportDeliveries.processId, processId)))[0];

    test('an XML report reaches a receiver that fails twice: retried, signed, one idempotency key, every attempt audited', async () => {
      await changeSettings(t, admin.token, { reports: { postEnabled: true, postAllowList: ['127.0.0.0/8'], maxAttempts: 4 } });
      await createTemplate({ name: 'Recruitment', format: 'xml', postUrls: [`${receiver.url}/hooks/signed?token=url-secret`], emailRecipients: ['hr@example.test'] });
      receiver.answerNext({ status: 503 }, { status: 503 });
      const processId = await complete();
      assert.equal(receiver.requests.length, 1, 'first attempt right after sealing');
      await retry();
      await retry();
      assert.equal(receiver.requests.length, 3);
      await retry();
      assert.equal(receiver.requests.length, 3, 'accepted: never sent again');

      const keys = new Set(receiver.requests.map((r) => r.headers['idempotency-key']));
      assert.equal(keys.size, 1, 'the same Idempotency-Key on every attempt');
      for (const r of receiver.requests) {
        assert.equal(r.method, 'POST');
        assert.equal(r.url, '/hooks/signed?token=url-secret');
        assert.match(String(r.headers['content-type']), /^application\/xml/);
        const expected = createHmac('sha256', HMAC_SECRET).update(r.body).digest('hex');
        assert.equal(r.headers['x-secure-signature-signature'], `sha256=${expected}`);
      }
      // Well-formed XML carrying the sealed final, byte for byte.
      const errors: string[] = [];
      const xml = new DOMParser({ onError: (level, msg) => void errors.push(`${level}: ${msg}`) }).parseFromString(receiver.requests[2].body.toString('utf8'), 'application/xml');
      assert.deepEqual(errors, []);
      const [docEl] = Array.from(xml.getElementsByTagName('document'));
      const [stored] = await t.ctx.db.select().from(documents).where(and(eq(documents.processId, processId), eq(documents.kind, 'document')));
      const bytes = Buffer.from(docEl.textContent!, 'base64');
      assert.equal(createHash('sha256').update(bytes).digest('hex'), stored.finalSha256);
      assert.equal(docEl.getAttribute('sha256'), stored.finalSha256);
      assert.equal(docEl.getAttribute('filename'), 'contract-signed.pdf');
      assert.equal(xml.getElementsByTagName('process')[0].getAttribute('id'), processId);

      const events = await reportEvents(processId);
      assert.deepEqual(events.map((e) => e.type), ['report_attempt_failed', 'report_attempt_failed', 'report_delivered']);
      assert.match(events[0].message, /attempt 1 of 4\): 127\.0\.0\.1:\d+ answered 503; will be retried/);
      assert.match(events[2].message, /^Report delivered to http:\/\/127\.0\.0\.1:\d+\/hooks\/signed \(attempt 3, HTTP 200\)$/);
      for (const e of events) assert.doesNotMatch(e.message, /url-secret|report-hmac-secret/);
      assert.equal((await delivery(processId)).status, 'delivered');

      // The template's email recipient is told with the finals, like the sender and the signers.
      const mails = await t.ctx.db.select().from(messages).where(and(eq(messages.processId, processId), eq(messages.recipient, 'hr@example.test')));
      assert.deepEqual(mails.map((m) => m.template), ['completed']);
    });

    test('a receiver that keeps failing (or redirects) is given up after the limit and recorded as failed', async () => {
      await changeSettings(t, admin.token, { reports: { maxAttempts: 2 } });
      receiver.requests.length = 0;
      receiver.answerNext({ status: 302, headers: { Location: 'http://169.254.169.254/latest' } }, { status: 500 }, { status: 500 });
      const processId = await complete();
      await retry();
      await retry();
      assert.equal(receiver.requests.length, 2, 'no attempt after the limit, and the redirect was not followed');
      const events = await reportEvents(processId);
      assert.deepEqual(events.map((e) => e.type), ['report_attempt_failed', 'report_failed']);
      assert.match(events[0].message, /answered 302 \(redirects are not followed\)/);
      assert.match(events[1].message, /attempt 2 of 2\): 127\.0\.0\.1:\d+ answered 500; given up$/);
      const d = await delivery(processId);
      assert.equal(d.status, 'failed');
      assert.equal(d.attempts, 2);
    });

    test('without the allow list a loopback URL is refused before any connection', async () => {
      await changeSettings(t, admin.token, { reports: { postAllowList: [], maxAttempts: 1 } });
      receiver.requests.length = 0;
      const processId = await complete();
      assert.equal(receiver.requests.length, 0);
      const [event] = await reportEvents(processId);
      assert.equal(event.type, 'report_failed');
      assert.match(event.message, /resolves to a loopback address \(127\.0\.0\.1\)/);
    });

    test('JSON reports; senders choose among the templates their group allows when the admin lets them', async () => {
      await changeSettings(t, admin.token, { reports: { postAllowList: ['127.0.0.1'], maxAttempts: 3, templateChoice: 'user_chooses' } });
      const nda = await createTemplate({ name: 'NDA', format: 'json', postUrls: [`${receiver.url}/nda`], pagePosition: 'first' });
      const other = await createTemplate({ name: 'Other', format: 'json', postUrls: [] , hmacSecret: '' });
      const sender = await t.user();
      const groupId = crypto.randomUUID();
      await t.ctx.db.insert(groups).values({ id: groupId, name: 'Legal', privileges: [], reportTemplateIds: [nda] });
      await t.ctx.db.update(users).set({ groupId }).where(eq(users.id, sender.id));

      const options = await (await t.app.request('/api/v1/start-form/report-templates', { headers: bearer(sender.token) })).json();
      assert.deepEqual(options, { choose: true, templates: [{ id: nda, name: 'NDA', isDefault: false }] });
      const refused = await t.app.request('/api/v1/processes', { method: 'POST', headers: bearer(sender.token), body: processForm({ signers: [{ email: 'x@example.test' }], reportTemplateId: other }, [{ name: 'a.pdf', bytes: await makePdf() }]) });
      assert.equal(refused.status, 400);
      assert.equal((await refused.json()).error.field, 'reportTemplateId');

      receiver.requests.length = 0;
      const processId = await complete({ reportTemplateId: nda }, sender.token);
      const [p] = await t.ctx.db.select().from(processes).where(eq(processes.id, processId));
      assert.equal(p.reportTemplateId, nda);
      assert.equal(p.signaturePagePosition, 'first', "the template's page position");
      assert.equal(receiver.requests.length, 1);
      const report = JSON.parse(receiver.requests[0].body.toString('utf8'));
      assert.equal(report.process.id, processId);
      assert.equal(report.signers.length, 1);
      const [stored] = await t.ctx.db.select().from(documents).where(eq(documents.processId, processId));
      assert.equal(createHash('sha256').update(Buffer.from(report.documents[0].content, 'base64')).digest('hex'), stored.finalSha256);
      await changeSettings(t, admin.token, { reports: { templateChoice: 'default_forced' } });
    });

    test('"separate file": the document is sealed without the page, which travels as its own sealed PDF', async () => {
      await changeSettings(t, admin.token, { reports: { templateChoice: 'user_chooses' } });
      const separate = await createTemplate({ name: 'Separate page', format: 'json', signaturesPage: 'separate', postUrls: [`${receiver.url}/separate`] });
      receiver.requests.length = 0;
      const processId = await complete({ reportTemplateId: separate });
      const [stored] = await t.ctx.db.select().from(documents).where(eq(documents.processId, processId));
      const final = await PDFDocument.load(await t.ctx.blobs.get(t.ctx.db, stored.finalSha256!));
      assert.equal(final.getPageCount(), 1, 'the one-page contract got no page added');
      assert.ok(stored.signaturesPageSha256);
      const page = await PDFDocument.load(await t.ctx.blobs.get(t.ctx.db, stored.signaturesPageSha256!));
      assert.equal(page.getPageCount(), 1);
      const report = JSON.parse(receiver.requests[0].body.toString('utf8'));
      assert.deepEqual(
        report.documents.map((d: { filename: string; role: string; sha256: string }) => [d.filename, d.role, d.sha256]),
        [['contract-signed.pdf', 'document', stored.finalSha256], ['contract-signatures.pdf', 'signatures_page', stored.signaturesPageSha256]],
      );
      // The completion email carries both sealed files; the sender downloads the page; /verify knows it.
      const completion = (await readOutbox(t.ctx)).filter((m) => m.template === 'completed' && m.processId === processId);
      assert.ok(completion.length > 0);
      for (const m of completion) assert.deepEqual(m.attachments.map((a) => a.filename), ['contract-signed.pdf', 'contract-signatures.pdf']);
      const download = await t.app.request(`/api/v1/processes/${processId}/documents/${stored.id}/signatures-page.pdf`, { headers: bearer(admin.token) });
      assert.equal(download.status, 200);
      assert.equal(createHash('sha256').update(new Uint8Array(await download.arrayBuffer())).digest('hex'), stored.signaturesPageSha256);
      const form = new FormData();
      form.set('file', new Blob([(await t.ctx.blobs.get(t.ctx.db, stored.signaturesPageSha256!)) as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }), 'p.pdf');
      const verified = await (await t.app.request('/api/v1/verify', { method: 'POST', body: form })).json();
      assert.equal(verified.verdict, 'valid', verified.summary);
      assert.equal(verified.document?.filename, 'contract.pdf');
      await changeSettings(t, admin.token, { reports: { templateChoice: 'default_forced' } });
      const forced = await t.app.request('/api/v1/processes', { method: 'POST', headers: bearer(admin.token), body: processForm({ signers: [{ email: 'y@example.test' }], reportTemplateId: separate }, [{ name: 'a.pdf', bytes: await makePdf() }]) });
      assert.equal(forced.status, 400, 'the default is forced: another template is refused');
      assert.match((await forced.json()).error.message, /sets the report template of every process/);
    });

    test('the admin API: secrets never shown back, used templates kept, refused to non-admins', async () => {
      const list = (await (await t.app.request('/api/v1/admin/report-templates', { headers: bearer(admin.token) })).json()).templates;
      const recruitment = list.find((x: { name: string }) => x.name === 'Recruitment');
      assert.equal(recruitment.hmacSecret, SECRET_MASK);
      assert.equal(recruitment.isDefault, true, 'the first template is the default');
      assert.doesNotMatch(JSON.stringify(list), /report-hmac-secret/);
      const kept = await t.app.request(`/api/v1/admin/report-templates/${recruitment.id}`, json('PUT', { ...recruitment, name: 'Recruitment 2' }));
      assert.equal(kept.status, 200, await kept.clone().text());
      const removed = await t.app.request(`/api/v1/admin/report-templates/${recruitment.id}`, { method: 'DELETE', headers: bearer(admin.token) });
      assert.equal(removed.status, 409, 'used by processes');
      const unused = await createTemplate({ name: 'Unused' });
      assert.equal((await t.app.request(`/api/v1/admin/report-templates/${unused}`, { method: 'DELETE', headers: bearer(admin.token) })).status, 204);
      const bad = await t.app.request('/api/v1/admin/report-templates', json('POST', { name: 'No secret', postUrls: ['https://example.test/x'], hmacSecret: '' }));
      assert.equal(bad.status, 400);

      const settings = await (await t.app.request('/api/v1/admin/settings', { headers: bearer(admin.token) })).json();
      settings.reports.postAllowList = ['http://not-a-host/'];
      const refusedList = await t.app.request('/api/v1/admin/settings', json('PUT', settings));
      assert.equal(refusedList.status, 400, 'the allow list takes host names, addresses and CIDR ranges only');

      const user = await t.user();
      assert.equal((await t.app.request('/api/v1/admin/report-templates', { headers: bearer(user.token) })).status, 404);
      assert.equal((await t.app.request('/api/v1/admin/report-templates', json('POST', { name: 'X' }, user.token))).status, 404);
    });
  });
}
