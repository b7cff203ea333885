// File rooms through the real app on PGlite and PostgreSQL, with a real HTTP server on loopback as the room: the
// admin registers a room (secret shown once), the room starts a process with a signed request, bad signatures,
// old timestamps, replays and disabled rooms start nothing, and after signing and sealing the room receives the
// finals for its folder, HMAC-signed, each with the SHA-256 of the stored final, retried with one Idempotency-Key.
import assert from 'node:assert/strict';
import { createHash, createHmac } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { asc, eq } from 'drizzle-orm';
import { adminAuditEvents, auditEvents, documents, fileRoomProcesses, fileRooms, outboxJobs, processes } from '../src/db/schema';
import { finalName } from '../src/domain/document/final-name';
import { getSettings } from '../src/domain/settings/get-settings';
import { changeSettings, dbKinds, makePdf, processForm, signInHeaders, startTestApp, type TestApp } from './harness';
import { signingPathFor } from './outbox-reader';
import { startReportReceiver } from './report-receiver';

/** What a room does (docs/file-rooms.md): HMAC-SHA256 of "<timestamp>\n<METHOD>\n<path>\n" + body under its secret. */
function sign(secret: string, method: string, path: string, body: Uint8Array, timestamp: number) {
  const mac = createHmac('sha256', secret).update(`${timestamp}\n${method}\n${path}\n`).update(body).digest('hex');
  return { 'X-Secure-Signature-Timestamp': String(timestamp), 'X-Secure-Signature-Signature': `sha256=${mac}` };
}

for (const kind of dbKinds) {
  describe(`file rooms (${kind})`, () => {
    let t: TestApp;
    let room: Awaited<ReturnType<typeof startReportReceiver>>;
    let admin: Awaited<ReturnType<TestApp['user']>>;
    let headers: Record<string, string>;
    let csrf: string;
    let now = new Date('2026-11-23T09:00:00Z');
    let n = 0;
    before(async () => {
      [t, room] = await Promise.all([startTestApp(kind, {}, { clock: () => now }), startReportReceiver()]);
      admin = await t.user({ isAdmin: true });
      headers = await signInHeaders(t, admin.email, admin.password);
      csrf = (await (await t.app.request('/admin/file-rooms', { headers })).text()).match(/name="_csrf" value="([^"]+)"/)![1];
    });
    after(async () => {
      await t.close();
      await room.close();
    });

    const form = (path: string, fields: Record<string, string>, h: Record<string, string> = headers) =>
      t.app.request(path, { method: 'POST', headers: { ...h, Origin: 'http://localhost', 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });
    async function register(name: string, extra: Record<string, string> = {}) {
      const res = await form('/admin/file-rooms/rooms', { _csrf: csrf, name, callbackUrl: `${room.url}/finals?k=1`, senderEmail: admin.email, ...extra });
      const html = await res.text();
      assert.equal(res.status, 201, html);
      return { id: html.match(/data-testid="new-room-id">([^<]+)</)![1], secret: html.match(/data-testid="new-room-secret">([^<]+)</)![1] };
    }
    /** A signed start request as the room sends it; `tamper` changes what is sent after signing. */
    async function start(r: { id: string; secret: string }, opts: { folder?: string; at?: number; tamper?: (b: Uint8Array<ArrayBuffer>) => Uint8Array<ArrayBuffer>; secret?: string; signers?: string[] } = {}) {
      const fd = processForm({ title: 'Lease', signers: (opts.signers ?? [`signer${++n}@example.test`]).map((email) => ({ email })) }, [{ name: 'lease.pdf', bytes: await makePdf('Lease') }]);
      fd.set('folder', opts.folder ?? 'sites/hr/Contracts/2026/Smith');
      const encoded = new Request('http://x/', { method: 'POST', body: fd });
      const body = new Uint8Array(await encoded.arrayBuffer());
      const path = `/api/v1/file-rooms/${r.id}/processes`;
      const signed = sign(opts.secret ?? r.secret, 'POST', path, body, opts.at ?? Math.floor(now.getTime() / 1000));
      const sent = opts.tamper ? opts.tamper(body) : body;
      return t.app.request(path, { method: 'POST', headers: { 'Content-Type': encoded.headers.get('content-type')!, ...signed }, body: sent });
    }
    const poll = (r: { id: string; secret: string }, processId: string) => {
      const path = `/api/v1/file-rooms/${r.id}/processes/${processId}`;
      return t.app.request(path, { headers: sign(r.secret, 'GET', path, new Uint8Array(), Math.floor(now.getTime() / 1000)) });
    };
    async function signAll(emails: string[]) {
      for (const email of emails) {
        const res = await t.app.request(`${await signingPathFor(t.ctx, email)}/sign`, {
          method: 'POST',
          headers: { Origin: 'http://localhost', 'Content-Type': 'application/x-www-form-urlencoded' },
          body: 'method=button',
        });
        assert.equal(res.status, 303);
      }
      await t.drain();
    }
    async function retry() {
      const due = await t.ctx.db.select({ runAt: outboxJobs.runAt }).from(outboxJobs).where(eq(outboxJobs.kind, 'deliver-file-room'));
      now = new Date(Math.max(now.getTime(), ...due.map((j) => j.runAt.getTime())) + 1000);
      await t.drain();
    }
    const processCount = async () => (await t.ctx.db.select().from(processes)).length;

    test('the admin page is refused to non-admins, and they change nothing', async () => {
      const plain = await t.user();
      const h = await signInHeaders(t, plain.email, plain.password);
      assert.equal((await t.app.request('/admin/file-rooms', { headers: h })).status, 404);
      const token = (await (await t.app.request('/account', { headers: h })).text()).match(/name="_csrf" value="([^"]+)"/)?.[1] ?? '';
      assert.equal((await form('/admin/file-rooms/rooms', { _csrf: token, name: 'Sneaky', callbackUrl: 'https://example.com/', senderEmail: plain.email }, h)).status, 404);
      assert.equal((await form('/admin/file-rooms/settings', { _csrf: token, enabled: 'on' }, h)).status, 404);
      assert.equal((await t.ctx.db.select().from(fileRooms)).length, 0);
      assert.equal((await getSettings(t.ctx)).fileRooms.enabled, false, 'off by default');
      assert.equal((await t.app.request('/admin/file-rooms')).status, 303, 'no session: to the sign-in page');
    });

    test('a loopback callback is refused until allow-listed; the secret is shown once and stored encrypted', async () => {
      const refused = await form('/admin/file-rooms/rooms', { _csrf: csrf, name: 'HR', callbackUrl: `${room.url}/finals`, senderEmail: admin.email });
      assert.equal(refused.status, 400);
      assert.match(await refused.text(), /callback URL.*loopback/);
      const saved = await form('/admin/file-rooms/settings', { _csrf: csrf, enabled: 'on', callbackAllowList: '127.0.0.0/8', maxAttempts: '3', timeoutSeconds: '5' });
      assert.equal(saved.status, 303);
      assert.deepEqual((await getSettings(t.ctx)).fileRooms, { enabled: true, callbackAllowList: ['127.0.0.0/8'], maxAttempts: 3, timeoutSeconds: 5 });
      assert.ok((await t.ctx.db.select().from(adminAuditEvents)).some((e) => e.details.setting === 'fileRooms.enabled'), 'the change is in the admin log');

      const r = await register('HR');
      assert.match(r.secret, /^ssr_/);
      const [row] = await t.ctx.db.select().from(fileRooms).where(eq(fileRooms.id, r.id));
      assert.ok(!row.secretEncrypted.includes(r.secret), 'not stored in clear');
      const again = await (await t.app.request('/admin/file-rooms', { headers })).text();
      assert.ok(again.includes('HR') && !again.includes(r.secret), 'listed, the secret never shown again');
      assert.ok(!JSON.stringify(await t.ctx.db.select().from(adminAuditEvents)).includes(r.secret), 'not in the admin log');
    });

    test('a signed start invites the signers; the room delivered to fails once, is retried with the same key, and gets the finals', async () => {
      const r = await register('Contracts');
      const signersOf = [`a${++n}@example.test`, `b${++n}@example.test`];
      const res = await start(r, { signers: signersOf, folder: 'HR/Smith, J.' });
      const view = (await res.json()) as { folder: string; process: { id: string; status: string; signers: { email: string; status: string }[] }; delivery: { status: string } };
      assert.equal(res.status, 201, JSON.stringify(view));
      assert.equal(view.folder, 'HR/Smith, J.');
      assert.equal(view.process.status, 'pending');
      assert.deepEqual(view.process.signers.map((s) => s.email), signersOf);
      assert.ok(view.process.signers.every((s) => s.status === 'invited'), JSON.stringify(view.process.signers));
      assert.equal(view.delivery.status, 'waiting');
      const [p] = await t.ctx.db.select().from(processes).where(eq(processes.id, view.process.id));
      assert.equal(p.senderId, admin.id, "sent in the name of the room's user");

      room.answerNext({ status: 500 });
      const before = room.requests.length;
      await signAll(signersOf);
      assert.equal(room.requests.length, before + 1, 'first attempt right after sealing');
      await retry();
      assert.equal(room.requests.length, before + 2);
      await retry();
      assert.equal(room.requests.length, before + 2, 'accepted: never sent again');

      const got = room.requests.slice(before);
      assert.equal(new Set(got.map((g) => g.headers['idempotency-key'])).size, 1, 'one Idempotency-Key on every attempt');
      const last = got.at(-1)!;
      assert.equal(last.url, '/finals?k=1');
      const mac = createHmac('sha256', r.secret).update(last.body).digest('hex');
      assert.equal(last.headers['x-secure-signature-signature'], `sha256=${mac}`);
      const body = JSON.parse(last.body.toString()) as { folder: string; roomId: string; deliveryId: string; process: { id: string }; documents: { filename: string; sha256: string; content: string }[] };
      assert.equal(body.folder, 'HR/Smith, J.');
      assert.equal(body.roomId, r.id);
      assert.equal(body.process.id, view.process.id);
      assert.equal(body.deliveryId, last.headers['idempotency-key']);
      const [doc] = await t.ctx.db.select().from(documents).where(eq(documents.processId, view.process.id));
      assert.equal(body.documents.length, 1);
      assert.equal(body.documents[0].sha256, doc.finalSha256);
      assert.equal(createHash('sha256').update(Buffer.from(body.documents[0].content, 'base64')).digest('hex'), doc.finalSha256);
      assert.equal(body.documents[0].filename, finalName('lease.pdf'));

      const trail = (await t.ctx.db.select().from(auditEvents).where(eq(auditEvents.processId, view.process.id)).orderBy(asc(auditEvents.id))).filter((e) => e.type.startsWith('file_room_'));
      assert.deepEqual(trail.map((e) => e.type), ['file_room_attempt_failed', 'file_room_delivered']);
      assert.ok(!trail.some((e) => e.message.includes('k=1')), 'no query string in the audit trail');

      const polled = await poll(r, view.process.id);
      const status = (await polled.json()) as { process: { status: string }; delivery: { status: string; attempts: number } };
      assert.equal(polled.status, 200);
      assert.equal(status.process.status, 'completed');
      assert.deepEqual([status.delivery.status, status.delivery.attempts], ['delivered', 2]);
    });

    test('a callback URL that is no longer allow-listed is not called at delivery; the refusal is in the audit trail', async () => {
      const r = await register('Archive');
      await changeSettings(t, admin.token, { fileRooms: { callbackAllowList: [], maxAttempts: 1 } });
      const email = `c${++n}@example.test`;
      const res = await start(r, { signers: [email] });
      assert.equal(res.status, 201);
      const id = ((await res.json()) as { process: { id: string } }).process.id;
      const before = room.requests.length;
      await signAll([email]);
      await retry();
      assert.equal(room.requests.length, before, 'loopback is not called');
      const trail = (await t.ctx.db.select().from(auditEvents).where(eq(auditEvents.processId, id)).orderBy(asc(auditEvents.id))).filter((e) => e.type.startsWith('file_room_'));
      assert.deepEqual(trail.map((e) => e.type), ['file_room_failed']);
      assert.match(trail[0].message, /loopback/);
      const status = (await (await poll(r, id)).json()) as { delivery: { status: string } };
      assert.equal(status.delivery.status, 'failed');
      await changeSettings(t, admin.token, { fileRooms: { callbackAllowList: ['127.0.0.0/8'], maxAttempts: 3 } });
    });

    test('bad signatures, old timestamps, replays, other rooms and disabled rooms are refused and store nothing', async () => {
      const r = await register('Legal');
      const other = await register('Sales');
      const count = await processCount();
      const nowS = Math.floor(now.getTime() / 1000);
      assert.equal((await start(r, { secret: other.secret })).status, 401, 'signed with another room secret');
      assert.equal((await start(r, { tamper: (b) => { const c = b.slice(); c[c.length - 20] ^= 1; return c; } })).status, 401, 'body changed after signing');
      const old = await start(r, { at: nowS - 301 });
      assert.equal(old.status, 401);
      assert.match(await old.text(), /5 minutes/);
      assert.equal((await start({ id: '3f2504e0-4f89-11d3-9a0c-0305e82c3301', secret: r.secret })).status, 401, 'unknown room');
      assert.equal(await processCount(), count, 'nothing stored');

      // The same signed bytes twice: the second is a replay.
      const fd = processForm({ title: 'Once', signers: [{ email: `once${++n}@example.test` }] }, [{ name: 'x.pdf', bytes: await makePdf('x') }]);
      fd.set('folder', 'F');
      const encoded = new Request('http://x/', { method: 'POST', body: fd });
      const bytes = new Uint8Array(await encoded.arrayBuffer());
      const path = `/api/v1/file-rooms/${r.id}/processes`;
      const h = { 'Content-Type': encoded.headers.get('content-type')!, ...sign(r.secret, 'POST', path, bytes, nowS) };
      const first = await t.app.request(path, { method: 'POST', headers: h, body: bytes });
      assert.equal(first.status, 201);
      const id = ((await first.json()) as { process: { id: string } }).process.id;
      assert.equal((await t.app.request(path, { method: 'POST', headers: h, body: bytes })).status, 409);
      assert.equal(await processCount(), count + 1, 'the replay started nothing');

      assert.equal((await poll(other, id)).status, 404, "another room cannot read this room's process");
      const missingFolder = await start(r, { folder: '' });
      assert.equal(missingFolder.status, 400);
      assert.match(await missingFolder.text(), /folder/);

      assert.equal((await form(`/admin/file-rooms/${r.id}/disable`, { _csrf: csrf })).status, 303);
      assert.equal((await start(r)).status, 403, 'disabled room');
      assert.equal((await poll(r, id)).status, 403);
      await form(`/admin/file-rooms/${r.id}/enable`, { _csrf: csrf });
      assert.equal((await poll(r, id)).status, 200);

      const fenced = await register('Fenced', { allowedIps: '192.0.2.10' });
      assert.equal((await start(fenced)).status, 403, 'not from an allowed address');

      await changeSettings(t, admin.token, { fileRooms: { enabled: false } });
      assert.equal((await start(r)).status, 403, 'file rooms turned off');
      await changeSettings(t, admin.token, { fileRooms: { enabled: true } });
      assert.equal(await processCount(), count + 1);
      assert.equal((await t.ctx.db.select().from(fileRoomProcesses).where(eq(fileRoomProcesses.roomId, r.id))).length, 1);
    });
  });
}
