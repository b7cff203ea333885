// Following processes: filters, sorting, paging, totals and CSV export of the process list, through the API and
// the page, on PGlite and PostgreSQL; nobody sees others' processes without the right.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { bearer, dbKinds, signInHeaders, makePdf, processForm, startTestApp, type TestApp } from './harness';
import { processSearchQuery } from '@secure-signature/shared';
import { processStatistics } from '../src/domain/process/process-statistics';
import { signingPathFor } from './outbox-reader';

for (const kind of dbKinds) {
  describe(`process search on ${kind}`, () => {
    let t: TestApp;
    let now = new Date('2026-02-01T10:00:00Z').getTime();
    let alice: Awaited<ReturnType<TestApp['user']>>;
    let bob: Awaited<ReturnType<TestApp['user']>>;
    let admin: Awaited<ReturnType<TestApp['user']>>;
    const ids: Record<string, string> = {};
    before(async () => {
      t = await startTestApp(kind, {}, { clock: () => new Date(now) });
      [alice, bob, admin] = [await t.user({ email: 'alice@corp.test' }), await t.user({ email: 'bob@corp.test' }), await t.user({ isAdmin: true })];
      const pdf = await makePdf();
      const start = async (token: string, title: string, signer: string) => {
        const res = await t.app.request('/api/v1/processes', { method: 'POST', headers: bearer(token), body: processForm({ title, signers: [{ email: signer }] }, [{ name: 'a.pdf', bytes: pdf }]) });
        ids[title] = (await res.json()).id;
        now += 86_400_000;
      };
      await start(alice.token, 'NDA Acme', 'x1@acme.test');
      await start(alice.token, '=HYPERLINK("http://evil")', 'x2@beta.test');
      await start(alice.token, 'Lease, "main" office', 'x3@acme.test');
      await start(bob.token, 'Bob contract', 'x4@gamma.test');
      await t.app.request(`${await signingPathFor(t.ctx, 'x1@acme.test')}/sign`, { method: 'POST', headers: { Origin: 'http://localhost' } });
    });
    after(() => t.close());

    const search = async (query: string, token = alice.token) => {
      const res = await t.app.request(`/api/v1/processes?${query}`, { headers: bearer(token) });
      return { status: res.status, body: await res.json() };
    };
    const titles = (body: any) => body.processes.map((p: any) => p.title);

    test('keyword matches title, signer email, sender and process id', async () => {
      assert.deepEqual(titles((await search('q=nda')).body), ['NDA Acme']);
      assert.deepEqual(titles((await search('q=acme.test&sort=title')).body), ['Lease, "main" office', 'NDA Acme']);
      assert.deepEqual(titles((await search(`q=${ids['Bob contract'].slice(0, 8)}`, admin.token)).body), ['Bob contract']);
      assert.deepEqual(titles((await search('q=bob@corp', admin.token)).body), ['Bob contract']);
      assert.deepEqual(titles((await search('q=100%25')).body), [], 'wildcards in the keyword are literal');
    });

    test('status, dates, sort and paging; totals cover the whole filtered set', async () => {
      assert.deepEqual(titles((await search('status=completed')).body), ['NDA Acme']);
      assert.equal((await search('component=api')).body.total, 3);
      assert.equal((await search('component=outlook')).body.total, 0);
      assert.deepEqual(titles((await search('from=2026-02-02&to=2026-02-02')).body), ['=HYPERLINK("http://evil")']);
      const page1 = (await search('limit=2&sort=created')).body;
      assert.deepEqual(titles(page1), ['NDA Acme', '=HYPERLINK("http://evil")']);
      assert.equal(page1.total, 3);
      assert.deepEqual(page1.totals, {
        processes: 3,
        signers: 3,
        documents: 3,
        signatures: 1,
        strongSignatures: 0,
        byStatus: { pending: 2, completed: 1, rejected: 0, aborted: 0, expired: 0 },
      });
      assert.deepEqual(titles((await search('limit=2&offset=2&sort=created')).body), ['Lease, "main" office']);
      assert.equal((await search('status=nonsense')).status, 400);
    });

    test("others' processes stay hidden: scope=all is for admins; admins see all by default", async () => {
      assert.deepEqual(titles((await search('', bob.token)).body), ['Bob contract']);
      assert.equal((await search('scope=all', bob.token)).status, 403);
      assert.equal((await search('', admin.token)).body.total, 4);
      assert.equal((await search('scope=mine', admin.token)).body.total, 0);
    });

    test('statistics of the filtered set: per week, median time to complete, where pending processes wait', async () => {
      const ctx = { ...t.ctx, actor: { id: alice.id, email: alice.email, name: null, isAdmin: false, privileges: ['statistics_own' as const] } };
      const stats = await processStatistics(ctx, processSearchQuery.parse({}));
      assert.equal(stats.weeks.length, 12);
      assert.equal(stats.weeks.reduce((n, w) => n + w.started, 0), 3, "alice's three processes");
      assert.equal(stats.weeks.reduce((n, w) => n + w.completed, 0), 1);
      // NDA Acme was started at day 0 and signed at day 4 (the clock moved a day per process started).
      assert.equal(stats.medianHoursToComplete, 96);
      assert.deepEqual(stats.waitingAt, [{ position: 1, count: 2 }]);
      const filtered = await processStatistics(ctx, processSearchQuery.parse({ q: 'lease' }));
      assert.equal(filtered.weeks.reduce((n, w) => n + w.started, 0), 1);
      assert.equal(filtered.medianHoursToComplete, null);
    });

    test('the page filters and exports CSV with quoting and no formula injection', async () => {
      const headers = await signInHeaders(t, alice.email, alice.password);
      const html = await (await t.app.request('/processes?q=acme&sort=title', { headers })).text();
      assert.match(html, /NDA Acme/);
      assert.doesNotMatch(html, /Bob contract/);
      assert.match(html, /<strong>2<\/strong> processes/);
      assert.match(html, /<title id="weekly-title">Processes started and completed per week<\/title>/);
      assert.match(html, /Pending processes by the signer they wait for/);
      const one = await (await t.app.request(`/processes/${ids['NDA Acme']}?auditQ=x1@ACME`, { headers })).text();
      assert.match(one, /Send invitation to: x1@acme\.test/);
      assert.match(one, /Signed by x1@acme\.test/);
      assert.doesNotMatch(one, /Process with id: .* created/, 'events that do not match are left out');
      assert.match(one, /(\d+) of (\d+) events/);
      const csv = await (await t.app.request('/processes/export.csv?sort=created', { headers })).text();
      const lines = csv.trim().split('\r\n');
      assert.equal(lines[0], 'id,created,component,status,title,sender,signers,signed,completed,blocks');
      assert.equal(lines.length, 4);
      assert.ok(lines[2].includes(`"'=HYPERLINK(""http://evil"")"`), lines[2]);
      assert.ok(lines[3].includes('"Lease, ""main"" office"'));
      assert.doesNotMatch(csv, /Bob contract/);
    });
  });
}
