// Privileges and groups through the real app on PGlite and PostgreSQL: who may start processes, see statistics,
// and see every process (looking, not changing), through the API, the pages and the CSV alike; a group's
// privileges come on top of the user's own and go with the group.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { bearer, dbKinds, makePdf, processForm, signInHeaders, startTestApp, type TestApp } from './harness';

for (const kind of dbKinds) {
  describe(`privileges on ${kind}`, () => {
    let t: TestApp;
    let admin: Awaited<ReturnType<TestApp['user']>>;
    let pdf: Uint8Array;
    before(async () => {
      t = await startTestApp(kind);
      admin = await t.user({ isAdmin: true });
      pdf = await makePdf('Privileged', 1);
    });
    after(() => t.close());

    const json = (token: string) => ({ ...bearer(token), 'Content-Type': 'application/json' });
    const start = (token: string, title: string) =>
      t.app.request('/api/v1/processes', { method: 'POST', headers: bearer(token), body: processForm({ title, signers: [{ email: 'signer@example.test' }] }, [{ name: 'p.pdf', bytes: pdf }]) });
    const setUser = (id: string, changes: Record<string, unknown>) => t.app.request(`/api/v1/admin/users/${id}`, { method: 'PATCH', headers: json(admin.token), body: JSON.stringify(changes) });
    const list = async (token: string, query = '') => t.app.request(`/api/v1/processes?limit=500${query}`, { headers: bearer(token) });

    test('by default a user starts processes and sees statistics of their own, and nothing of others', async () => {
      const [ann, bob] = [await t.user(), await t.user()];
      assert.equal((await start(ann.token, 'Ann one')).status, 201);
      const bobs = await (await start(bob.token, 'Bob one')).json();
      const mine = await (await list(ann.token)).json();
      assert.deepEqual(mine.processes.map((p: { title: string }) => p.title), ['Ann one']);
      assert.equal((await list(ann.token, '&scope=all')).status, 403);
      assert.equal((await t.app.request(`/api/v1/processes/${bobs.id}`, { headers: bearer(ann.token) })).status, 404);
      const session = await signInHeaders(t, ann.email, ann.password);
      const page = await (await t.app.request('/processes', { headers: session })).text();
      assert.match(page, /id="charts"/);
      assert.doesNotMatch(page, /Bob one/);
      const csv = await (await t.app.request('/processes/export.csv', { headers: session })).text();
      assert.match(csv, /Ann one/);
      assert.doesNotMatch(csv, /Bob one/);
    });

    test('without privileges a user cannot start processes nor see statistics, but still follows their own', async () => {
      const carl = await t.user();
      assert.equal((await start(carl.token, 'Carl before')).status, 201);
      assert.equal((await setUser(carl.id, { privileges: [] })).status, 200);
      const refused = await start(carl.token, 'Carl after');
      assert.equal(refused.status, 403);
      assert.match((await refused.json()).error.message, /may not start signature processes/);
      assert.deepEqual((await (await list(carl.token)).json()).processes.map((p: { title: string }) => p.title), ['Carl before']);
      const session = await signInHeaders(t, carl.email, carl.password);
      assert.equal((await t.app.request('/start', { headers: session })).status, 403);
      const page = await (await t.app.request('/processes', { headers: session })).text();
      assert.match(page, /Carl before/);
      assert.doesNotMatch(page, /id="charts"|Export CSV|New process/);
      assert.equal((await t.app.request('/processes/export.csv', { headers: session })).status, 404);
    });

    test("a group's statistics-of-all privilege lets its members look at every process, not change it; it goes with the group", async () => {
      const [dana, eve] = [await t.user(), await t.user()];
      const eves = await (await start(eve.token, 'Eve secret')).json();
      const group = await t.app.request('/api/v1/admin/groups', { method: 'POST', headers: json(admin.token), body: JSON.stringify({ name: `Managers ${kind}`, privileges: ['statistics_all'] }) });
      assert.equal(group.status, 201);
      const { id: groupId } = await group.json();
      const twice = await t.app.request('/api/v1/admin/groups', { method: 'POST', headers: json(admin.token), body: JSON.stringify({ name: `Managers ${kind}` }) });
      assert.equal(twice.status, 409);
      assert.equal((await setUser(dana.id, { groupId })).status, 200);

      const all = await (await list(dana.token)).json();
      assert.ok(all.processes.some((p: { title: string }) => p.title === 'Eve secret'), 'all processes by default');
      assert.equal((await t.app.request(`/api/v1/processes/${eves.id}`, { headers: bearer(dana.token) })).status, 200);
      assert.equal((await t.app.request(`/api/v1/processes/${eves.id}/abort`, { method: 'POST', headers: bearer(dana.token) })).status, 404, 'looking, not changing');
      const session = await signInHeaders(t, dana.email, dana.password);
      assert.match(await (await t.app.request('/processes/export.csv', { headers: session })).text(), /Eve secret/);
      assert.match(await (await t.app.request('/processes', { headers: session })).text(), /<select id="scope" name="scope">/);

      const groups = await (await t.app.request('/api/v1/admin/groups', { headers: bearer(admin.token) })).json();
      assert.equal(groups.groups.find((g: { id: string }) => g.id === groupId).members, 1);
      assert.equal((await t.app.request(`/api/v1/admin/groups/${groupId}`, { method: 'DELETE', headers: bearer(admin.token) })).status, 204);
      assert.equal((await list(dana.token, '&scope=all')).status, 403, 'the privilege went with the group');
      assert.equal((await t.app.request(`/api/v1/processes/${eves.id}`, { headers: bearer(dana.token) })).status, 404);
    });

    test('groups are for admins only', async () => {
      const frank = await t.user();
      assert.equal((await t.app.request('/api/v1/admin/groups', { headers: bearer(frank.token) })).status, 404);
      const session = await signInHeaders(t, frank.email, frank.password);
      assert.equal((await t.app.request('/admin/groups', { headers: session })).status, 404);
    });
  });
}
