// Settings → Sessions through the real app on PGlite and PostgreSQL, with a clock the test moves: the timeout as
// set now applies to sessions that already exist, and a session bound to nothing works from another browser.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { changeSettings, dbKinds, signInHeaders, startTestApp, type TestApp } from './harness';

for (const kind of dbKinds) {
  describe(`session policy on ${kind}`, () => {
    let t: TestApp;
    let now = new Date('2026-03-02T08:00:00Z').getTime();
    let admin: Awaited<ReturnType<TestApp['user']>>;
    before(async () => {
      t = await startTestApp(kind, {}, { clock: () => new Date(now) });
      admin = await t.user({ isAdmin: true });
    });
    after(() => t.close());
    const account = (headers: Record<string, string>) => t.app.request('/account', { headers });

    test('shortening the timeout ends an older session on its next request', async () => {
      const u = await t.user();
      const headers = await signInHeaders(t, u.email, u.password);
      now += 1000 * 1000;
      assert.equal((await account(headers)).status, 200, '1000 s old, timeout 7200 s');
      await changeSettings(t, admin.token, { session: { timeoutSeconds: 900 } });
      assert.equal((await account(headers)).status, 303, 'now past the 900 s timeout: to the sign-in page');
      await changeSettings(t, admin.token, { session: { timeoutSeconds: 7200 } });
      const fresh = await signInHeaders(t, u.email, u.password);
      now += 7201 * 1000;
      assert.equal((await account(fresh)).status, 303, 'past 7200 s');
    });

    test('bound to the user agent (default) another browser is refused; bound to nothing it is not', async () => {
      const u = await t.user();
      const headers = await signInHeaders(t, u.email, u.password);
      assert.equal((await account({ ...headers, 'User-Agent': 'Other browser' })).status, 303);
      await changeSettings(t, admin.token, { session: { binding: 'none' } });
      assert.equal((await account({ ...headers, 'User-Agent': 'Other browser' })).status, 200);
      await changeSettings(t, admin.token, { session: { binding: 'user_agent' } });
    });
  });
}
