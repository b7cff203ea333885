// The browser pages through the real app on PGlite and PostgreSQL: sign-in, sessions, CSRF, the account page's
// tokens, the admin-only outbox, and the API used with a session cookie.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { dbKinds, makePdf, processForm, startTestApp, bearer, type TestApp } from './harness';

const UA = 'Mozilla/5.0 test';

for (const kind of dbKinds) {
  describe(`pages on ${kind}`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(kind);
    });
    after(() => t.close());

    async function signIn(login: string, password: string, ua = UA) {
      const res = await t.app.request('/login', {
        method: 'POST',
        headers: { Origin: 'http://localhost', 'Content-Type': 'application/x-www-form-urlencoded', 'User-Agent': ua },
        body: new URLSearchParams({ login, password, next: '/account' }).toString(),
      });
      const cookie = res.headers.get('set-cookie')?.match(/ss_session=([^;]+)/)?.[1];
      return { res, cookie };
    }
    const get = (path: string, cookie: string, ua = UA) => t.app.request(path, { headers: { Cookie: `ss_session=${cookie}`, 'User-Agent': ua } });
    const post = (path: string, cookie: string, fields: Record<string, string>) =>
      t.app.request(path, {
        method: 'POST',
        headers: { Cookie: `ss_session=${cookie}`, 'User-Agent': UA, Origin: 'http://localhost', 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(fields).toString(),
      });
    const csrfOf = (html: string) => html.match(/name="_csrf" value="([^"]+)"/)![1];

    test('pages need a session: visitors are sent to the login page', async () => {
      for (const p of ['/', '/account', '/processes', '/outbox']) {
        const res = await t.app.request(p);
        assert.equal(res.status, 303, p);
        assert.match(res.headers.get('location')!, /^\/login/);
      }
      const login = await t.app.request('/login');
      assert.equal(login.status, 200);
      assert.match(await login.text(), /<h1>Sign in<\/h1>/);
    });

    test('a wrong password shows the form again with a message; the right one opens a session bound to the browser', async () => {
      const u = await t.user();
      const wrong = await signIn(u.email, 'nope');
      assert.equal(wrong.res.status, 401);
      assert.match(await wrong.res.text(), /Wrong username or password/);
      assert.equal(wrong.cookie, undefined);
      const ok = await signIn(u.email, u.password);
      assert.equal(ok.res.status, 303);
      assert.equal(ok.res.headers.get('location'), '/account');
      assert.match(ok.res.headers.get('set-cookie')!, /HttpOnly/i);
      assert.equal((await get('/account', ok.cookie!)).status, 200);
      assert.equal((await get('/account', ok.cookie!, 'Another browser')).status, 303, 'a stolen cookie in another browser is refused');
    });

    test('the login form refuses a post from another site, and ?next= cannot leave this site', async () => {
      const u = await t.user();
      const res = await t.app.request('/login', {
        method: 'POST',
        headers: { Origin: 'https://evil.example', 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ login: u.email, password: u.password }).toString(),
      });
      assert.equal(res.status, 403);
      const r2 = await t.app.request('/login', {
        method: 'POST',
        headers: { Origin: 'http://localhost', 'Content-Type': 'application/x-www-form-urlencoded', 'User-Agent': UA },
        body: new URLSearchParams({ login: u.email, password: u.password, next: '//evil.example/x' }).toString(),
      });
      assert.equal(r2.headers.get('location'), '/processes');
    });

    test('the account page creates a token shown once and revokes it; forms without the CSRF token are refused', async () => {
      const u = await t.user();
      const { cookie } = await signIn(u.email, u.password);
      const page = await (await get('/account', cookie!)).text();
      const csrf = csrfOf(page);
      assert.equal((await post('/account/tokens', cookie!, { label: 'no csrf' })).status, 403);
      const created = await post('/account/tokens', cookie!, { label: 'HR <system>', _csrf: csrf });
      assert.equal(created.status, 201);
      const html = await created.text();
      const token = html.match(/id="new-token">(sst_[A-Za-z0-9_-]+)</)![1];
      assert.ok(html.includes('HR &lt;system&gt;'));
      assert.equal((await t.app.request('/api/v1/processes', { headers: bearer(token) })).status, 200);
      assert.ok(!(await (await get('/account', cookie!)).text()).includes(token), 'the token is not shown again');
      const id = html.match(/\/account\/tokens\/([0-9a-f-]{36})\/revoke/g)!.map((m) => m.split('/')[3]);
      for (const tokenId of id) assert.equal((await post(`/account/tokens/${tokenId}/revoke`, cookie!, { _csrf: csrf })).status, 303);
      assert.equal((await t.app.request('/api/v1/processes', { headers: bearer(token) })).status, 401);
    });

    test('the outbox is for admins only and shows each email with its link', async () => {
      const admin = await t.user({ isAdmin: true });
      const plain = await t.user();
      const pdf = await makePdf();
      await t.app.request('/api/v1/processes', { method: 'POST', headers: bearer(plain.token), body: processForm({ title: 'Outbox check', signers: [{ email: 'ob@example.test' }] }, [{ name: 'a.pdf', bytes: pdf }]) });
      const plainSession = (await signIn(plain.email, plain.password)).cookie!;
      assert.equal((await get('/outbox', plainSession)).status, 404);
      const adminSession = (await signIn(admin.email, admin.password)).cookie!;
      const list = await (await get('/outbox', adminSession)).text();
      assert.match(list, /Signature request: Outbox check/);
      const id = list.match(/href="\/outbox\/([0-9a-f-]{36})"/)![1];
      const one = await (await get(`/outbox/${id}`, adminSession)).text();
      assert.match(one, /<a href="http:\/\/localhost:3999\/s\/[A-Za-z0-9_-]{43}">/);
    });

    test('the API accepts the session cookie from our pages, with the CSRF token for changes', async () => {
      const u = await t.user();
      const { cookie } = await signIn(u.email, u.password);
      const csrf = csrfOf(await (await get('/account', cookie!)).text());
      const headers = { Cookie: `ss_session=${cookie}`, 'User-Agent': UA };
      assert.equal((await t.app.request('/api/v1/processes', { headers })).status, 200);
      const form = () => processForm({ signers: [{ email: 'sess@example.test' }] }, [{ name: 'a.pdf', bytes: pdfBytes }]);
      const pdfBytes = await makePdf();
      assert.equal((await t.app.request('/api/v1/processes', { method: 'POST', headers, body: form() })).status, 403);
      assert.equal((await t.app.request('/api/v1/processes', { method: 'POST', headers: { ...headers, 'X-CSRF-Token': csrf }, body: form() })).status, 201);
    });

    test('a user changes their password on the account page, giving the current one', async () => {
      const u = await t.user();
      const { cookie } = await signIn(u.email, u.password);
      const csrf = csrfOf(await (await get('/account', cookie!)).text());
      const wrong = await post('/account/password', cookie!, { _csrf: csrf, current: 'not it', next: 'a new password' });
      assert.equal(wrong.status, 400);
      assert.match(await wrong.text(), /The current password is wrong/);
      const short = await post('/account/password', cookie!, { _csrf: csrf, current: u.password, next: 'short' });
      assert.match(await short.text(), /at least 8 characters/);
      assert.equal((await post('/account/password', cookie!, { _csrf: csrf, current: u.password, next: 'a new password' })).status, 303);
      assert.equal((await signIn(u.email, u.password)).res.status, 401);
      assert.equal((await signIn(u.email, 'a new password')).res.status, 303);
    });

    test('signing out ends the session everywhere', async () => {
      const u = await t.user();
      const { cookie } = await signIn(u.email, u.password);
      const csrf = csrfOf(await (await get('/account', cookie!)).text());
      assert.equal((await post('/logout', cookie!, { _csrf: csrf })).status, 303);
      assert.equal((await get('/account', cookie!)).status, 303);
    });

    test('healthz answers when the database is up; unknown pages are 404 pages, unknown API paths JSON', async () => {
      assert.deepEqual(await (await t.app.request('/healthz')).json(), { status: 'ok' });
      const page = await t.app.request('/nothing-here');
      assert.equal(page.status, 404);
      assert.match(page.headers.get('content-type')!, /text\/html/);
      const api = await t.app.request('/api/v1/nothing', { headers: bearer((await t.user()).token) });
      assert.equal(api.status, 404);
      assert.equal((await api.json()).error.code, 'not_found');
    });
  });
}
