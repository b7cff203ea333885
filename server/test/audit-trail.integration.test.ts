// The tamper-evident audit trail on PGlite and PostgreSQL: the database refuses to change events; an attacker
// who bypasses that (superuser, trigger disabled) is still caught by the hash chain, on the process page's data
// and by `npm run verify-audit`.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { bearer, dbKinds, makePdf, processForm, SECRET, startTestApp, type TestApp } from './harness';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

for (const kind of dbKinds) {
  describe(`audit trail on ${kind}`, () => {
    let t: TestApp;
    let token: string;
    before(async () => {
      t = await startTestApp(kind);
      token = (await t.user()).token;
    });
    after(() => t.close());

    async function newProcess() {
      const res = await t.app.request('/api/v1/processes', {
        method: 'POST',
        headers: bearer(token),
        body: processForm({ signers: [{ email: 'a1@example.test' }, { email: 'a2@example.test' }] }, [{ name: 'a.pdf', bytes: await makePdf() }]),
      });
      const p = await res.json();
      await t.app.request(`/api/v1/processes/${p.id}/remind`, { method: 'POST', headers: bearer(token) });
      return p.id as string;
    }
    const integrity = async (id: string) => (await (await t.app.request(`/api/v1/processes/${id}`, { headers: bearer(token) })).json()).auditIntegrity;
    const asAttacker = async (statement: ReturnType<typeof sql>) => {
      await t.ctx.db.execute(sql`alter table audit_events disable trigger audit_events_append_only`);
      try {
        await t.ctx.db.execute(statement);
      } finally {
        await t.ctx.db.execute(sql`alter table audit_events enable trigger audit_events_append_only`);
      }
    };

    test('an untouched trail verifies', async () => {
      const id = await newProcess();
      const result = await integrity(id);
      assert.equal(result.valid, true);
      assert.ok(result.events >= 6);
      assert.deepEqual(result.problems, []);
    });

    test('the database refuses UPDATE and DELETE of audit events', async () => {
      const id = await newProcess();
      // drizzle wraps the database's error; its cause carries the trigger's message.
      const refused = (err: any) => /audit events are append-only/.test(String(err?.cause?.message ?? err?.message));
      await assert.rejects(t.ctx.db.execute(sql`update audit_events set message = 'nothing happened' where process_id = ${id}`), refused);
      await assert.rejects(t.ctx.db.execute(sql`delete from audit_events where process_id = ${id}`), refused);
      assert.equal((await integrity(id)).valid, true);
    });

    test('an edited event is reported', async () => {
      const id = await newProcess();
      await asAttacker(sql`update audit_events set message = 'Send invitation to: someone-else@example.test' where id = (select min(id) + 2 from audit_events where process_id = ${id})`);
      const result = await integrity(id);
      assert.equal(result.valid, false);
      assert.match(result.problems.join('; '), /event 3 \(invitation_sent, id \d+\) was edited/);
    });

    test('a deleted event in the middle, and deleted newest events, are reported', async () => {
      const middle = await newProcess();
      await asAttacker(sql`delete from audit_events where id = (select min(id) + 1 from audit_events where process_id = ${middle})`);
      assert.match((await integrity(middle)).problems.join('; '), /an event before event 2 .* was deleted or reordered/);
      const newest = await newProcess();
      await asAttacker(sql`delete from audit_events where id = (select max(id) from audit_events where process_id = ${newest})`);
      assert.deepEqual((await integrity(newest)).problems, ['the newest events were deleted']);
    });

    if (kind === 'postgres') {
      test('npm run verify-audit lists tampered processes and exits 1', async () => {
        const run = promisify(execFile);
        const env = { PATH: process.env.PATH, DATABASE_URL: t.config.databaseUrl, SERVER_SECRET: SECRET, DATA_DIR: t.config.dataDir };
        const result = await run('npm', ['run', '--silent', 'verify-audit'], { cwd: root, env }).then(
          (r) => ({ code: 0, stdout: r.stdout }),
          (err) => ({ code: err.code as number, stdout: String(err.stdout) }),
        );
        assert.equal(result.code, 1, result.stdout);
        assert.match(result.stdout, /TAMPERED/);
        assert.match(result.stdout, /was edited/);
        assert.match(result.stdout, /\d+ process audit trails checked: \d+ intact, 3 tampered with/);
      });
    }
  });
}
