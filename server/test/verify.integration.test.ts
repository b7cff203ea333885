// Verification by anyone, through the real app on PGlite and PostgreSQL: a sealed final verifies and is found by
// its SHA-256 and by the code on its signatures page; each way a file can fail is reported as such.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createSealCertificate } from '../src/seal/create-seal-certificate';
import { sealPdf } from '../src/seal/seal-pdf';
import { bearer, dbKinds, makePdf, processForm, startTestApp, type TestApp } from './harness';
import { signingPathFor } from './outbox-reader';
import { startTsaResponder } from './tsa-responder';

for (const kind of dbKinds) {
  describe(`verification on ${kind}`, () => {
    let t: TestApp;
    let original: Uint8Array;
    let final: Buffer;
    before(async () => {
      t = await startTestApp(kind);
      const u = await t.user();
      original = await makePdf('Verify me', 1);
      const res = await t.app.request('/api/v1/processes', {
        method: 'POST',
        headers: bearer(u.token),
        body: processForm({ title: 'Lease 2027', signers: [{ email: 'v1@example.test', name: 'Vera Signer' }] }, [{ name: 'lease.pdf', bytes: original }]),
      });
      const p = await res.json();
      const link = await signingPathFor(t.ctx, 'v1@example.test');
      await t.app.request(`${link}/sign`, { method: 'POST', headers: { Origin: 'http://localhost' } });
      await t.drain();
      const got = await t.app.request(`/api/v1/processes/${p.id}/documents/${p.documents[0].id}/final.pdf`, { headers: bearer(u.token) });
      final = Buffer.from(await got.arrayBuffer());
    });
    after(() => t.close());

    const verify = async (bytes: Uint8Array, name = 'doc.pdf') => {
      const form = new FormData();
      form.set('file', new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }), name);
      const res = await t.app.request('/api/v1/verify', { method: 'POST', body: form });
      return { status: res.status, body: await res.json() };
    };

    test('the sealed final is valid, sealed by this server, PAdES baseline, and its record is shown', async () => {
      const { status, body } = await verify(final);
      assert.equal(status, 200);
      assert.equal(body.verdict, 'valid');
      assert.equal(body.signatures.length, 1);
      const s = body.signatures[0];
      assert.deepEqual([s.digestValid, s.signatureValid, s.coversWholeDocument, s.bySealOfThisServer, s.padesBaseline], [true, true, true, true, true]);
      assert.equal(body.document.version, 'final');
      assert.equal(body.document.process.title, 'Lease 2027');
      assert.deepEqual(body.document.process.signers.map((x: any) => [x.name, x.method]), [['Vera Signer', 'OK button']]);
      assert.equal(JSON.stringify(body).includes('127.0.0.1'), false, 'no IP addresses are revealed');
    });

    test('the verification code printed on the signatures page opens the record, typed loosely too', async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'ss-verify-'));
      try {
        writeFileSync(path.join(dir, 'f.pdf'), final);
        const text = execFileSync('pdftotext', ['-l', '99', path.join(dir, 'f.pdf'), '-']).toString();
        const code = text.match(/Verification code: ([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})/)![1];
        assert.match(text, new RegExp(`http://localhost:3999/verify/${code}`));
        const page = await t.app.request(`/verify/${code.toLowerCase().replace(/-/g, '')}`);
        assert.equal(page.status, 200);
        const html = await page.text();
        assert.match(html, /Lease 2027/);
        assert.match(html, /Vera Signer/);
        assert.equal((await t.app.request('/verify/ZZZZ-ZZZZ-ZZZZ')).status, 404);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    test('one byte changed: invalid', async () => {
      const tampered = Buffer.from(final);
      tampered[Math.floor(original.length / 2)] ^= 1;
      const { body } = await verify(tampered);
      assert.equal(body.verdict, 'invalid');
      assert.equal(body.signatures[0].digestValid, false);
      assert.equal(body.document, null, 'a changed file is not the one on record');
    });

    test('bytes appended after the seal: modified', async () => {
      const { body } = await verify(Buffer.concat([final, Buffer.from('\n% appended later\n')]));
      assert.equal(body.verdict, 'modified');
      assert.equal(body.signatures[0].digestValid, true);
      assert.equal(body.signatures[0].coversWholeDocument, false);
      assert.equal(body.signatures[0].bytesAfter, 18);
    });

    test('the seal removed (the update cut off): unsigned, recognised as the original', async () => {
      const { body } = await verify(original);
      assert.equal(body.verdict, 'unsigned');
      assert.equal(body.document.version, 'original');
      assert.equal(body.document.process.title, 'Lease 2027');
    });

    test("a signature by someone else's key is valid but not this server's seal", async () => {
      const other = await createSealCertificate({ commonName: 'Impostor seal', organization: 'Elsewhere', algorithm: 'ecdsa-p256' });
      const forged = await sealPdf({ original, documentName: 'lease.pdf', processTitle: 'Lease 2027', processId: 'x', originalSha256: 'x', signatures: [], position: 'last', seal: other, sealName: 'Elsewhere' });
      const { body } = await verify(forged);
      assert.equal(body.verdict, 'valid');
      assert.equal(body.signatures[0].signer, 'Impostor seal');
      assert.equal(body.signatures[0].bySealOfThisServer, false);
      assert.equal(body.document, null);
    });

    test('a file that is not a PDF gets a clear error; the page shows it too', async () => {
      const { status, body } = await verify(new TextEncoder().encode('not a pdf'));
      assert.equal(status, 415);
      assert.match(body.error.message, /cannot be verified/);
      const form = new FormData();
      form.set('file', new Blob(['hello'], { type: 'text/plain' }), 'x.txt');
      const page = await t.app.request('/verify', { method: 'POST', body: form, headers: { Origin: 'http://localhost' } });
      assert.equal(page.status, 400);
      assert.match(await page.text(), /cannot be verified/);
    });

    test('the verify page shows the verdict for an uploaded final', async () => {
      const form = new FormData();
      form.set('file', new Blob([final as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }), 'lease-signed.pdf');
      const res = await t.app.request('/verify', { method: 'POST', body: form, headers: { Origin: 'http://localhost' } });
      const html = await res.text();
      assert.equal(res.status, 200);
      assert.match(html, /<h2>Valid<\/h2>/);
      assert.match(html, /seal of this service/);
      assert.match(html, /This is a signed document from this service/);
    });
  });
}

test('with TSA_URLS set, the final seal is timestamped (PAdES B-T) and verification shows when', async () => {
  const tsa = await startTsaResponder();
  const t = await startTestApp('pglite', { TSA_URLS: `http://127.0.0.1:1/down, ${tsa.url}` });
  try {
    const u = await t.user();
    const res = await t.app.request('/api/v1/processes', {
      method: 'POST',
      headers: bearer(u.token),
      body: processForm({ title: 'Timestamped', signers: [{ email: 'ts@example.test' }] }, [{ name: 'a.pdf', bytes: await makePdf() }]),
    });
    const p = await res.json();
    await t.app.request(`${await signingPathFor(t.ctx, 'ts@example.test')}/sign`, { method: 'POST', headers: { Origin: 'http://localhost' } });
    await t.drain();
    const final = await (await t.app.request(`/api/v1/processes/${p.id}/documents/${p.documents[0].id}/final.pdf`, { headers: bearer(u.token) })).arrayBuffer();
    const form = new FormData();
    form.set('file', new Blob([final], { type: 'application/pdf' }), 'a.pdf');
    const report = await (await t.app.request('/api/v1/verify', { method: 'POST', body: form })).json();
    assert.equal(report.verdict, 'valid');
    assert.equal(report.signatures[0].timestamp.valid, true);
    assert.equal(report.signatures[0].timestamp.authority, 'Test Timestamp Authority');
    assert.equal(tsa.requests, 1);
  } finally {
    await t.close();
    await tsa.close();
  }
});
