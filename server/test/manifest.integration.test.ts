// GET /manifest.xml and /manifest.json through the real app: the server's own PUBLIC_URL in every URL, valid
// against the XSD (xmllint) and office-addin-manifest; an http PUBLIC_URL gets no manifest. PGlite only: the
// routes read nothing but the settings, the same on either database.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { checkJsonManifest } from '../src/manifest/check-json-manifest';
import { checkXmlManifest } from '../src/manifest/check-xml-manifest';
import { officeAddinValidate, xmllint } from '../src/manifest/manifest-test-helpers';
import { bearer, startTestApp, type TestApp } from './harness';

const ORIGIN = 'https://signing.contoso.test';

describe('manifest routes', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp('pglite', { PUBLIC_URL: `${ORIGIN}/` });
  });
  after(() => t.close());

  test('GET /manifest.xml is valid XML for this server', async () => {
    const res = await t.app.request('/manifest.xml');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^application\/xml/);
    const xml = await res.text();
    assert.match(xml, /<SourceLocation DefaultValue="https:\/\/signing\.contoso\.test\/addin\/taskpane\.html"\/>/);
    assert.doesNotMatch(xml, /sign\.example\.com/);
    const lint = xmllint(xml);
    assert.ok(lint.ok, lint.output);
    assert.deepEqual(checkXmlManifest(xml, { origin: ORIGIN }), []);
  });

  test('GET /manifest.json is a valid unified manifest for this server', async () => {
    const res = await t.app.request('/manifest.json');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
    const json = await res.text();
    assert.deepEqual(JSON.parse(json).validDomains, ['signing.contoso.test']);
    assert.equal(JSON.parse(json).webApplicationInfo, undefined);
    const v = officeAddinValidate(json);
    assert.ok(v.ok, v.output);
    assert.deepEqual(checkJsonManifest(json, { origin: ORIGIN }), []);
  });

  test('names the Entra app registration once one is configured', async () => {
    const admin = await t.user({ isAdmin: true });
    const clientId = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
    const current = await (await t.app.request('/api/v1/admin/settings', { headers: bearer(admin.token) })).json();
    const put = await t.app.request('/api/v1/admin/settings', {
      method: 'PUT',
      headers: { ...bearer(admin.token), 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...current, microsoft: { ...current.microsoft, tenantId: '99999999-8888-4777-8666-555555555555', clientId } }),
    });
    assert.equal(put.status, 200, await put.clone().text());
    const json = await (await t.app.request('/manifest.json')).text();
    assert.deepEqual(JSON.parse(json).webApplicationInfo, { id: clientId, resource: `api://signing.contoso.test/${clientId}` });
    const v = officeAddinValidate(json);
    assert.ok(v.ok, v.output);
  });
});

describe('manifest routes on an http PUBLIC_URL', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp('pglite', { PUBLIC_URL: 'http://localhost:3999' });
  });
  after(() => t.close());

  test('serve no manifest, and say why', async () => {
    for (const file of ['/manifest.xml', '/manifest.json']) {
      const res = await t.app.request(file, { headers: { Accept: 'application/json' } });
      assert.equal(res.status, 404, file);
      assert.match(await res.text(), /https/);
    }
  });
});
