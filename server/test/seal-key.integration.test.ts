// The sealing key from an uploaded PKCS#12, through the real app: RSA, ECDSA and (legacy) DSA files made by openssl are
// accepted and seal the next documents (checked by poppler's pdfsig); signatures made before stay verifiable;
// a wrong password, a file that is not PKCS#12 and a key that does not fit are refused with a clear message.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { X509Certificate } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { readPdf } from '../src/pdf/read-pdf';
import { readSignatures } from '../src/pdf/read-signatures';
import { runPdfsig } from '../src/seal/pdfsig.test-helper';
import { bearer, makePdf, processForm, startTestApp, type TestApp } from './harness';
import { signingPathFor } from './outbox-reader';

/** The key type of the certificate in a sealed PDF's (last) signature, read from its CMS. */
function sealKeyType(pdf: Uint8Array): string | undefined {
  const [sig] = readSignatures(readPdf(pdf));
  const signed = new pkijs.SignedData({ schema: new pkijs.ContentInfo({ schema: asn1js.fromBER(sig.contents).result }).content });
  const cert = signed.certificates![0] as pkijs.Certificate;
  return new X509Certificate(Buffer.from(cert.toSchema().toBER())).publicKey.asymmetricKeyType;
}

/** A self-signed certificate and its key as a PKCS#12 file, made by openssl the way an admin would export one. */
function makePkcs12(dir: string, name: string, keyArgs: string[], cn: string, password: string): Uint8Array {
  const key = path.join(dir, `${name}.key`);
  const cert = path.join(dir, `${name}.crt`);
  const p12 = path.join(dir, `${name}.p12`);
  execFileSync('openssl', ['req', '-x509', '-nodes', ...keyArgs, '-keyout', key, '-out', cert, '-days', '30', '-subj', `/CN=${cn}/O=Acme Oy`], { stdio: 'ignore' });
  execFileSync('openssl', ['pkcs12', '-export', '-inkey', key, '-in', cert, '-out', p12, '-passout', `pass:${password}`], { stdio: 'ignore' });
  return readFileSync(p12);
}

describe('sealing key from a PKCS#12 file', () => {
  let t: TestApp;
  let admin: Awaited<ReturnType<TestApp['user']>>;
  let dir: string;
  let pdf: Uint8Array;
  let n = 0;
  before(async () => {
    t = await startTestApp('pglite');
    admin = await t.user({ isAdmin: true });
    dir = mkdtempSync(path.join(tmpdir(), 'ss-p12-'));
    pdf = await makePdf('Sealed with our CA', 1);
  });
  after(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const upload = (bytes: Uint8Array, password: string, token = admin.token) => {
    const form = new FormData();
    form.set('file', new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/x-pkcs12' }), 'seal.p12');
    form.set('password', password);
    return t.app.request('/api/v1/admin/seal-key', { method: 'POST', headers: bearer(token), body: form });
  };
  /** Starts a one-signer process, signs it and seals it; returns the process id and the sealed PDF. */
  async function signedAndSealed() {
    const email = `k${++n}@example.test`;
    const res = await t.app.request('/api/v1/processes', { method: 'POST', headers: bearer(admin.token), body: processForm({ signers: [{ email }], signatureMethods: ['button'] }, [{ name: 'd.pdf', bytes: pdf }]) });
    const process = await res.json();
    await t.app.request(`${await signingPathFor(t.ctx, email)}/sign`, { method: 'POST', headers: { Origin: 'http://localhost', 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'method=button' });
    await t.drain();
    const final = new Uint8Array(await (await t.app.request(`/api/v1/processes/${process.id}/documents/${process.documents[0].id}/final.pdf`, { headers: bearer(admin.token) })).arrayBuffer());
    return { id: process.id as string, final };
  }

  test('an RSA and then an ECDSA certificate seal the next documents; earlier signatures still verify', async () => {
    const before = await signedAndSealed();
    const rsa = await upload(makePkcs12(dir, 'rsa', ['-newkey', 'rsa:3072'], 'Acme RSA Seal', 'p12-pass'), 'p12-pass');
    assert.equal(rsa.status, 201, await rsa.clone().text());
    const view = (await rsa.json()).key;
    assert.match(view.subject, /CN=Acme RSA Seal/);
    assert.equal(view.algorithm, 'RSA 3072');
    const sealedRsa = await signedAndSealed();
    const [sigRsa] = (await runPdfsig(sealedRsa.final)).signatures;
    assert.ok(sigRsa.valid && sigRsa.wholeDocument, sigRsa.raw);
    assert.match(sigRsa.raw, /Signer Certificate Common Name: Acme RSA Seal/);

    const ec = await upload(makePkcs12(dir, 'ec', ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256'], 'Acme EC Seal', 'p12-pass'), 'p12-pass');
    assert.equal(ec.status, 201, await ec.clone().text());
    const sealedEc = await signedAndSealed();
    const [sigEc] = (await runPdfsig(sealedEc.final)).signatures;
    assert.ok(sigEc.valid && sigEc.wholeDocument, sigEc.raw);
    assert.match(sigEc.raw, /Signer Certificate Common Name: Acme EC Seal/);

    const current = await (await t.app.request('/api/v1/admin/seal-key', { headers: bearer(admin.token) })).json();
    assert.equal(current.key.algorithm, 'ECDSA prime256v1');
    for (const id of [before.id, sealedRsa.id]) {
      const checked = await (await t.app.request(`/api/v1/processes/${id}/verify`, { headers: bearer(admin.token) })).json();
      assert.ok(checked.signatures.every((s: { valid: boolean }) => s.valid), `signatures made under an earlier key still verify (${id})`);
    }
  });

  test('a legacy DSA key, imported, seals documents that pdfsig verifies, and makes the sign hashes', async () => {
    const params = path.join(dir, 'dsa-params.pem');
    execFileSync('openssl', ['genpkey', '-genparam', '-algorithm', 'DSA', '-pkeyopt', 'pbits:2048', '-out', params], { stdio: 'ignore' });
    const dsa = await upload(makePkcs12(dir, 'dsa', ['-newkey', `dsa:${params}`, '-sha256'], 'Acme DSA Seal', 'p12-pass'), 'p12-pass');
    assert.equal(dsa.status, 201, await dsa.clone().text());
    assert.equal((await dsa.json()).key.algorithm, 'DSA 2048');
    const sealed = await signedAndSealed();
    assert.equal(sealKeyType(sealed.final), 'dsa');
    const [sig] = (await runPdfsig(sealed.final)).signatures;
    assert.ok(sig.valid && sig.wholeDocument, sig.raw);
    assert.match(sig.raw, /Signer Certificate Common Name: Acme DSA Seal/);
    const checked = await (await t.app.request(`/api/v1/processes/${sealed.id}/verify`, { headers: bearer(admin.token) })).json();
    assert.ok(checked.signatures.length === 1 && checked.signatures[0].valid, 'the sign hash made with the DSA key verifies');
    const form = new FormData();
    form.set('file', new Blob([sealed.final as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }), 'final.pdf');
    const report = await (await t.app.request('/api/v1/verify', { method: 'POST', body: form })).json();
    assert.equal(report.verdict, 'valid', report.summary);
    assert.ok(report.signatures[0].signatureValid && report.signatures[0].bySealOfThisServer && report.signatures[0].padesBaseline, 'our own /verify checks the DSA seal too');
  });

  test('a wrong password, a file that is not PKCS#12, a weak key and a non-admin are refused', async () => {
    const file = makePkcs12(dir, 'again', ['-newkey', 'rsa:2048'], 'Acme Again', 'right');
    const wrong = await upload(file, 'wrong');
    assert.equal(wrong.status, 400);
    assert.equal((await wrong.json()).error.message, 'The password is wrong, or the file is damaged');
    const junk = await upload(new TextEncoder().encode('not a key file'), 'x');
    assert.equal(junk.status, 400);
    assert.match((await junk.json()).error.message, /not a PKCS#12/);
    const weak = await upload(makePkcs12(dir, 'weak', ['-newkey', 'rsa:1024'], 'Acme Weak', 'pw'), 'pw');
    assert.equal(weak.status, 400);
    assert.match((await weak.json()).error.message, /at least 2048 bits/);
    const user = await t.user();
    assert.equal((await upload(file, 'right', user.token)).status, 404);
  });
});

describe('a generated sealing key', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp('pglite');
  });
  after(async () => t.close());

  test('the admin generates an ECDSA P-256 key: it seals the next documents, and earlier signatures still verify', async () => {
    const admin = await t.user({ isAdmin: true });
    const pdf = await makePdf('Generated key', 1);
    const sealOne = async (email: string) => {
      const res = await t.app.request('/api/v1/processes', { method: 'POST', headers: bearer(admin.token), body: processForm({ signers: [{ email }], signatureMethods: ['button'] }, [{ name: 'd.pdf', bytes: pdf }]) });
      const process = await res.json();
      await t.app.request(`${await signingPathFor(t.ctx, email)}/sign`, { method: 'POST', headers: { Origin: 'http://localhost', 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'method=button' });
      await t.drain();
      const final = new Uint8Array(await (await t.app.request(`/api/v1/processes/${process.id}/documents/${process.documents[0].id}/final.pdf`, { headers: bearer(admin.token) })).arrayBuffer());
      return { id: process.id as string, final };
    };
    const first = await sealOne('g1@example.test');
    assert.equal(sealKeyType(first.final), 'rsa');

    const generate = (algorithm: string, token = admin.token) =>
      t.app.request('/api/v1/admin/seal-key/generate', { method: 'POST', headers: { ...bearer(token), 'Content-Type': 'application/json' }, body: JSON.stringify({ algorithm }) });
    assert.equal((await generate('dsa-1024')).status, 400);
    const user = await t.user();
    assert.equal((await generate('ecdsa-p256', user.token)).status, 404);
    const res = await generate('ecdsa-p256');
    assert.equal(res.status, 201);
    assert.equal((await res.json()).key.algorithm, 'ECDSA prime256v1');

    const second = await sealOne('g2@example.test');
    const [ecSig] = (await runPdfsig(second.final)).signatures;
    assert.ok(ecSig.valid && ecSig.wholeDocument, ecSig.raw);
    assert.equal(sealKeyType(second.final), 'ec');
    for (const id of [first.id, second.id]) {
      const checked = await (await t.app.request(`/api/v1/processes/${id}/verify`, { headers: bearer(admin.token) })).json();
      assert.ok(checked.signatures.length === 1 && checked.signatures.every((s: { valid: boolean }) => s.valid), `sign hashes verify under their own key (${id})`);
    }
  });
});
