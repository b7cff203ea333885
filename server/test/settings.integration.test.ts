// The settings model through the real app on PGlite and PostgreSQL: defaults, admin-only access, validation,
// the admin audit log, and changes taking effect on the next request.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { desc } from 'drizzle-orm';
import { adminAuditEvents } from '../src/db/schema';
import { bearer, dbKinds, startTestApp, type TestApp } from './harness';

for (const kind of dbKinds) {
  describe(`settings on ${kind}`, () => {
    let t: TestApp;
    let admin: Awaited<ReturnType<TestApp['user']>>;
    before(async () => {
      t = await startTestApp(kind, { TRUST_PROXY: 'true' });
      admin = await t.user({ isAdmin: true });
    });
    after(() => t.close());

    const getSettings = async () => (await t.app.request('/api/v1/admin/settings', { headers: bearer(admin.token) })).json();
    const put = (body: unknown, token = admin.token) =>
      t.app.request('/api/v1/admin/settings', { method: 'PUT', headers: { ...bearer(token), 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    const signIn = (login: string, password: string, ip = '198.51.100.1') =>
      t.app.request('/login', {
        method: 'POST',
        headers: { Origin: 'http://localhost', 'Content-Type': 'application/x-www-form-urlencoded', 'User-Agent': 'UA', 'X-Forwarded-For': ip },
        body: new URLSearchParams({ login, password }).toString(),
      });

    test('every setting has its default until an admin changes it', async () => {
      const s = await getSettings();
      assert.equal(s.session.binding, 'user_agent');
      assert.equal(s.session.timeoutSeconds, 7200);
      assert.equal(s.authentication.passwordTries, 5);
      assert.deepEqual(s.sealing.tsaUrls, []);
    });

    test('only admins see or change settings, in the API and the admin center', async () => {
      const plain = await t.user();
      assert.equal((await t.app.request('/api/v1/admin/settings', { headers: bearer(plain.token) })).status, 404);
      assert.equal((await put({}, plain.token)).status, 404);
      const cookie = (await signIn(plain.email, plain.password)).headers.get('set-cookie')!.match(/ss_session=([^;]+)/)![1];
      const page = await t.app.request('/admin/settings', { headers: { Cookie: `ss_session=${cookie}`, 'User-Agent': 'UA', 'X-Forwarded-For': '198.51.100.1' } });
      assert.equal(page.status, 404);
    });

    test('a wrong value is refused naming the setting; a change is logged with its old and new value', async () => {
      const bad = await put({ ...(await getSettings()), authentication: { passwordTries: 0 } });
      assert.equal(bad.status, 400);
      assert.equal((await bad.json()).error.field, 'authentication.passwordTries');
      const badUrl = await put({ sealing: { tsaUrls: ['ftp://nope'] } });
      assert.equal(badUrl.status, 400);
      const ok = await put({ ...(await getSettings()), authentication: { passwordTries: 2, lockMinutes: 15, passwordMinLength: 8 } });
      assert.equal(ok.status, 200);
      const [last] = await t.ctx.db.select().from(adminAuditEvents).orderBy(desc(adminAuditEvents.id)).limit(1);
      assert.equal(last.actor, admin.email);
      assert.deepEqual(last.details, { setting: 'authentication.passwordTries', from: 5, to: 2 });
    });

    test('changes take effect on the next request: password tries, session timeout, session bound to the address', async () => {
      await put({ ...(await getSettings()), authentication: { passwordTries: 2, lockMinutes: 15, passwordMinLength: 8 } });
      const u = await t.user();
      assert.equal((await signIn(u.email, 'wrong')).status, 401);
      assert.equal((await signIn(u.email, 'wrong')).status, 401);
      assert.equal((await signIn(u.email, u.password)).status, 429, 'locked after two wrong passwords');

      await put({ ...(await getSettings()), session: { binding: 'user_agent_and_ip', timeoutSeconds: 600 } });
      const v = await t.user();
      const res = await signIn(v.email, v.password, '198.51.100.7');
      const cookieHeader = res.headers.get('set-cookie')!;
      const expires = new Date(cookieHeader.match(/Expires=([^;]+)/i)![1]).getTime();
      assert.ok(Math.abs(expires - Date.now() - 600_000) < 5_000, 'the session lasts the configured 600 s');
      const cookie = cookieHeader.match(/ss_session=([^;]+)/)![1];
      const from = (ip: string) => t.app.request('/account', { headers: { Cookie: `ss_session=${cookie}`, 'User-Agent': 'UA', 'X-Forwarded-For': ip } });
      assert.equal((await from('198.51.100.7')).status, 200);
      assert.equal((await from('203.0.113.9')).status, 303, 'the same cookie from another address is refused');
    });

    test('the admin settings page shows every section and saves a change', async () => {
      const cookie = (await signIn(admin.email, admin.password, '198.51.100.7')).headers.get('set-cookie')!.match(/ss_session=([^;]+)/)![1];
      const headers = { Cookie: `ss_session=${cookie}`, 'User-Agent': 'UA', 'X-Forwarded-For': '198.51.100.7' };
      const html = await (await t.app.request('/admin/settings', { headers })).text();
      for (const title of ['Sessions', 'Authentication', 'Sealing and timestamps', 'Reminders and expiry', 'Timestamp authorities (RFC 3161)']) assert.ok(html.includes(title), title);
      const csrf = html.match(/name="_csrf" value="([^"]+)"/)![1];
      const form = new URLSearchParams({
        _csrf: csrf,
        'session.binding': 'user_agent_and_ip',
        'session.timeoutSeconds': '600',
        'authentication.passwordTries': '7',
        'authentication.lockMinutes': '15',
        'authentication.passwordMinLength': '10',
        'sealing.tsaUrls': 'http://tsa.example/one\r\nhttp://tsa.example/two\r\n',
        'reminders.firstAfterDays': '2',
        'reminders.repeatEveryDays': '3',
        'reminders.maxReminders': '3',
      });
      const saved = await t.app.request('/admin/settings', { method: 'POST', headers: { ...headers, Origin: 'http://localhost', 'Content-Type': 'application/x-www-form-urlencoded' }, body: form.toString() });
      assert.equal(saved.status, 303);
      const s = await getSettings();
      assert.equal(s.authentication.passwordTries, 7);
      assert.deepEqual(s.sealing.tsaUrls, ['http://tsa.example/one', 'http://tsa.example/two']);
      form.set('authentication.passwordMinLength', '3');
      const refused = await t.app.request('/admin/settings', { method: 'POST', headers: { ...headers, Origin: 'http://localhost', 'Content-Type': 'application/x-www-form-urlencoded' }, body: form.toString() });
      assert.equal(refused.status, 400);
      assert.match(await refused.text(), /authentication\.passwordMinLength/);
    });
  });
}
