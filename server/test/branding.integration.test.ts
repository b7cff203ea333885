// Branding through the real app: an admin uploads a logo and custom CSS in the admin center; every page (the
// signer's too) links the stylesheet that carries them; anything but a PNG or JPEG logo is refused.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { desc, eq } from 'drizzle-orm';
import { adminAuditEvents } from '../src/db/schema';
import { bearer, makePdf, processForm, signInHeaders, signaturePng, startTestApp, type TestApp } from './harness';
import { signingPathFor } from './outbox-reader';

describe('branding', () => {
  let t: TestApp;
  let admin: Awaited<ReturnType<TestApp['user']>>;
  let session: Awaited<ReturnType<typeof signInHeaders>>;
  before(async () => {
    t = await startTestApp('pglite');
    admin = await t.user({ isAdmin: true });
    session = await signInHeaders(t, admin.email, admin.password);
  });
  after(() => t.close());

  async function save(fields: { logo?: { bytes: Uint8Array; type: string; name: string }; customCss?: string; removeLogo?: boolean }, headers = session) {
    const html = await (await t.app.request('/admin/branding', { headers })).text();
    const form = new FormData();
    form.set('_csrf', html.match(/name="_csrf" value="([^"]+)"/)![1]);
    if (fields.logo) form.set('logo', new Blob([fields.logo.bytes as Uint8Array<ArrayBuffer>], { type: fields.logo.type }), fields.logo.name);
    if (fields.customCss !== undefined) form.set('customCss', fields.customCss);
    if (fields.removeLogo) form.set('removeLogo', 'on');
    return t.app.request('/admin/branding', { method: 'POST', headers: { ...headers, Origin: 'http://localhost:3999' }, body: form });
  }
  const png = new Uint8Array(Buffer.from(signaturePng(120, 32).split(',')[1], 'base64'));

  test('logo and custom CSS reach every page, the signer\'s included', async () => {
    assert.equal((await save({ logo: { bytes: png, type: 'image/png', name: 'logo.png' }, customCss: ':root { --brand: #7a1f5c; }' })).status, 303);
    const css = await (await t.app.request('/branding/custom.css')).text();
    assert.match(css, /:root \{ --brand: #7a1f5c; \}/);
    const logoUrl = css.match(/url\((\/branding\/logo\?v=[0-9a-f]+)\)/)![1];
    const logo = await t.app.request(logoUrl);
    assert.equal(logo.headers.get('content-type'), 'image/png');
    assert.deepEqual(new Uint8Array(await logo.arrayBuffer()), png);

    const pdf = await makePdf('Branded', 1);
    await t.app.request('/api/v1/processes', { method: 'POST', headers: bearer(admin.token), body: processForm({ signers: [{ email: 'brand@example.test' }] }, [{ name: 'b.pdf', bytes: pdf }]) });
    const page = await (await t.app.request(await signingPathFor(t.ctx, 'brand@example.test'))).text();
    assert.match(page, /<link rel="stylesheet" href="\/assets\/app\.css"\/?><link rel="stylesheet" href="\/branding\/custom\.css"\/?>/);
    const [event] = await t.ctx.db.select().from(adminAuditEvents).where(eq(adminAuditEvents.action, 'branding_changed')).orderBy(desc(adminAuditEvents.id)).limit(1);
    assert.deepEqual(event.details, { logo: `image/png, ${png.byteLength} bytes`, customCss: '27 characters' });
  });

  test('an SVG or oversized logo is refused with a message; removing the logo removes it', async () => {
    const svg = await save({ logo: { bytes: new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), type: 'image/svg+xml', name: 'logo.svg' } });
    assert.equal(svg.status, 400);
    assert.match(await svg.text(), /The logo must be a PNG or JPEG image/);
    const big = new Uint8Array(300 * 1024);
    big.set(png.subarray(0, 8));
    assert.match(await (await save({ logo: { bytes: big, type: 'image/png', name: 'big.png' } })).text(), /at most 200 KB/);
    assert.equal((await save({ removeLogo: true })).status, 303);
    assert.equal((await t.app.request('/branding/logo')).status, 404);
    assert.doesNotMatch(await (await t.app.request('/branding/custom.css')).text(), /branding\/logo/);
  });

  test('only admins change branding', async () => {
    const plain = await t.user();
    const headers = await signInHeaders(t, plain.email, plain.password);
    assert.equal((await t.app.request('/admin/branding', { headers })).status, 404);
  });
});
