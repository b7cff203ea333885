// The process API through the real app on PGlite and on PostgreSQL: tokens, starting a process with good and bad
// input, authorisation, listing, abort and remind.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createHash } from 'node:crypto';
import { bearer, dbKinds, makePdf, processForm, startTestApp, type TestApp, changeSettings } from './harness';
import { readOutbox } from './outbox-reader';

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

for (const kind of dbKinds) {
  describe(`process API on ${kind}`, () => {
    let t: TestApp;
    let pdf: Uint8Array;
    before(async () => {
      t = await startTestApp(kind);
      pdf = await makePdf('Contract', 2);
      // Some processes below carry an attachment, which the admin must allow (off by default).
      await changeSettings(t, (await t.user({ isAdmin: true })).token, { startForm: { attachments: 'shown' } });
    });
    after(() => t.close());

    const post = (token: string, form: FormData) =>
      t.app.request('/api/v1/processes', { method: 'POST', headers: bearer(token), body: form });

    test('a user exchanges username or email and password for a token; wrong ones are refused', async () => {
      const u = await t.user();
      const basic = (login: string, pw: string) => ({ Authorization: 'Basic ' + Buffer.from(`${login}:${pw}`).toString('base64') });
      const ok = await t.app.request('/api/v1/tokens', { method: 'POST', headers: basic(u.email, u.password) });
      assert.equal(ok.status, 201);
      const { token } = await ok.json();
      assert.match(token, /^sst_[A-Za-z0-9_-]{43}$/);
      const list = await t.app.request('/api/v1/processes', { headers: bearer(token) });
      assert.equal(list.status, 200);

      const wrong = await t.app.request('/api/v1/tokens', { method: 'POST', headers: basic(u.email, 'nope') });
      assert.equal(wrong.status, 401);
      assert.equal((await wrong.json()).error.code, 'unauthorized');
      const none = await t.app.request('/api/v1/processes');
      assert.equal(none.status, 401);
      const bogus = await t.app.request('/api/v1/processes', { headers: bearer('sst_' + 'x'.repeat(43)) });
      assert.equal(bogus.status, 401);
    });

    test('five wrong passwords lock the account, even against the right password', async () => {
      const u = await t.user();
      const basic = (pw: string) => ({ Authorization: 'Basic ' + Buffer.from(`${u.email}:${pw}`).toString('base64') });
      for (let i = 0; i < 5; i++) {
        assert.equal((await t.app.request('/api/v1/tokens', { method: 'POST', headers: basic('wrong') })).status, 401);
      }
      const locked = await t.app.request('/api/v1/tokens', { method: 'POST', headers: basic(u.password) });
      assert.equal(locked.status, 429);
    });

    test('a revoked token stops working', async () => {
      const u = await t.user();
      const { tokens } = await (await t.app.request('/api/v1/tokens', { headers: bearer(u.token) })).json();
      assert.equal(tokens.length, 1);
      const del = await t.app.request(`/api/v1/tokens/${tokens[0].id}`, { method: 'DELETE', headers: bearer(u.token) });
      assert.equal(del.status, 204);
      assert.equal((await t.app.request('/api/v1/processes', { headers: bearer(u.token) })).status, 401);
    });

    test('starting a process stores the documents with their SHA-256 and invites every signer', async () => {
      const u = await t.user();
      const attachment = new TextEncoder().encode('price list');
      const res = await post(
        u.token,
        processForm(
          { title: 'Lease <2026>', message: 'Please sign', signers: [{ email: 'Anna@Example.test', name: 'Anna' }, { email: 'bob@example.test' }] },
          [{ name: 'lease.pdf', bytes: pdf }],
          [{ name: 'prices.txt', bytes: attachment, type: 'text/plain' }],
        ),
      );
      assert.equal(res.status, 201, await res.clone().text());
      const body = await res.json();
      assert.equal(body.status, 'pending');
      assert.equal(body.title, 'Lease <2026>');
      assert.deepEqual(body.signers.map((s: any) => [s.email, s.status]), [['anna@example.test', 'invited'], ['bob@example.test', 'invited']]);
      assert.deepEqual(body.documents.map((d: any) => [d.filename, d.kind, d.sha256]), [
        ['lease.pdf', 'document', sha256(pdf)],
        ['prices.txt', 'attachment', sha256(attachment)],
      ]);
      const mails = (await readOutbox(t.ctx)).filter((m) => m.processId === body.id);
      assert.deepEqual(mails.map((m) => m.recipient).sort(), ['anna@example.test', 'bob@example.test']);
      assert.match(mails[0].subject, /Signature request: Lease <2026>/);
      assert.match(mails[0].text, /http:\/\/localhost:3999\/s\/[A-Za-z0-9_-]{43}/);
      assert.ok(mails[0].html.includes('Lease &lt;2026&gt;'), 'HTML email escapes the title');

      const original = await t.app.request(`/api/v1/processes/${body.id}/documents/${body.documents[0].id}/original`, { headers: bearer(u.token) });
      assert.deepEqual(new Uint8Array(await original.arrayBuffer()), pdf);
    });

    test('with signing order only the first signer is invited', async () => {
      const u = await t.user();
      const res = await post(u.token, processForm({ signingOrder: true, signers: [{ email: 'first@example.test' }, { email: 'second@example.test' }] }, [{ name: 'a.pdf', bytes: pdf }]));
      const body = await res.json();
      assert.deepEqual(body.signers.map((s: any) => s.status), ['invited', 'waiting']);
      const mails = (await readOutbox(t.ctx)).filter((m) => m.processId === body.id);
      assert.deepEqual(mails.map((m) => m.recipient), ['first@example.test']);
    });

    describe('bad input gets a clear 4xx and stores nothing', () => {
      const cases: [string, () => Promise<FormData | RequestInit>, number, RegExp, string?][] = [
        ['not a PDF', async () => processForm({ signers: [{ email: 'a@example.test' }] }, [{ name: 'notes.pdf', bytes: new TextEncoder().encode('hello') }]), 415, /"notes.pdf" is not a PDF/, 'documents.0'],
        ['an encrypted PDF', async () => processForm({ signers: [{ email: 'a@example.test' }] }, [{ name: 'secret.pdf', bytes: encrypt(pdf) }]), 400, /"secret.pdf" is encrypted/, 'documents.0'],
        ['a damaged PDF', async () => processForm({ signers: [{ email: 'a@example.test' }] }, [{ name: 'broken.pdf', bytes: pdf.slice(0, pdf.length - 200) }]), 400, /"broken.pdf" is damaged/, 'documents.0'],
        ['no signers', async () => processForm({ signers: [] }, [{ name: 'a.pdf', bytes: pdf }]), 400, /at least one signer/, 'signers'],
        ['a malformed email', async () => processForm({ signers: [{ email: 'not-an-email' }] }, [{ name: 'a.pdf', bytes: pdf }]), 400, /signers\.0\.email: must be a valid email/, 'signers.0.email'],
        ['the same signer twice', async () => processForm({ signers: [{ email: 'a@example.test' }, { email: 'A@example.test' }] }, [{ name: 'a.pdf', bytes: pdf }]), 400, /only once/],
        ['no documents', async () => processForm({ signers: [{ email: 'a@example.test' }] }, []), 400, /At least one PDF document/, 'documents'],
        ['no title', async () => processForm(JSON.stringify({ signers: [{ email: 'a@example.test' }] }), [{ name: 'a.pdf', bytes: pdf }]), 400, /title/, 'title'],
        ['process part that is not JSON', async () => processForm('{oops', [{ name: 'a.pdf', bytes: pdf }]), 400, /not valid JSON/, 'process'],
        ['a JSON body instead of multipart', async () => ({ body: JSON.stringify({ title: 'x' }), headers: { 'Content-Type': 'application/json' } }), 415, /multipart\/form-data/],
      ];
      for (const [name, make, status, message, field] of cases) {
        test(name, async () => {
          const u = await t.user();
          const made = await make();
          const init: RequestInit = made instanceof FormData ? { body: made } : made;
          const res = await t.app.request('/api/v1/processes', { method: 'POST', ...init, headers: { ...bearer(u.token), ...(init.headers as object) } });
          const body = await res.json();
          assert.equal(res.status, status, JSON.stringify(body));
          assert.match(body.error.message, message);
          if (field) assert.equal(body.error.field, field);
          const list = await (await t.app.request('/api/v1/processes', { headers: bearer(u.token) })).json();
          assert.equal(list.processes.length, 0, 'nothing was created');
        });
      }
    });

    test('a file over the size limit is refused with 413, and so is a request over the request limit', async () => {
      const small = await startTestApp('pglite', { MAX_UPLOAD_MB: '0.01', MAX_REQUEST_MB: '0.05' });
      try {
        const u = await small.user();
        const big = await makePdf('x'.repeat(50), 60);
        assert.ok(big.length > 10_486 && big.length < 50_000, `fixture size ${big.length}`);
        const res = await small.app.request('/api/v1/processes', { method: 'POST', headers: bearer(u.token), body: processForm({ signers: [{ email: 'a@example.test' }] }, [{ name: 'big.pdf', bytes: big }]) });
        assert.equal(res.status, 413);
        assert.match((await res.json()).error.message, /"big.pdf" is larger than the limit of 10 KB/);
        const huge = processForm({ signers: [{ email: 'a@example.test' }] }, [{ name: 'a.pdf', bytes: new Uint8Array(60_000) }]);
        const res2 = await small.app.request('/api/v1/processes', { method: 'POST', headers: bearer(u.token), body: huge });
        assert.equal(res2.status, 413);
        assert.match((await res2.json()).error.message, /request is larger than the limit of 51 KB/);
      } finally {
        await small.close();
      }
    });

    test("another user's process is not found, for every operation; an admin sees all", async () => {
      const owner = await t.user();
      const other = await t.user();
      const admin = await t.user({ isAdmin: true });
      const created = await (await post(owner.token, processForm({ signers: [{ email: 'x@example.test' }] }, [{ name: 'a.pdf', bytes: pdf }]))).json();
      const docId = created.documents[0].id;
      const paths: [string, string][] = [
        ['GET', `/api/v1/processes/${created.id}`],
        ['POST', `/api/v1/processes/${created.id}/abort`],
        ['POST', `/api/v1/processes/${created.id}/remind`],
        ['GET', `/api/v1/processes/${created.id}/documents/${docId}/original`],
        ['GET', `/api/v1/processes/${created.id}/documents/${docId}/final.pdf`],
        ['GET', `/api/v1/processes/not-a-uuid`],
      ];
      for (const [method, p] of paths) {
        const res = await t.app.request(p, { method, headers: bearer(other.token) });
        assert.equal(res.status, 404, `${method} ${p}`);
      }
      const mine = await (await t.app.request('/api/v1/processes', { headers: bearer(other.token) })).json();
      assert.equal(mine.processes.length, 0);
      const adminView = await t.app.request(`/api/v1/processes/${created.id}`, { headers: bearer(admin.token) });
      assert.equal(adminView.status, 200);
      const all = await (await t.app.request('/api/v1/processes?limit=500', { headers: bearer(admin.token) })).json();
      assert.ok(all.processes.some((p: any) => p.id === created.id));
    });

    test('get shows the audit trail; remind emails pending signers again; abort tells them and ends the process', async () => {
      const u = await t.user();
      const created = await (await post(u.token, processForm({ signers: [{ email: 'r1@example.test' }, { email: 'r2@example.test' }] }, [{ name: 'a.pdf', bytes: pdf }]))).json();
      const remind = await t.app.request(`/api/v1/processes/${created.id}/remind`, { method: 'POST', headers: bearer(u.token) });
      assert.equal(remind.status, 200);
      assert.deepEqual((await remind.json()).reminded.sort(), ['r1@example.test', 'r2@example.test']);
      const abort = await t.app.request(`/api/v1/processes/${created.id}/abort`, { method: 'POST', headers: bearer(u.token) });
      assert.equal(abort.status, 200);
      assert.equal((await abort.json()).status, 'aborted');
      const again = await t.app.request(`/api/v1/processes/${created.id}/abort`, { method: 'POST', headers: bearer(u.token) });
      assert.equal(again.status, 409);
      const mails = (await readOutbox(t.ctx)).filter((m) => m.processId === created.id).map((m) => `${m.template}:${m.recipient}`);
      assert.deepEqual(mails.sort(), ['aborted:r1@example.test', 'aborted:r2@example.test', 'invitation:r1@example.test', 'invitation:r2@example.test', 'reminder:r1@example.test', 'reminder:r2@example.test']);
      const view = await (await t.app.request(`/api/v1/processes/${created.id}`, { headers: bearer(u.token) })).json();
      const trail = view.auditTrail.map((a: any) => a.message);
      assert.equal(trail[0], `Process with id: ${created.id} created`);
      assert.ok(trail.includes('Send invitation to: r1@example.test'));
      assert.ok(trail.includes('Send reminder to: r2@example.test'));
      assert.ok(trail.some((m: string) => m.startsWith('Process aborted by')));
    });
  });
}

function encrypt(pdf: Uint8Array): Uint8Array {
  const dir = mkdtempSync(path.join(tmpdir(), 'ss-enc-'));
  try {
    writeFileSync(path.join(dir, 'in.pdf'), pdf);
    execFileSync('qpdf', ['--encrypt', 'user', 'owner', '256', '--', path.join(dir, 'in.pdf'), path.join(dir, 'out.pdf')]);
    return readFileSync(path.join(dir, 'out.pdf'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
