// A server killed with SIGKILL while it seals finishes the work after a restart, with no duplicate: one sealing,
// and one final email per recipient, received by a real SMTP peer. Runs real server processes on PostgreSQL.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import postgres from 'postgres';
import { runPdfsig } from '../src/seal/pdfsig.test-helper';
import { createPostgresDatabase, makeLargePdf, processForm } from './harness';
import { startServerProcess, type ServerProcess } from './server-process';
import { startSmtpPeer, type SmtpPeer } from './smtp-peer';

let smtp: SmtpPeer;
let pg: { url: string; drop: () => Promise<void> };
let dataDir: string;
const servers: ServerProcess[] = [];

before(async () => {
  smtp = await startSmtpPeer();
  pg = await createPostgresDatabase();
  dataDir = mkdtempSync(path.join(tmpdir(), 'ss-crash-'));
});
after(async () => {
  for (const s of servers) await s.stop('SIGKILL');
  await smtp.close();
  await pg.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

const env = () => ({
  DATABASE_URL: pg.url,
  DATA_DIR: dataDir,
  SERVER_SECRET: 'crash-test-secret-0123456789abcdef0123456789',
  SMTP_URL: smtp.url,
  ADMIN_EMAIL: 'admin@example.test',
  ADMIN_PASSWORD: 'admin-password-1',
  WORKER_POLL_MS: '20',
  WORKER_LEASE_SECONDS: '2',
  LOG_LEVEL: 'warn',
});

test('SIGKILL during sealing: after restart the process is sealed once and each recipient gets one final email', async () => {
  const sql = postgres(pg.url, { max: 1, onnotice: () => {} });
  try {
    let server = await startServerProcess(env());
    servers.push(server);
    const basic = 'Basic ' + Buffer.from('admin@example.test:admin-password-1').toString('base64');
    const { token } = await (await fetch(`${server.url}/api/v1/tokens`, { method: 'POST', headers: { Authorization: basic } })).json();
    const docs = await Promise.all([1, 2, 3, 4].map(async (i) => ({ name: `big${i}.pdf`, bytes: await makeLargePdf(15) })));
    const created = await fetch(`${server.url}/api/v1/processes`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}` },
      body: processForm({ title: 'Crash test', signers: [{ email: 'k1@example.test' }, { email: 'k2@example.test' }] }, docs),
    });
    assert.equal(created.status, 201, await created.clone().text());
    const process = await created.json();

    const invitations = await smtp.waitFor((mails) => mails.filter((m) => m.subject.startsWith('Signature request')).length === 2);
    for (const mail of invitations.filter((m) => m.subject.startsWith('Signature request'))) {
      const link = mail.text.match(/http:\/\/[^\s]+\/s\/[A-Za-z0-9_-]+/)![0];
      const res = await fetch(`${link}/sign`, { method: 'POST', headers: { Origin: server.url }, redirect: 'manual' });
      assert.equal(res.status, 303);
    }

    // Kill the server the moment a worker has claimed the sealing job.
    for (let i = 0; ; i++) {
      const [job] = await sql`select locked_by from outbox_jobs where dedupe_key = ${'seal:' + process.id}`;
      if (job?.locked_by) break;
      assert.ok(i < 5000, 'the sealing job was never claimed');
      await new Promise((r) => setTimeout(r, 2));
    }
    await server.stop('SIGKILL');
    const [during] = await sql`select sealed_at from processes where id = ${process.id}`;
    assert.equal(during.sealed_at, null, 'the kill came before sealing committed');
    assert.equal(smtp.mails.filter((m) => m.subject.startsWith('Signed:')).length, 0);

    server = await startServerProcess(env());
    servers.push(server);
    const finals = await smtp.waitFor((mails) => mails.filter((m) => m.subject.startsWith('Signed:')).length >= 3, 60_000);
    await new Promise((r) => setTimeout(r, 1500)); // a duplicate, if any, would arrive now
    const signed = smtp.mails.filter((m) => m.subject.startsWith('Signed:'));
    assert.deepEqual(signed.map((m) => m.to).sort(), ['admin@example.test', 'k1@example.test', 'k2@example.test']);
    assert.equal(finals.length >= 3, true);
    assert.deepEqual(signed[0].attachments.map((a) => a.filename).sort(), ['big1-signed.pdf', 'big2-signed.pdf', 'big3-signed.pdf', 'big4-signed.pdf']);
    const check = await runPdfsig(signed[0].attachments[0].content);
    assert.ok(check.signatures.at(-1)?.valid && check.signatures.at(-1)?.wholeDocument, check.raw);
    const [job] = await sql`select attempts, done_at from outbox_jobs where dedupe_key = ${'seal:' + process.id}`;
    assert.equal(job.attempts, 2);
    assert.ok(job.done_at);
    const [{ n }] = await sql`select count(*)::int as n from audit_events where process_id = ${process.id} and type = 'sealed'`;
    assert.equal(n, 4);
  } finally {
    await sql.end();
  }
});
