// PAdES B-LT through the real app: with a sealing certificate from a CA (a real openssl PKI on loopback: the root's
// CRL over HTTP, the issuing CA's OCSP responder) and a timestamp authority, the final PDF carries a document
// security store with the chain, the TSA's certificate, an OCSP response and a CRL, each checked by openssl; pdfsig
// still finds the seal valid, /verify calls the file unchanged, and a change after the DSS is still caught. A
// revoked sealing certificate stops sealing instead of producing a file that claims long-term validity.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { PDFArray, PDFDict, PDFName, PDFRawStream, PDFRef } from 'pdf-lib';
import { outboxJobs, processes } from '../src/db/schema';
import { decodeStream } from '../src/pdf/decode-stream';
import { readPdf } from '../src/pdf/read-pdf';
import { runPdfsig } from '../src/seal/pdfsig.test-helper';
import { writeUpdate } from '../src/seal/write-update';
import { startTsaResponder, type TsaResponder } from './tsa-responder';
import { startTestPki, type TestPki } from './test-pki';
import { bearer, changeSettings, makePdf, processForm, startTestApp, type TestApp } from './harness';
import { signingPathFor } from './outbox-reader';

/** The streams of the final PDF's document security store, decoded. */
function readDss(pdf: Uint8Array): Record<'Certs' | 'OCSPs' | 'CRLs', Uint8Array[]> {
  const file = readPdf(pdf);
  const catalog = file.resolve(file.trailer.get(PDFName.of('Root'))) as PDFDict;
  const dss = file.resolve(catalog.get(PDFName.of('DSS')));
  assert.ok(dss instanceof PDFDict, 'the catalog has a /DSS');
  const read = (key: string) => {
    const list = file.resolve(dss.get(PDFName.of(key)));
    return list instanceof PDFArray ? list.asArray().map((r) => decodeStream(file.resolve(r) as PDFRawStream)) : [];
  };
  return { Certs: read('Certs'), OCSPs: read('OCSPs'), CRLs: read('CRLs') };
}

describe('long-term validation data (PAdES B-LT)', () => {
  let t: TestApp;
  let pki: TestPki;
  let tsa: TsaResponder;
  let admin: Awaited<ReturnType<TestApp['user']>>;
  let n = 0;
  before(async () => {
    [t, pki, tsa] = await Promise.all([startTestApp('pglite'), startTestPki(), startTsaResponder()]);
    admin = await t.user({ isAdmin: true });
    const form = new FormData();
    form.set('file', new Blob([pki.pkcs12 as Uint8Array<ArrayBuffer>], { type: 'application/x-pkcs12' }), 'seal.p12');
    form.set('password', 'pki-pass');
    const res = await t.app.request('/api/v1/admin/seal-key', { method: 'POST', headers: bearer(admin.token), body: form });
    assert.equal(res.status, 201, await res.text());
    await changeSettings(t, admin.token, { sealing: { tsaUrls: [tsa.url] } });
  });
  after(async () => {
    await Promise.all([t.close(), pki.close(), tsa.close()]);
  });

  async function signAndSeal() {
    const email = `lt${++n}@example.test`;
    const res = await t.app.request('/api/v1/processes', {
      method: 'POST',
      headers: bearer(admin.token),
      body: processForm({ signers: [{ email }], signatureMethods: ['button'] }, [{ name: 'contract.pdf', bytes: await makePdf('Long-term contract', 2) }]),
    });
    const process = await res.json();
    await t.app.request(`${await signingPathFor(t.ctx, email)}/sign`, { method: 'POST', headers: { Origin: 'http://localhost', 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'method=button' });
    await t.drain();
    const final = await t.app.request(`/api/v1/processes/${process.id}/documents/${process.documents[0].id}/final.pdf`, { headers: bearer(admin.token) });
    return { id: process.id as string, final: final.status === 200 ? new Uint8Array(await final.arrayBuffer()) : null };
  }

  test('the final PDF carries the chain, the TSA certificate, an OCSP response and a CRL that openssl accepts', async () => {
    const { final } = await signAndSeal();
    assert.ok(final);
    const dss = readDss(final);

    const subjects = dss.Certs.map((der) => {
      writeFileSync(pki.file('c.der'), der);
      return execFileSync('openssl', ['x509', '-inform', 'DER', '-in', pki.file('c.der'), '-noout', '-subject']).toString();
    });
    assert.ok(subjects.some((s) => /Test Issuing CA/.test(s)), 'the intermediate');
    assert.ok(subjects.some((s) => /Test Root CA/.test(s)), 'the root');
    assert.ok(subjects.some((s) => /Test Timestamp Authority/.test(s)), "the timestamp authority's certificate");

    assert.equal(dss.OCSPs.length, 1);
    writeFileSync(pki.file('resp.der'), dss.OCSPs[0]);
    const ocsp = execFileSync('openssl', ['ocsp', '-respin', pki.file('resp.der'), '-CAfile', pki.file('chain.pem'), '-issuer', pki.file('inter.crt'), '-cert', pki.file('seal.crt')], { stdio: 'pipe' }).toString();
    assert.match(ocsp, /seal\.crt: good/);

    assert.equal(dss.CRLs.length, 1);
    writeFileSync(pki.file('crl.der'), dss.CRLs[0]);
    const crl = spawnSync('openssl', ['crl', '-inform', 'DER', '-in', pki.file('crl.der'), '-CAfile', pki.file('root.crt'), '-noout']);
    assert.match(`${crl.stdout}${crl.stderr}`, /verify OK/);
    const crlIssuer = execFileSync('openssl', ['crl', '-inform', 'DER', '-in', pki.file('crl.der'), '-noout', '-issuer']).toString();
    assert.match(crlIssuer, /Test Root CA/);
  });

  test('pdfsig finds the seal valid, and /verify calls the file unchanged; a change after the DSS is caught', async () => {
    const { final } = await signAndSeal();
    assert.ok(final);
    const [sig] = (await runPdfsig(final)).signatures;
    assert.ok(sig.valid, sig.raw);
    assert.match(sig.raw, /Acme CA-issued Seal/);

    const verify = async (bytes: Uint8Array) => {
      const form = new FormData();
      form.set('file', new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }), 'f.pdf');
      return (await t.app.request('/api/v1/verify', { method: 'POST', body: form })).json();
    };
    const report = await verify(final);
    assert.equal(report.verdict, 'valid', report.summary);
    assert.equal(report.signatures.at(-1).onlyValidationDataAfter, true);
    assert.ok(report.signatures.at(-1).timestamp?.valid);

    // Someone adds an update that changes the catalog (here: its language) beside the DSS: no longer unchanged.
    const file = readPdf(final);
    const rootRef = file.trailer.get(PDFName.of('Root')) as PDFRef;
    const catalog = (file.resolve(rootRef) as PDFDict).clone(file.context);
    catalog.set(PDFName.of('Lang'), file.context.obj('fi'));
    const update = writeUpdate(file, [{ ref: rootRef, object: catalog }]);
    const changed = new Uint8Array(final.length + update.bytes.length);
    changed.set(final);
    changed.set(update.bytes, final.length);
    const after = await verify(changed);
    assert.equal(after.verdict, 'modified', after.summary);
  });

  test('an OCSP answer signed by a key no CA issued is not embedded: sealing stops', async () => {
    pki.forgeOcsp();
    const { id, final } = await signAndSeal().finally(() => pki.forgeOcsp(false));
    assert.equal(final, null);
    const job = (await t.ctx.db.select().from(outboxJobs).where(eq(outboxJobs.kind, 'seal-process'))).find((j) => j.payload.processId === id);
    assert.match(String(job?.lastError), /not signed by the issuer/);
  });

  test('a revoked sealing certificate stops sealing with a clear reason; nothing is delivered as sealed', async () => {
    pki.revokeSeal();
    const before = pki.ocspRequests;
    const { id, final } = await signAndSeal();
    assert.equal(final, null, 'no final document');
    assert.ok(pki.ocspRequests > before, 'the responder was asked');
    const [row] = await t.ctx.db.select().from(processes).where(eq(processes.id, id));
    assert.equal(row.sealedAt, null);
    const jobs = await t.ctx.db.select().from(outboxJobs).where(eq(outboxJobs.kind, 'seal-process'));
    const job = jobs.find((j) => j.payload.processId === id);
    assert.match(String(job?.lastError), /Acme CA-issued Seal.* is revoked \(OCSP\)/);
  });
});
