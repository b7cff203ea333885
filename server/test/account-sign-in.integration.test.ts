// How accounts sign in, as an admin sets it in the user editor, through the real app on PGlite and PostgreSQL:
// password; a one-time code by SMS (wrong codes lock the account until an admin unlocks it); the username alone from
// allowed addresses only (a forged X-Forwarded-For from an untrusted peer does not help).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { desc } from 'drizzle-orm';
import { adminAuditEvents } from '../src/db/schema';
import { bearer, changeSettings, dbKinds, startTestApp, type TestApp } from './harness';
import { readOutbox } from './outbox-reader';

const signIn = (t: TestApp, fields: Record<string, string>, ip?: string) =>
  t.app.request('/login', {
    method: 'POST',
    headers: { Origin: 'http://localhost', 'Content-Type': 'application/x-www-form-urlencoded', 'User-Agent': 'UA', ...(ip ? { 'X-Forwarded-For': ip } : {}) },
    body: new URLSearchParams({ password: '', ...fields }).toString(),
  });
const signedIn = (res: Response) => res.status === 303 && /ss_session=/.test(res.headers.get('set-cookie') ?? '');

for (const kind of dbKinds) {
  describe(`account sign-in on ${kind}`, () => {
    let t: TestApp;
    let admin: Awaited<ReturnType<TestApp['user']>>;
    before(async () => {
      t = await startTestApp(kind, { TRUST_PROXY: 'true' });
      admin = await t.user({ isAdmin: true });
    });
    after(() => t.close());

    const patch = (id: string, body: unknown, token = admin.token) =>
      t.app.request(`/api/v1/admin/users/${id}`, { method: 'PATCH', headers: { ...bearer(token), 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    const lastCode = async (phone: string) => (await readOutbox(t.ctx)).filter((m) => m.recipient === phone && m.template === 'loginPin').at(-1)?.text.match(/: (\d{6})\./)?.[1];

    test('the username alone works only from the allowed addresses; elsewhere the password is needed', async () => {
      const u = await t.user();
      const refused = await patch(u.id, { authMethod: 'username_only' });
      assert.equal(refused.status, 400);
      assert.match((await refused.json()).error.message, /needs an IP restriction/);
      assert.equal((await patch(u.id, { allowedIps: ['intranet'] })).status, 400);
      const ok = await patch(u.id, { username: 'kiosk', authMethod: 'username_only', allowedIps: ['192.0.2.0/24', '2001:db8::/32'] });
      assert.equal(ok.status, 200);
      assert.deepEqual((await ok.json()).allowedIps, ['192.0.2.0/24', '2001:db8::/32']);

      assert.ok(signedIn(await signIn(t, { login: 'kiosk' }, '192.0.2.44')), 'from the office: no password');
      assert.ok(signedIn(await signIn(t, { login: 'KIOSK' }, '2001:db8:5::1')));
      const away = await signIn(t, { login: 'kiosk' }, '203.0.113.5');
      assert.equal(away.status, 401);
      assert.match(await away.text(), /Enter your password/);
      assert.ok(signedIn(await signIn(t, { login: 'kiosk', password: u.password }, '203.0.113.5')), 'elsewhere with the password');

      await patch(u.id, { authMethod: 'password' });
      assert.equal((await signIn(t, { login: 'kiosk' }, '192.0.2.44')).status, 401, 'the change applies to the next sign-in');
    });

    test('a code by SMS signs in; wrong codes lock the account at the admin\'s limit; an admin unlocks', async () => {
      await changeSettings(t, admin.token, { authentication: { pinTries: 2 } });
      const u = await t.user();
      assert.match((await (await patch(u.id, { authMethod: 'sms_pin' })).json()).error.message, /needs the phone number/);
      assert.equal((await patch(u.id, { authMethod: 'sms_pin', phone: '+358 40 555 0101' })).status, 200);

      const first = await signIn(t, { login: u.email, password: 'anything' });
      assert.equal(first.status, 200);
      assert.match(await first.text(), /We sent a code by SMS to your phone \(…0101\)/);
      const code = (await lastCode('+358405550101'))!;
      assert.match(code, /^\d{6}$/);
      assert.ok(signedIn(await signIn(t, { login: u.email, pin: code })));
      assert.equal((await signIn(t, { login: u.email, pin: code })).status, 401, 'a code works once');

      await signIn(t, { login: u.email });
      const right = (await lastCode('+358405550101'))!;
      const wrong = right === '000000' ? '111111' : '000000';
      const once = await signIn(t, { login: u.email, pin: wrong });
      assert.equal(once.status, 401);
      assert.match(await once.text(), /Wrong code. Tries left: 1/);
      assert.equal((await signIn(t, { login: u.email, pin: wrong })).status, 401);
      const locked = await signIn(t, { login: u.email, pin: right });
      assert.match(await locked.text(), /locked/, 'locked: even the right code is refused');
      assert.ok(!signedIn(locked));
      assert.equal((await signIn(t, { login: u.email, password: u.password })).status, 401);
      const [event] = await t.ctx.db.select().from(adminAuditEvents).orderBy(desc(adminAuditEvents.id)).limit(1);
      assert.equal(event.action, 'account_locked');

      const view = await (await t.app.request('/api/v1/admin/users', { headers: bearer(admin.token) })).json();
      assert.equal(view.users.find((x: { id: string }) => x.id === u.id).locked, true, 'the user editor shows the lock');
      assert.equal((await patch(u.id, { locked: false })).status, 200);
      await signIn(t, { login: u.email });
      assert.ok(signedIn(await signIn(t, { login: u.email, pin: (await lastCode('+358405550101'))! })), 'unlocked');
    });

    test('a locked password account cannot sign in even with the right password', async () => {
      const u = await t.user();
      await patch(u.id, { locked: true });
      const res = await signIn(t, { login: u.email, password: u.password });
      assert.ok(!signedIn(res));
      assert.match(await res.text(), /locked/);
    });

    test('only admins change how accounts sign in', async () => {
      const u = await t.user();
      const other = await t.user();
      assert.equal((await patch(other.id, { authMethod: 'username_only', allowedIps: ['0.0.0.0/0'] }, u.token)).status, 404);
      const view = await (await t.app.request('/api/v1/admin/users', { headers: bearer(admin.token) })).json();
      assert.equal(view.users.find((x: { id: string }) => x.id === other.id).authMethod, 'password', 'nothing changed');
    });
  });
}

describe('username-only sign-in without a trusted proxy', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp('pglite');
  });
  after(() => t.close());

  test('a forged X-Forwarded-For naming an allowed address does not help', async () => {
    const admin = await t.user({ isAdmin: true });
    const u = await t.user();
    const res = await t.app.request(`/api/v1/admin/users/${u.id}`, {
      method: 'PATCH',
      headers: { ...bearer(admin.token), 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'desk', authMethod: 'username_only', allowedIps: ['192.0.2.0/24'] }),
    });
    assert.equal(res.status, 200);
    const forged = await signIn(t, { login: 'desk' }, '192.0.2.10');
    assert.equal(forged.status, 401);
    assert.ok(!signedIn(forged));
  });
});
