// The admin center's users on PGlite and PostgreSQL: admins add, change, lock and unlock accounts through the API
// and the pages; a locked account loses sign-in, sessions and tokens at once; non-admins get nothing.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { desc } from 'drizzle-orm';
import { adminAuditEvents } from '../src/db/schema';
import { bearer, dbKinds, signInHeaders, startTestApp, type TestApp } from './harness';

for (const kind of dbKinds) {
  describe(`admin users on ${kind}`, () => {
    let t: TestApp;
    let admin: Awaited<ReturnType<TestApp['user']>>;
    before(async () => {
      t = await startTestApp(kind);
      admin = await t.user({ isAdmin: true });
    });
    after(() => t.close());

    const api = (method: string, path: string, body?: unknown, token = admin.token) =>
      t.app.request(`/api/v1/admin${path}`, { method, headers: { ...bearer(token), 'Content-Type': 'application/json' }, body: body ? JSON.stringify(body) : undefined });
    const basic = (login: string, password: string) =>
      t.app.request('/api/v1/tokens', { method: 'POST', headers: { Authorization: 'Basic ' + Buffer.from(`${login}:${password}`).toString('base64') } });

    test('an admin adds a user who can then sign in; a short password or a taken email is refused', async () => {
      const res = await api('POST', '/users', { email: 'New.Person@example.test', name: 'New Person', password: 'long enough pw' });
      assert.equal(res.status, 201);
      const user = await res.json();
      assert.equal(user.email, 'new.person@example.test');
      assert.equal(user.isAdmin, false);
      assert.equal((await basic('new.person@example.test', 'long enough pw')).status, 201);
      const short = await api('POST', '/users', { email: 'short@example.test', password: 'short' });
      assert.equal(short.status, 400);
      assert.match((await short.json()).error.message, /at least 8 characters/);
      assert.equal((await api('POST', '/users', { email: 'new.person@example.test', password: 'long enough pw' })).status, 409);
      const [event] = await t.ctx.db.select().from(adminAuditEvents).orderBy(desc(adminAuditEvents.id)).limit(1);
      assert.equal(event.action, 'user_created');
    });

    test("an admin changes a user's email and name; the new email signs in, a taken or invalid one is refused", async () => {
      const u = await t.user({ email: 'old.address@example.test' });
      const res = await api('PATCH', `/users/${u.id}`, { email: 'New.Address@example.test', name: 'Nora Newname' });
      assert.equal(res.status, 200, await res.clone().text());
      const view = await res.json();
      assert.deepEqual([view.email, view.name], ['new.address@example.test', 'Nora Newname']);
      assert.equal((await basic('new.address@example.test', u.password)).status, 201);
      assert.equal((await basic('old.address@example.test', u.password)).status, 401);
      assert.equal((await api('PATCH', `/users/${u.id}`, { email: admin.email })).status, 409);
      assert.equal((await api('PATCH', `/users/${u.id}`, { email: 'not an address' })).status, 400);
      const [event] = await t.ctx.db.select().from(adminAuditEvents).orderBy(desc(adminAuditEvents.id)).limit(1);
      assert.equal(event.action, 'user_changed');
    });

    test('locking ends sign-in, sessions and tokens at once; unlocking restores them and clears a lockout', async () => {
      const u = await t.user();
      const list = await (await api('GET', '/users')).json();
      const id = list.users.find((x: any) => x.email === u.email).id;
      assert.equal((await t.app.request('/api/v1/processes', { headers: bearer(u.token) })).status, 200);
      const locked = await api('PATCH', `/users/${id}`, { locked: true });
      assert.equal((await locked.json()).locked, true);
      assert.equal((await t.app.request('/api/v1/processes', { headers: bearer(u.token) })).status, 401, 'the token stops working');
      const refused = await basic(u.email, u.password);
      assert.equal(refused.status, 403);
      assert.match((await refused.json()).error.message, /locked/);
      await api('PATCH', `/users/${id}`, { locked: false, password: 'a brand new password' });
      assert.equal((await t.app.request('/api/v1/processes', { headers: bearer(u.token) })).status, 200);
      assert.equal((await basic(u.email, 'a brand new password')).status, 201);
    });

    test('an admin cannot lock themself out; a non-admin gets nothing', async () => {
      const list = await (await api('GET', '/users')).json();
      const self = list.users.find((x: any) => x.email === admin.email).id;
      assert.equal((await api('PATCH', `/users/${self}`, { locked: true })).status, 409);
      assert.equal((await api('PATCH', `/users/${self}`, { isAdmin: false })).status, 409);
      const plain = await t.user();
      assert.equal((await api('GET', '/users', undefined, plain.token)).status, 404);
      assert.equal((await api('POST', '/users', { email: 'x@example.test', password: 'long enough pw' }, plain.token)).status, 404);
    });

    test('the users page lists accounts and adds one through its form', async () => {
      const headers = await signInHeaders(t, admin.email, admin.password);
      const html = await (await t.app.request('/admin/users', { headers })).text();
      assert.ok(html.includes(admin.email));
      const csrf = html.match(/name="_csrf" value="([^"]+)"/)![1];
      const added = await t.app.request('/admin/users', {
        method: 'POST',
        headers: { ...headers, Origin: 'http://localhost', 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ _csrf: csrf, email: 'form.user@example.test', name: 'Form <User>', password: 'long enough pw', isAdmin: 'on' }).toString(),
      });
      assert.equal(added.status, 303);
      const after = await (await t.app.request('/admin/users', { headers })).text();
      assert.ok(after.includes('Form &lt;User&gt;'));
      assert.equal((await basic('form.user@example.test', 'long enough pw')).status, 201);
    });
  });
}
