import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { test } from 'node:test';
import { createSealCertificate, randomSerialNumber } from './create-seal-certificate';

for (const algorithm of ['rsa-3072', 'ecdsa-p256'] as const) {
  test(`${algorithm}: a self-signed document-signing certificate for the organisation`, async () => {
    const { certificatePem, privateKeyPem } = await createSealCertificate({ commonName: 'Acme seal', organization: 'Acme Öy', algorithm });
    const cert = new X509Certificate(certificatePem);
    assert.equal(cert.subject, 'O=Acme Öy\nCN=Acme seal');
    assert.equal(cert.issuer, cert.subject);
    assert.ok(cert.verify(cert.publicKey), 'self-signed');
    assert.ok(cert.checkPrivateKey(createPrivateKey(privateKeyPem)));
    assert.deepEqual(cert.keyUsage, ['1.3.6.1.5.5.7.3.36', '1.3.6.1.5.5.7.3.4']);
    assert.equal(cert.publicKey.asymmetricKeyType, algorithm === 'rsa-3072' ? 'rsa' : 'ec');
    if (algorithm === 'rsa-3072') assert.equal(cert.publicKey.asymmetricKeyDetails?.modulusLength, 3072);
    assert.ok(new Date(cert.validTo).getFullYear() >= new Date().getFullYear() + 9);
    // Key usage as an independent parser reads it: critical, digitalSignature + nonRepudiation, nothing else.
    const ext = execFileSync('openssl', ['x509', '-noout', '-ext', 'keyUsage,basicConstraints'], { input: certificatePem }).toString();
    assert.match(ext, /X509v3 Key Usage: critical\n\s*Digital Signature, Non Repudiation\n/);
    assert.match(ext, /CA:FALSE/);
    assert.match(execFileSync('openssl', ['x509', '-noout', '-text'], { input: certificatePem }).toString(), /Signature Algorithm: (sha256WithRSAEncryption|ecdsa-with-SHA256)/);
  });
}

test('every certificate gets its own random serial number', async () => {
  const serial = async () => new X509Certificate((await createSealCertificate({ commonName: 'A', organization: 'B', algorithm: 'ecdsa-p256' })).certificatePem).serialNumber;
  const [a, b] = [await serial(), await serial()];
  assert.notEqual(a, b);
  assert.ok(a.length >= 30, `a 16-byte serial, not a counter: ${a}`);
});

test('serial numbers are always positive, minimal DER integers (OpenSSL refuses padded ones)', () => {
  for (let i = 0; i < 20_000; i++) {
    const first = randomSerialNumber()[0];
    assert.ok(first >= 0x40 && first <= 0x7f, `first byte ${first.toString(16)}`);
  }
});
