// Admin → Message templates through the real app on PGlite and PostgreSQL: an admin's wording changes the next
// message in that language only, a preview shows sample values escaped, unknown placeholders are refused, reset
// restores the built-in text, and nobody but an admin gets near it.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { desc } from 'drizzle-orm';
import { adminAuditEvents } from '../src/db/schema';
import { bearer, dbKinds, makePdf, processForm, signInHeaders, startTestApp, type TestApp } from './harness';
import { readOutbox } from './outbox-reader';

for (const kind of dbKinds) {
  describe(`message templates on ${kind}`, () => {
    let t: TestApp;
    let admin: Awaited<ReturnType<TestApp['user']>>;
    let headers: Record<string, string>;
    let csrf: string;
    before(async () => {
      t = await startTestApp(kind);
      admin = await t.user({ isAdmin: true });
      headers = await signInHeaders(t, admin.email, admin.password);
      const html = await (await t.app.request('/admin/templates', { headers })).text();
      csrf = html.match(/name="_csrf" value="([^"]+)"/)![1];
    });
    after(() => t.close());

    const post = (path: string, fields: Record<string, string>, h = headers, token = csrf) =>
      t.app.request(path, {
        method: 'POST',
        headers: { ...h, Origin: 'http://localhost', 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ _csrf: token, ...fields }).toString(),
      });
    const start = async (title: string, language: string, email: string, phone?: string) => {
      const res = await t.app.request('/api/v1/processes', {
        method: 'POST',
        headers: bearer(admin.token),
        body: processForm({ title, language, smsNotifications: Boolean(phone), signers: [{ email, ...(phone ? { phone } : {}) }] } as never, [{ name: 'a.pdf', bytes: await makePdf() }]),
      });
      assert.equal(res.status, 201, await res.text());
    };
    const mailTo = async (email: string) => (await readOutbox(t.ctx)).filter((m) => m.recipient === email).at(-1)!;

    test('an edited invitation is used for the next invitation in that language only; reset brings the built-in text back', async () => {
      const saved = await post('/admin/templates/email/invitation/fi', {
        action: 'save',
        subject: 'Allekirjoita: {{title}}',
        body: '{{greeting}}\n\n{{sender}} pyytää allekirjoitusta.\n\n{{message}}\n\n{{link}}\n\nTerveisin Acme',
      });
      assert.equal(saved.status, 303);
      await start('Vuokrasopimus', 'fi', 'fi@example.com');
      await start('Lease', 'en', 'en@example.com');
      const fi = await mailTo('fi@example.com');
      assert.equal(fi.subject, 'Allekirjoita: Vuokrasopimus');
      assert.match(fi.text, /pyytää allekirjoitusta\.\n\nhttp:\/\/localhost:3999\/s\/[\w-]+\n\nTerveisin Acme/);
      assert.match(fi.html, /href="http:\/\/localhost:3999\/s\/[\w-]+"/, 'the {{link}} paragraph is the button');
      assert.equal((await mailTo('en@example.com')).subject, 'Signature request: Lease', 'English is untouched');

      const [event] = await t.ctx.db.select().from(adminAuditEvents).orderBy(desc(adminAuditEvents.id)).limit(1);
      assert.equal(event.action, 'message_template_changed');
      assert.equal(event.actor, admin.email);

      const page = await (await t.app.request('/admin/templates?channel=email&kind=invitation&language=fi', { headers })).text();
      assert.match(page, /Terveisin Acme/);
      assert.equal((await post('/admin/templates/email/invitation/fi/reset', {})).status, 303);
      await start('Toinen', 'fi', 'fi2@example.com');
      assert.equal((await mailTo('fi2@example.com')).subject, 'Allekirjoituspyyntö: Toinen');
      assert.equal((await mailTo('fi@example.com')).subject, 'Allekirjoita: Vuokrasopimus', 'a queued message keeps the wording it was queued with');
    });

    test('an edited SMS invitation goes out with the next SMS', async () => {
      assert.equal((await post('/admin/templates/sms/invitation/en', { action: 'save', body: 'Sign {{title}} now: {{link}}' })).status, 303);
      await start('Quote', 'en', 'sms@example.com', '+358401234567');
      const sms = (await readOutbox(t.ctx)).filter((m) => m.recipient === '+358401234567').at(-1)!;
      assert.match(sms.text, /^Sign Quote now: http:\/\/localhost:3999\/s\/[\w-]+$/);
    });

    test('unknown or missing placeholders are refused with the reason, and nothing is stored', async () => {
      const unknown = await post('/admin/templates/email/reminder/de', { action: 'save', subject: 'Hallo {{titel}}', body: '{{link}}' });
      assert.equal(unknown.status, 400);
      const text = await unknown.text();
      assert.match(text, /Unknown placeholder \{\{titel\}\}/);
      assert.match(text, /Hallo \{\{titel\}\}/, 'what the admin typed is shown again');
      const noLink = await post('/admin/templates/sms/reminder/de', { action: 'save', body: 'Bitte unterschreiben' });
      assert.equal(noLink.status, 400);
      assert.match(await noLink.text(), /must contain \{\{link\}\}/);
      const page = await (await t.app.request('/admin/templates?channel=email&kind=reminder&language=de', { headers })).text();
      assert.match(page, /Erinnerung: \{\{title\}\}/, 'still the built-in text');
    });

    test('the preview renders sample values and escapes HTML', async () => {
      const res = await post('/admin/templates/email/rejected/en', { action: 'preview', subject: 'No: {{title}} <b>bold</b>', body: '{{who}} said <script>alert(1)</script> because {{reason}}' });
      assert.equal(res.status, 200);
      const html = await res.text();
      assert.match(html, /No: Service agreement 2026 &lt;b&gt;bold&lt;\/b&gt;/);
      assert.match(html, /Anna Signer \(anna@example.com\) said &lt;script&gt;alert\(1\)&lt;\/script&gt; because The price is wrong\./);
      assert.doesNotMatch(html, /<script>alert/);
      assert.doesNotMatch(await (await t.app.request('/admin/templates?channel=email&kind=rejected&language=en', { headers })).text(), /said/, 'a preview saves nothing');
    });

    test('the same through the admin API: read, save, preview, reset; not for other users', async () => {
      const url = '/api/v1/admin/message-templates/sms/pin/sv';
      const json = (method: string, body: unknown, token = admin.token, path = url) =>
        t.app.request(path, { method, headers: { ...bearer(token), 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      const built = await (await t.app.request(url, { headers: bearer(admin.token) })).json();
      assert.equal(built.customised, false);
      assert.match(built.body, /\{\{pin\}\}/);
      const refused = await json('PUT', { body: 'Kod: {{kod}}' });
      assert.equal(refused.status, 400);
      assert.equal((await refused.json()).error.field, 'body');
      const saved = await json('PUT', { body: 'Kod {{pin}} ({{minutes}} min)' });
      assert.equal(saved.status, 200);
      assert.equal((await saved.json()).customised, true);
      const preview = await (await json('POST', { body: 'Kod {{pin}} ({{minutes}} min)' }, admin.token, `${url}/preview`)).json();
      assert.equal(preview.text, 'Kod 1234 (10 min)');
      const user = await t.user();
      assert.equal((await t.app.request(url, { headers: bearer(user.token) })).status, 404);
      assert.equal((await json('PUT', { body: '{{pin}}' }, user.token)).status, 404);
      assert.equal((await json('DELETE', {})).status, 204);
      assert.equal((await (await t.app.request(url, { headers: bearer(admin.token) })).json()).customised, false);
    });

    test('a user who is not an admin can neither see nor change templates', async () => {
      const user = await t.user();
      const h = await signInHeaders(t, user.email, user.password);
      assert.equal((await t.app.request('/admin/templates', { headers: h })).status, 404);
      const own = (await (await t.app.request('/account', { headers: h })).text()).match(/name="_csrf" value="([^"]+)"/)![1];
      assert.equal((await post('/admin/templates/email/invitation/en', { action: 'save', subject: 'x', body: '{{link}}' }, h, own)).status, 404);
      assert.equal((await post('/admin/templates/email/invitation/en/reset', {}, h, own)).status, 404);
      assert.equal((await t.app.request('/admin/templates')).status, 303, 'without a session: to the sign-in page');
    });
  });
}
