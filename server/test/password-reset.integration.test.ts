// Password policy and password reset by email through the real app on PGlite and PostgreSQL: the policy names
// what a password lacks wherever one is set; a reset link is ordered without revealing accounts, works once within
// the hour, ends old sessions and clears a lockout; the admin can turn resets off.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { adminAuditEvents, users } from '../src/db/schema';
import { changeSettings, dbKinds, signInHeaders, startTestApp, type TestApp } from './harness';
import { readOutbox } from './outbox-reader';

for (const kind of dbKinds) {
  describe(`password policy and reset on ${kind}`, () => {
    let t: TestApp;
    let admin: Awaited<ReturnType<TestApp['user']>>;
    let now = new Date('2026-11-23T08:00:00Z');
    before(async () => {
      // Each suite from its own address: the rate limit on ordering links is per client address, in memory.
      t = await startTestApp(kind, { TRUST_PROXY: 'true' }, { clock: () => now });
      admin = await t.user({ isAdmin: true });
    });
    after(() => t.close());

    const address = kind === 'pglite' ? '198.51.100.11' : '198.51.100.12';
    const post = (path: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
      t.app.request(path, { method: 'POST', headers: { Origin: 'http://localhost:3999', 'Content-Type': 'application/x-www-form-urlencoded', 'X-Forwarded-For': address, ...headers }, body: new URLSearchParams(fields).toString() });
    const resetLinks = async (email: string) =>
      (await readOutbox(t.ctx)).filter((m) => m.template === 'passwordReset' && m.recipient === email).map((m) => m.text.match(/http:\/\/localhost:3999(\/password-reset\/\S+)/)![1]);

    test('the policy names everything a password lacks, for the admin and the user alike', async () => {
      await changeSettings(t, admin.token, { authentication: { requireUppercase: true, requireDigit: true, requireSpecial: true } });
      const u = await t.user();
      const byAdmin = await t.app.request(`/api/v1/admin/users/${u.id}`, {
        method: 'PATCH',
        headers: { Authorization: `Bearer ${admin.token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ password: 'lowercaseonly' }),
      });
      assert.equal(byAdmin.status, 400);
      assert.equal((await byAdmin.json()).error.message, 'The password needs an upper-case letter, a digit, a special character');
      const session = await signInHeaders(t, u.email, u.password);
      const page = await (await t.app.request('/account', { headers: session })).text();
      const csrf = page.match(/name="_csrf" value="([^"]+)"/)![1];
      const weak = await post('/account/password', { _csrf: csrf, current: u.password, next: 'Short1!' }, session);
      assert.match(await weak.text(), /The password needs at least 8 characters/);
      assert.equal((await post('/account/password', { _csrf: csrf, current: u.password, next: 'Välkommen-2027' }, session)).status, 303);
      await changeSettings(t, admin.token, { authentication: { requireUppercase: false, requireDigit: false, requireSpecial: false } });
    });

    test('a reset link: same answer for unknown accounts, works once, ends sessions, clears a lockout', async () => {
      const u = await t.user();
      const oldSession = await signInHeaders(t, u.email, u.password);
      for (let i = 0; i < 5; i++) await post('/login', { login: u.email, password: 'wrong' }); // locked out for a while
      const [row] = await t.ctx.db.select().from(users).where(eq(users.id, u.id));
      assert.ok(row.lockedUntil && row.lockedUntil > now);

      const login = await (await t.app.request('/login')).text();
      assert.match(login, /href="\/password-reset">Forgot your password\?/);
      const known = await (await post('/password-reset', { login: u.email.toUpperCase() })).text();
      const unknown = await (await post('/password-reset', { login: 'nobody@example.test' })).text();
      assert.equal(known.replace(/name="_csrf" value="[^"]*"/, ''), unknown.replace(/name="_csrf" value="[^"]*"/, ''), 'the answer does not reveal accounts');
      const [link] = await resetLinks(u.email);
      assert.ok(link, 'the link went out by email');
      assert.equal((await resetLinks('nobody@example.test')).length, 0);

      assert.equal((await t.app.request(link)).status, 200);
      const differ = await post(link, { password: 'new password 1', again: 'new password 2' });
      assert.equal(differ.status, 400);
      assert.match(await differ.text(), /The two passwords differ/);
      const done = await post(link, { password: 'brand new password', again: 'brand new password' });
      assert.equal(done.status, 303);
      assert.equal(done.headers.get('location'), '/login?reset=1');
      assert.equal((await t.app.request('/account', { headers: oldSession })).status, 303, 'old sessions ended');
      assert.ok(await signInHeaders(t, u.email, 'brand new password'), 'the lockout is cleared and the new password works');
      assert.equal((await t.app.request(link)).status, 404, 'a link works once');
      assert.equal((await post(link, { password: 'another one here', again: 'another one here' })).status, 404);
      const events = await t.ctx.db.select().from(adminAuditEvents).where(eq(adminAuditEvents.action, 'password_reset'));
      assert.ok(events.some((e) => e.actor === u.email));
    });

    test('links expire after an hour, at most three per hour, a forged link is refused, and the admin can turn resets off', async () => {
      const u = await t.user();
      for (let i = 0; i < 4; i++) await post('/password-reset', { login: u.email });
      const links = await resetLinks(u.email);
      assert.equal(links.length, 3, 'at most three per hour');
      assert.equal((await t.app.request(`${links[0].slice(0, -4)}AAAA`)).status, 404, 'forged');
      now = new Date(now.getTime() + 61 * 60_000);
      assert.equal((await t.app.request(links[1])).status, 404, 'expired');

      await changeSettings(t, admin.token, { authentication: { allowPasswordReset: false } });
      assert.doesNotMatch(await (await t.app.request('/login')).text(), /Forgot your password/);
      assert.equal((await post('/password-reset', { login: u.email })).status, 404);
      await changeSettings(t, admin.token, { authentication: { allowPasswordReset: true } });
    });
  });
}
