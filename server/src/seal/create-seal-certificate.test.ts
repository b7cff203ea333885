import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { test } from 'node:test';
import { createSealCertificate } from './create-seal-certificate';

for (const algorithm of ['rsa-3072', 'ecdsa-p256'] as const) {
  test(`${algorithm}: a self-signed document-signing certificate for the organisation`, async () => {
    const { certificatePem, privateKeyPem } = await createSealCertificate({ commonName: 'Acme seal', organization: 'Acme Öy', algorithm });
    const cert = new X509Certificate(certificatePem);
    assert.equal(cert.subject, 'O=Acme Öy\nCN=Acme seal');
    assert.equal(cert.issuer, cert.subject);
    assert.ok(cert.verify(cert.publicKey), 'self-signed');
    assert.ok(cert.checkPrivateKey(createPrivateKeyOf(privateKeyPem)));
    assert.deepEqual(cert.keyUsage, ['1.3.6.1.5.5.7.3.36', '1.3.6.1.5.5.7.3.4']);
    assert.equal(cert.publicKey.asymmetricKeyType, algorithm === 'rsa-3072' ? 'rsa' : 'ec');
    if (algorithm === 'rsa-3072') assert.equal(cert.publicKey.asymmetricKeyDetails?.modulusLength, 3072);
    assert.ok(new Date(cert.validTo).getFullYear() >= new Date().getFullYear() + 9);
  });
}

import { createPrivateKey } from 'node:crypto';
const createPrivateKeyOf = (pem: string) => createPrivateKey(pem);
