// The static files the signing page loads from this server: its scripts, and of PDF.js only its build, worker
// and fonts (nothing else of node_modules).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestApp, type TestApp } from './harness';

describe('page assets', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp('pglite');
  });
  after(() => t.close());

  test('PDF.js build, worker and standard fonts are served, with a long cache', async () => {
    for (const path of ['/assets/pdfjs/build/pdf.min.mjs', '/assets/pdfjs/build/pdf.worker.min.mjs', '/assets/pdfjs/standard_fonts/FoxitSerif.pfb', '/assets/pdf-viewer.js', '/assets/signing.js']) {
      const res = await t.app.request(path);
      assert.equal(res.status, 200, path);
      if (path.endsWith('.mjs') || path.endsWith('.js')) assert.match(res.headers.get('content-type')!, /javascript/, path);
    }
    assert.equal((await t.app.request('/assets/pdfjs/build/pdf.min.mjs')).headers.get('cache-control'), 'public, max-age=604800');
  });

  test('nothing else of the package, and no way out of it', async () => {
    for (const path of ['/assets/pdfjs/package.json', '/assets/pdfjs/build/pdf.mjs.map', '/assets/pdfjs/../../package.json', '/assets/pdfjs/build/%2e%2e/package.json', '/assets/pdfjs/web/viewer.html']) {
      assert.equal((await t.app.request(path)).status, 404, path);
    }
  });
});
