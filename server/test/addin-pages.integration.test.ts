// The pages around the Outlook add-in through the real app: the task pane's files (framed by Outlook only,
// office.js from Microsoft's CDN), the sign-in dialog that hands the pane a token, and /start in the web UI.
// Needs the built pane (npm run build; the test command builds it first).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { bearer, signInHeaders, startTestApp, type TestApp } from './harness';

describe('add-in pages', () => {
  let t: TestApp;
  let user: Awaited<ReturnType<TestApp['user']>>;
  let session: Awaited<ReturnType<typeof signInHeaders>>;
  before(async () => {
    t = await startTestApp('pglite');
    user = await t.user({ email: 'olivia@example.test' });
    session = await signInHeaders(t, user.email, user.password);
  });
  after(() => t.close());

  const csrfOf = (html: string) => html.match(/name="_csrf" value="([^"]+)"/)![1];
  const postForm = (path: string, fields: Record<string, string>) =>
    t.app.request(path, {
      method: 'POST',
      headers: { ...session, Origin: 'http://localhost:3999', 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });

  test('the task pane loads office.js from Microsoft, may be framed by Outlook only, and is revalidated on each load', async () => {
    const res = await t.app.request('/addin/taskpane.html');
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /<script src="https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js"><\/script>/);
    assert.match(html, /<script type="module" crossorigin src="\/addin\/assets\/taskpane\.js"><\/script>/);
    const csp = res.headers.get('content-security-policy')!;
    assert.match(csp, /script-src 'self' https:\/\/appsforoffice\.microsoft\.com;/);
    assert.match(csp, /frame-ancestors 'self' https:\/\/\*\.office\.com .*https:\/\/\*\.outlook\.com/);
    assert.equal(res.headers.get('x-frame-options'), null, 'X-Frame-Options would keep Outlook from framing the pane');
    assert.equal(res.headers.get('cache-control'), 'no-cache');

    const script = await t.app.request('/addin/assets/taskpane.js');
    assert.equal(script.status, 200);
    assert.match(script.headers.get('content-type')!, /javascript/);
    const icon = await t.app.request('/addin/assets/icon-80.png');
    assert.equal(icon.headers.get('content-type'), 'image/png');
  });

  test('nothing outside the built pane is served', async () => {
    for (const path of ['/addin/../package.json', '/addin/%2e%2e/package.json', '/addin/assets/%2e%2e%2f%2e%2e%2fpackage.json', '/addin/.vite/../../package.json', '/addin/nope.js']) {
      const res = await t.app.request(path);
      assert.equal(res.status, 404, path);
    }
  });

  test('/start needs a signed-in user and loads the form with the session\'s CSRF token', async () => {
    const anonymous = await t.app.request('/start');
    assert.equal(anonymous.status, 303);
    assert.equal(anonymous.headers.get('location'), '/login?next=%2Fstart');

    const res = await t.app.request('/start', { headers: session });
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /<script type="module" src="\/addin\/assets\/start\.js"><\/script>/);
    assert.match(html, /<link rel="stylesheet" href="\/addin\/assets\/[\w-]+\.css"\/?>/);
    assert.match(html, /<meta name="csrf-token" content="[\w-]{20,}"\/?>/);
    assert.match(html, /id="start-root"/);
  });

  test('the sign-in dialog asks first, then issues an Outlook add-in token that works on the API', async () => {
    assert.equal((await t.app.request('/addin/connect')).status, 303);
    const ask = await t.app.request('/addin/connect', { headers: session });
    assert.equal(ask.status, 200);
    const askHtml = await ask.text();
    assert.match(askHtml, /start signature processes as <strong>olivia@example\.test<\/strong>/);
    assert.doesNotMatch(askHtml, /data-token/);

    const forged = await postForm('/addin/connect', { _csrf: 'not-the-token' });
    assert.equal(forged.status, 403);

    const issued = await postForm('/addin/connect', { _csrf: csrfOf(askHtml) });
    assert.equal(issued.status, 201);
    assert.equal(issued.headers.get('cache-control'), 'no-store');
    const token = (await issued.text()).match(/data-token="([^"]+)"/)![1];
    const me = await (await t.app.request('/api/v1/me', { headers: bearer(token) })).json();
    assert.equal(me.email, 'olivia@example.test');

    const tokens = await (await t.app.request('/account', { headers: session })).text();
    assert.match(tokens, /Outlook add-in/, 'the user sees the token on the Account page and can revoke it');
  });
});
