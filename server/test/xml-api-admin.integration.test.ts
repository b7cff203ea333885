// Admin → XML API through the real app on PGlite and PostgreSQL: refused to non-admins, the switch and address
// lists saved into the one settings model (and the admin log), a key shown once and stored as a hash, revocation.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { adminAuditEvents, xmlApiKeys } from '../src/db/schema';
import { hashToken } from '../src/domain/secrets';
import { getSettings } from '../src/domain/settings/get-settings';
import { dbKinds, signInHeaders, startTestApp, type TestApp } from './harness';

const STATUS = '<StatusRequest xmlns="urn:secure-signature:xml-api:1"><ProcessId>3f2504e0-4f89-11d3-9a0c-0305e82c3301</ProcessId></StatusRequest>';

for (const kind of dbKinds) {
  describe(`Admin → XML API on ${kind}`, () => {
    let t: TestApp;
    let admin: Awaited<ReturnType<TestApp['user']>>;
    let headers: Record<string, string>;
    let csrf: string;
    before(async () => {
      t = await startTestApp(kind);
      admin = await t.user({ isAdmin: true });
      headers = await signInHeaders(t, admin.email, admin.password);
      csrf = (await (await t.app.request('/admin/xml-api', { headers })).text()).match(/name="_csrf" value="([^"]+)"/)![1];
    });
    after(() => t.close());

    const form = (path: string, fields: Record<string, string>, h: Record<string, string> = headers) =>
      t.app.request(path, { method: 'POST', headers: { ...h, Origin: 'http://localhost', 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });
    const xml = (key: string) => t.app.request('/api/xml', { method: 'POST', headers: { Authorization: `Bearer ${key}` }, body: STATUS });

    test('non-admins get nothing, and change nothing', async () => {
      const plain = await t.user();
      const h = await signInHeaders(t, plain.email, plain.password);
      assert.equal((await t.app.request('/admin/xml-api', { headers: h })).status, 404);
      const page = await (await t.app.request('/account', { headers: h })).text();
      const token = page.match(/name="_csrf" value="([^"]+)"/)?.[1] ?? '';
      assert.equal((await form('/admin/xml-api/keys', { _csrf: token, name: 'Sneaky' }, h)).status, 404);
      assert.equal((await form('/admin/xml-api/settings', { _csrf: token, enabled: 'on' }, h)).status, 404);
      assert.equal((await t.ctx.db.select().from(xmlApiKeys)).length, 0);
      assert.equal((await getSettings(t.ctx)).xmlApi.enabled, false);
      assert.equal((await t.app.request('/admin/xml-api')).status, 303);
    });

    test('the settings are saved into the settings model and logged; bad addresses are refused', async () => {
      const html = await (await t.app.request('/admin/xml-api', { headers })).text();
      assert.doesNotMatch(html, /name="enabled" checked/);
      assert.equal((await form('/admin/xml-api/settings', { enabled: 'on', allowedIps: '192.0.2.0/24\n2001:db8::/32', trustedProxies: '10.0.0.5' })).status, 403, 'CSRF');
      const saved = await form('/admin/xml-api/settings', { _csrf: csrf, enabled: 'on', allowedIps: '192.0.2.0/24\r\n2001:db8::/32\n', trustedProxies: '10.0.0.5' });
      assert.equal(saved.status, 303);
      assert.deepEqual((await getSettings(t.ctx)).xmlApi, { enabled: true, allowedIps: ['192.0.2.0/24', '2001:db8::/32'], trustedProxies: ['10.0.0.5'] });
      const log = (await t.ctx.db.select().from(adminAuditEvents)).map((e) => e.details.setting);
      assert.ok(log.includes('xmlApi.enabled') && log.includes('xmlApi.allowedIps'));

      const bad = await form('/admin/xml-api/settings', { _csrf: csrf, enabled: 'on', allowedIps: 'everyone' });
      assert.equal(bad.status, 400);
      assert.match(await bad.text(), /xmlApi\.allowedIps\.0: must be an IP address or a CIDR range/);
      assert.deepEqual((await getSettings(t.ctx)).xmlApi.allowedIps, ['192.0.2.0/24', '2001:db8::/32']);
      await form('/admin/xml-api/settings', { _csrf: csrf, enabled: 'on', allowedIps: '', trustedProxies: '' });
    });

    test('a key is shown once, stored as its hash, listed, and stops working when revoked', async () => {
      assert.equal((await form('/admin/xml-api/keys', { name: 'No CSRF' })).status, 403);
      const created = await form('/admin/xml-api/keys', { _csrf: csrf, name: 'ERP <prod>', allowedIps: '' });
      assert.equal(created.status, 201);
      assert.equal(created.headers.get('cache-control'), 'no-store');
      const html = await created.text();
      const key = html.match(/ssx_[A-Za-z0-9_-]{43}/)![0];
      assert.ok(html.includes('ERP &lt;prod&gt;'));
      const [row] = await t.ctx.db.select().from(xmlApiKeys);
      assert.equal(row.keyHash, hashToken(key));
      assert.equal((await xml(key)).status, 404); // works: the process is unknown

      const later = await (await t.app.request('/admin/xml-api', { headers })).text();
      assert.ok(!later.includes(key), 'the key is never shown again');
      assert.match(later, /ERP &lt;prod&gt;/);

      assert.equal((await form(`/admin/xml-api/keys/${row.id}/revoke`, { _csrf: csrf })).status, 303);
      assert.match(await (await t.app.request('/admin/xml-api', { headers })).text(), /revoked \d{4}-/);
      assert.equal((await xml(key)).status, 401);
      assert.equal((await form(`/admin/xml-api/keys/${row.id}/revoke`, { _csrf: csrf })).status, 404);
      const events = (await t.ctx.db.select().from(adminAuditEvents)).map((e) => e.action);
      assert.ok(events.includes('xml_api_key_created') && events.includes('xml_api_key_revoked'));
      const noName = await form('/admin/xml-api/keys', { _csrf: csrf, name: '  ' });
      assert.equal(noName.status, 400);
      assert.match(await noName.text(), /Give the key a name/);
    });
  });
}
