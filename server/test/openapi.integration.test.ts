// The REST API's OpenAPI description: a valid OpenAPI 3.1 document (checked by @readme/openapi-parser) that
// lists exactly the /api/v1 routes the app registers, so a route added without its description fails here; and
// the browsable docs page, served from local files only, linking the XML schema.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { compileErrors, validate } from '@readme/openapi-parser';
import { startTestApp, type TestApp } from './harness';

describe('OpenAPI description', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp('pglite');
  });
  after(() => t.close());

  test('is valid OpenAPI 3.1 with schemas from the shared zod schemas', async () => {
    const res = await t.app.request('/api/openapi.json');
    assert.equal(res.status, 200);
    const doc = await res.json();
    assert.equal(doc.openapi, '3.1.0');
    const result = await validate(structuredClone(doc));
    assert.ok(result.valid, result.valid ? '' : compileErrors(result));
    // The start request's JSON part is the shared schema, with its limits and defaults.
    const start = doc.components.schemas.StartProcessInput;
    assert.equal(start.properties.title.maxLength, 300);
    assert.deepEqual(start.required.sort(), ['signers', 'title']);
    assert.equal(doc.paths['/api/v1/processes'].post.requestBody.content['multipart/form-data'].schema.properties.process.$ref, '#/components/schemas/StartProcessInput');
    assert.ok(doc.paths['/api/v1/processes/{id}'].get.responses['200'].content['application/json'].schema.properties.signers);
    assert.deepEqual(doc.paths['/api/v1/start-form/config'].get.security, []);
  });

  test('lists every /api/v1 route the app registers, and no other', async () => {
    const doc = await (await t.app.request('/api/openapi.json')).json();
    const described = new Set<string>();
    for (const [p, ops] of Object.entries(doc.paths as Record<string, Record<string, unknown>>)) {
      for (const method of Object.keys(ops)) described.add(`${method.toUpperCase()} ${p.replace(/\{(\w+)\}/g, ':$1')}`);
    }
    const registered = new Set(
      t.app.routes
        .filter((r) => r.path.startsWith('/api/v1/') && r.method !== 'ALL' && !r.path.endsWith('*'))
        .map((r) => `${r.method} ${r.path.replace(/\/$/, '')}`),
    );
    assert.ok(registered.size > 20);
    assert.deepEqual([...registered].filter((r) => !described.has(r)).sort(), [], 'routes without a description');
    assert.deepEqual([...described].filter((r) => !registered.has(r)).sort(), [], 'described routes that do not exist');
  });

  test('the docs page works offline: every script and style is ours, and it links the XML schema', async () => {
    const res = await t.app.request('/api/docs');
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /href="\/api\/xml\/schema.xsd"/);
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    assert.ok(assets.every((a) => a.startsWith('/')), `external: ${assets.filter((a) => !a.startsWith('/'))}`);
    for (const a of assets.filter((x) => x.startsWith('/api/docs/assets/'))) {
      const asset = await t.app.request(a);
      assert.equal(asset.status, 200, a);
      assert.ok((await asset.text()).length > 0);
    }
    assert.match(res.headers.get('content-security-policy') ?? '', /default-src 'self'/);
  });
});
