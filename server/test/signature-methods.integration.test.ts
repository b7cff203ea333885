// Signature methods through the real app on PGlite and PostgreSQL: the admin enables methods, the sender narrows
// them per process, the signer signs with a click or a drawing; the drawing is checked, bound to the signature
// record and printed on the sealed signatures page (found there by poppler's pdfimages).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { signers } from '../src/db/schema';
import { sha256Hex } from '../src/storage/blob-store';
import { bearer, changeSettings, dbKinds, makePdf, processForm, signaturePng, startTestApp, type ProcessRequest, type TestApp } from './harness';
import { signingPathFor } from './outbox-reader';

for (const kind of dbKinds) {
  describe(`signature methods on ${kind}`, () => {
    let t: TestApp;
    let pdf: Uint8Array;
    let admin: Awaited<ReturnType<TestApp['user']>>;
    let n = 0;
    before(async () => {
      t = await startTestApp(kind);
      pdf = await makePdf('Rental agreement', 1);
      admin = await t.user({ isAdmin: true });
    });
    after(() => t.close());

    const start = (req: ProcessRequest) =>
      t.app.request('/api/v1/processes', { method: 'POST', headers: bearer(admin.token), body: processForm(req, [{ name: 'rental.pdf', bytes: pdf }]) });
    async function oneSigner(req: ProcessRequest = {}) {
      const email = `m${++n}@example.test`;
      const res = await start({ ...req, signers: [{ email, name: `Signer ${n}` }] });
      assert.equal(res.status, 201, await res.clone().text());
      return { process: await res.json(), link: await signingPathFor(t.ctx, email) };
    }
    const sign = (link: string, fields: Record<string, string>) =>
      t.app.request(`${link}/sign`, { method: 'POST', headers: { Origin: 'http://localhost', 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });
    const signerOf = async (processId: string) => (await t.ctx.db.select().from(signers).where(eq(signers.processId, processId)))[0];
    const settings = (change: Record<string, Record<string, unknown>>) => changeSettings(t, admin.token, change);

    test('by default a process offers every enabled method; the page has the drawing pad and the Sign button', async () => {
      const { process, link } = await oneSigner();
      assert.deepEqual(process.signatureMethods, ['button', 'handwritten']);
      const html = await (await t.app.request(link)).text();
      assert.match(html, /<canvas data-signature-pad/);
      assert.match(html, /name="method" value="handwritten"/);
      assert.match(html, /<button type="submit" id="sign">Sign<\/button>/);
      assert.match(html, /<script src="\/assets\/signing\.js" defer=""><\/script>/);
    });

    test('a drawn signature is stored, bound to the sign record and printed on the sealed signatures page', async () => {
      const { process, link } = await oneSigner({ signatureMethods: ['handwritten'] });
      const html = await (await t.app.request(link)).text();
      assert.doesNotMatch(html, /id="sign"/, 'no click-to-sign when the sender chose drawing only');
      const drawing = signaturePng();
      assert.equal((await sign(link, { method: 'handwritten', drawing })).status, 303);
      const row = await signerOf(process.id);
      assert.equal(row.method, 'handwritten');
      const png = Buffer.from(drawing.split(',')[1], 'base64');
      assert.equal(row.drawingSha256, sha256Hex(png));
      assert.equal(JSON.parse(row.signRecord!).drawingSha256, row.drawingSha256, 'the sign record names the drawing');

      await t.drain();
      const view = await (await t.app.request(`/api/v1/processes/${process.id}`, { headers: bearer(admin.token) })).json();
      const final = new Uint8Array(await (await t.app.request(`/api/v1/processes/${process.id}/documents/${view.documents[0].id}/final.pdf`, { headers: bearer(admin.token) })).arrayBuffer());
      const dir = mkdtempSync(path.join(tmpdir(), 'ss-drawing-'));
      try {
        writeFileSync(path.join(dir, 'final.pdf'), final);
        const images = execFileSync('pdfimages', ['-list', path.join(dir, 'final.pdf')], { encoding: 'utf8' });
        assert.match(images, /^\s+2\s+\d+\s+image\s+300\s+90\s/m, `the 300×90 drawing is an image on page 2:\n${images}`);
        assert.match(execFileSync('pdftotext', [path.join(dir, 'final.pdf'), '-'], { encoding: 'utf8' }), /Method: Handwritten signature/);
        execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '2', '-l', '2', path.join(dir, 'final.pdf'), path.join(globalThis.process.env.DRAWING_PREVIEW_DIR ?? dir, 'drawn-signature-page')]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    test('a missing, malformed or oversized drawing is refused with a message and changes nothing', async () => {
      const { process, link } = await oneSigner();
      const huge = `data:image/png;base64,${Buffer.alloc(600 * 1024).toString('base64')}`;
      for (const drawing of ['', 'data:image/png;base64,AAAA', `data:image/jpeg;base64,${Buffer.from('x').toString('base64')}`, signaturePng(5, 5), huge]) {
        const res = await sign(link, { method: 'handwritten', drawing });
        assert.equal(res.status, 400, drawing.slice(0, 40));
        assert.match(await res.text(), /Draw your signature in the box first\./);
      }
      assert.equal((await signerOf(process.id)).status, 'invited');
      assert.equal((await sign(link, { method: 'telepathy' })).status, 400);
    });

    test('a method the process does not offer is refused', async () => {
      const { process, link } = await oneSigner({ signatureMethods: ['button'] });
      const res = await sign(link, { method: 'handwritten', drawing: signaturePng() });
      assert.equal(res.status, 409);
      assert.match(await res.text(), /This way of signing is not offered for this process\./);
      assert.equal((await signerOf(process.id)).status, 'invited');
      assert.equal((await sign(link, { method: 'button' })).status, 303);
    });

    test("the admin's methods bound what senders may choose", async () => {
      await settings({ signatureMethods: { handwritten: false } });
      const config = await (await t.app.request('/api/v1/start-form/config')).json();
      assert.deepEqual(config.options.signatureMethods, [{ id: 'button', label: 'Click to sign (OK button)' }]);
      const refused = await start({ signers: [{ email: 'x@example.test' }], signatureMethods: ['handwritten'] });
      assert.equal(refused.status, 400);
      assert.match((await refused.json()).error.message, /handwritten is not enabled/);
      const { process } = await oneSigner();
      assert.deepEqual(process.signatureMethods, ['button']);

      await settings({ signatureMethods: { handwritten: true, sendersChoose: false } });
      const chosen = await start({ signers: [{ email: 'y@example.test' }], signatureMethods: ['button'] });
      assert.equal(chosen.status, 400);
      assert.equal((await chosen.json()).error.field, 'signatureMethods');
      await settings({ signatureMethods: { sendersChoose: true } });
    });
  });
}
