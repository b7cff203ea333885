// Every signature is bound to exactly what it approved (sign hash over a canonical record), on PGlite and
// PostgreSQL: Verify shows valid signatures, and a forged sign hash, an altered record, a changed document in the
// database or in storage, or a missing key each show as invalid.
import assert from 'node:assert/strict';
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { signers } from '../src/db/schema';
import { bearer, dbKinds, makePdf, processForm, startTestApp, type TestApp } from './harness';
import { signingPathFor } from './outbox-reader';

for (const kind of dbKinds) {
  describe(`sign hashes on ${kind}`, () => {
    let t: TestApp;
    let token: string;
    before(async () => {
      t = await startTestApp(kind);
      token = (await t.user()).token;
    });
    after(() => t.close());

    let n = 0;
    async function signedProcess() {
      const emails = [`h${++n}a@example.test`, `h${n}b@example.test`];
      const res = await t.app.request('/api/v1/processes', {
        method: 'POST',
        headers: bearer(token),
        body: processForm({ signers: emails.map((email) => ({ email })) }, [{ name: 'deal.pdf', bytes: await makePdf(`Deal ${n}`) }]),
      });
      const p = await res.json();
      await t.app.request(`${await signingPathFor(t.ctx, emails[0])}/sign`, { method: 'POST', headers: { Origin: 'http://localhost' } });
      return { id: p.id as string, emails, documentSha: p.documents[0].sha256 as string };
    }
    const verify = async (id: string) => (await (await t.app.request(`/api/v1/processes/${id}/verify`, { headers: bearer(token) })).json());

    test('a signature stores a sign hash over a record naming the documents by SHA-256, and verifies', async () => {
      const p = await signedProcess();
      const [row] = await t.ctx.db.select().from(signers).where(eq(signers.email, p.emails[0]));
      const record = JSON.parse(row.signRecord!);
      assert.deepEqual(record.documents.map((d: any) => d.sha256), [p.documentSha]);
      assert.equal(record.signer.email, p.emails[0]);
      assert.equal(record.method, 'button');
      assert.match(row.signHash!, /^[A-Za-z0-9+/]+=*$/);
      const result = await verify(p.id);
      assert.deepEqual(result.signatures.map((s: any) => [s.email, s.valid]), [[p.emails[0], true]]);
      assert.equal(result.auditTrail.valid, true);
    });

    test('a forged sign hash is invalid', async () => {
      const p = await signedProcess();
      const forged = Buffer.alloc(384, 7).toString('base64');
      await t.ctx.db.update(signers).set({ signHash: forged }).where(eq(signers.email, p.emails[0]));
      const [s] = (await verify(p.id)).signatures;
      assert.equal(s.valid, false);
      assert.match(s.problems.join(), /forged or altered/);
    });

    test('an altered record (another time, or another document hash) is invalid', async () => {
      const p = await signedProcess();
      const [row] = await t.ctx.db.select().from(signers).where(eq(signers.email, p.emails[0]));
      const record = JSON.parse(row.signRecord!);
      record.documents[0].sha256 = '0'.repeat(64);
      await t.ctx.db.update(signers).set({ signRecord: JSON.stringify(record) }).where(eq(signers.id, row.id));
      assert.match((await verify(p.id)).signatures[0].problems.join(), /forged or altered/);
      const q = await signedProcess();
      await t.ctx.db.update(signers).set({ signedAt: new Date('2020-01-01T00:00:00Z') }).where(eq(signers.email, q.emails[0]));
      assert.match((await verify(q.id)).signatures[0].problems.join(), /signing time or method differs/);
    });

    test('a document changed in the database or in storage after signing is invalid', async () => {
      const p = await signedProcess();
      const other = await makePdf('Swapped');
      const sha = await t.ctx.blobs.put(t.ctx.db, other);
      await t.ctx.db.execute(sql`update documents set sha256 = ${sha} where process_id = ${p.id}`);
      assert.match((await verify(p.id)).signatures[0].problems.join(), /deal\.pdf was changed after it was signed/);

      if (t.config.fileStorage === 'filesystem') {
        const q = await signedProcess();
        const file = path.join(t.config.dataDir, 'files', q.documentSha.slice(0, 2), q.documentSha);
        assert.ok(readdirSync(path.dirname(file)).includes(q.documentSha));
        writeFileSync(file, other);
        assert.match((await verify(q.id)).signatures[0].problems.join(), /was changed after it was signed/);
      }
    });

    test('Verify is for the sender (and admins): another user gets 404', async () => {
      const p = await signedProcess();
      const res = await t.app.request(`/api/v1/processes/${p.id}/verify`, { headers: bearer(token) });
      assert.equal(res.status, 200);
      const stranger = await t.user();
      assert.equal((await t.app.request(`/api/v1/processes/${p.id}/verify`, { headers: bearer(stranger.token) })).status, 404);
    });
  });
}
