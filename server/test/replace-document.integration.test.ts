// Replacing a document of a pending process, through the real app: without confirmation nothing changes and the
// answer names whose signatures would be withdrawn; with it, the new version is stored, every signature so far is
// withdrawn, those signers are told and asked again (from the first one in a forced order), and the process then
// completes on the new bytes. Attachments withdraw nothing; strangers, finished processes and non-PDFs are refused.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { asc, eq } from 'drizzle-orm';
import { auditEvents, documents, signers } from '../src/db/schema';
import { bearer, changeSettings, makePdf, processForm, startTestApp, type TestApp } from './harness';
import { readOutbox, signingPathFor } from './outbox-reader';

describe('replacing a document of a pending process', () => {
  let t: TestApp;
  let sender: Awaited<ReturnType<TestApp['user']>>;
  before(async () => {
    t = await startTestApp('pglite');
    sender = await t.user();
    // Each process carries an attachment, which the admin must allow (off by default).
    await changeSettings(t, (await t.user({ isAdmin: true })).token, { startForm: { attachments: 'shown' } });
  });
  after(async () => t.close());

  const sign = async (email: string) =>
    t.app.request(`${await signingPathFor(t.ctx, email)}/sign`, { method: 'POST', headers: { Origin: 'http://localhost', 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'method=button' });
  const replace = (processId: string, documentId: string, bytes: Uint8Array, opts: { confirm?: boolean; token?: string; name?: string } = {}) => {
    const form = new FormData();
    form.set('file', new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }), opts.name ?? 'contract-v2.pdf');
    if (opts.confirm) form.set('confirm', 'true');
    return t.app.request(`/api/v1/processes/${processId}/documents/${documentId}`, { method: 'PUT', headers: bearer(opts.token ?? sender.token), body: form });
  };
  async function start(emails: string[], signingOrder = false) {
    const res = await t.app.request('/api/v1/processes', {
      method: 'POST',
      headers: bearer(sender.token),
      body: processForm(
        { title: 'Lease', signers: emails.map((email) => ({ email })), signingOrder, signatureMethods: ['button'] },
        [{ name: 'contract.pdf', bytes: await makePdf('Contract v1', 1) }],
        [{ name: 'terms.txt', bytes: new TextEncoder().encode('terms') }],
      ),
    });
    assert.equal(res.status, 201, await res.clone().text());
    return res.json();
  }
  const statuses = async (processId: string) =>
    Object.fromEntries((await t.ctx.db.select().from(signers).where(eq(signers.processId, processId)).orderBy(asc(signers.position))).map((s) => [s.email, s.status]));

  test('without confirmation nothing changes; with it the signatures are withdrawn, signers asked again, and it completes on the new bytes', async () => {
    const p = await start(['anna@example.test', 'bert@example.test']);
    const doc = p.documents.find((d: { kind: string }) => d.kind === 'document');
    assert.equal((await sign('anna@example.test')).status, 303);
    const v2 = await makePdf('Contract v2 with the corrected rent', 2);

    const unconfirmed = await replace(p.id, doc.id, v2);
    assert.equal(unconfirmed.status, 409);
    assert.match((await unconfirmed.json()).error.message, /withdraws the signatures of anna@example\.test/);
    assert.deepEqual(await statuses(p.id), { 'anna@example.test': 'signed', 'bert@example.test': 'invited' });
    const [still] = await t.ctx.db.select().from(documents).where(eq(documents.id, doc.id));
    assert.equal(still.sha256, doc.sha256);

    const before = (await readOutbox(t.ctx)).length;
    const res = await replace(p.id, doc.id, v2, { confirm: true });
    assert.equal(res.status, 200, await res.clone().text());
    const body = await res.json();
    assert.deepEqual(body.withdrawn, ['anna@example.test']);
    const v2sha = createHash('sha256').update(v2).digest('hex');
    assert.equal(body.process.documents.find((d: { id: string }) => d.id === doc.id).sha256, v2sha);
    assert.equal(body.process.documents.find((d: { id: string }) => d.id === doc.id).filename, 'contract-v2.pdf');
    assert.deepEqual(await statuses(p.id), { 'anna@example.test': 'invited', 'bert@example.test': 'invited' });

    const mails = (await readOutbox(t.ctx)).slice(before);
    assert.deepEqual(mails.map((m) => m.recipient).sort(), ['anna@example.test', 'bert@example.test']);
    for (const m of mails) assert.match(m.text, /replaced the document contract-v2\.pdf with a new version/);
    const audit = await t.ctx.db.select().from(auditEvents).where(eq(auditEvents.processId, p.id));
    assert.ok(audit.some((e) => e.type === 'document_replaced' && e.message.includes(doc.sha256) && e.message.includes(v2sha)));
    assert.ok(audit.some((e) => e.type === 'signature_withdrawn' && /anna@example\.test/.test(e.message)));

    assert.equal((await sign('anna@example.test')).status, 303);
    assert.equal((await sign('bert@example.test')).status, 303);
    await t.drain();
    const final = new Uint8Array(await (await t.app.request(`/api/v1/processes/${p.id}/documents/${doc.id}/final.pdf`, { headers: bearer(sender.token) })).arrayBuffer());
    assert.deepEqual(final.subarray(0, v2.length), v2, 'the sealed file is built on the new version');
    const checked = await (await t.app.request(`/api/v1/processes/${p.id}/verify`, { headers: bearer(sender.token) })).json();
    assert.equal(checked.signatures.length, 2);
    assert.ok(checked.signatures.every((s: { valid: boolean }) => s.valid));
  });

  test('in a forced order the first signer is asked again and the others wait', async () => {
    const p = await start(['c1@example.test', 'c2@example.test', 'c3@example.test'], true);
    const doc = p.documents.find((d: { kind: string }) => d.kind === 'document');
    await sign('c1@example.test');
    assert.deepEqual(await statuses(p.id), { 'c1@example.test': 'signed', 'c2@example.test': 'invited', 'c3@example.test': 'waiting' });
    assert.equal((await replace(p.id, doc.id, await makePdf('v2', 1), { confirm: true })).status, 200);
    assert.deepEqual(await statuses(p.id), { 'c1@example.test': 'invited', 'c2@example.test': 'waiting', 'c3@example.test': 'waiting' });
  });

  test('an attachment is replaced without withdrawing anything; strangers, non-PDFs and finished processes are refused', async () => {
    const p = await start(['d1@example.test', 'd2@example.test']);
    const doc = p.documents.find((d: { kind: string }) => d.kind === 'document');
    const attachment = p.documents.find((d: { kind: string }) => d.kind === 'attachment');
    await sign('d1@example.test');
    const res = await replace(p.id, attachment.id, new TextEncoder().encode('new terms'), { name: 'terms-v2.txt' });
    assert.equal(res.status, 200);
    assert.deepEqual((await res.json()).withdrawn, []);
    assert.equal((await statuses(p.id))['d1@example.test'], 'signed');

    const stranger = await t.user();
    assert.equal((await replace(p.id, doc.id, await makePdf('x', 1), { confirm: true, token: stranger.token })).status, 404);
    const notPdf = await replace(p.id, doc.id, new TextEncoder().encode('hello'), { confirm: true, name: 'notes.txt' });
    assert.equal(notPdf.status, 415);
    assert.match((await notPdf.json()).error.message, /"notes\.txt" is not a PDF file/);
    assert.equal((await statuses(p.id))['d1@example.test'], 'signed', 'a refused replacement withdraws nothing');

    await sign('d2@example.test');
    const done = await replace(p.id, doc.id, await makePdf('late', 1), { confirm: true });
    assert.equal(done.status, 409);
    assert.match((await done.json()).error.message, /completed/);
  });
});
