import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import { emailApiTls, normalizePem } from './email-api-tls';

test('without a configured certificate a self-signed one for the address is made once; openssl reads it', () => {
  const tls = emailApiTls({ tlsCertificate: '', tlsKey: '', host: '127.0.0.1' });
  assert.equal(tls.selfSigned, true);
  assert.equal(emailApiTls({ tlsCertificate: ' ', tlsKey: '', host: '127.0.0.1' }), tls, 'made once per process');
  const text = execFileSync('openssl', ['x509', '-noout', '-text', '-fingerprint', '-sha256'], { input: tls.cert }).toString();
  assert.match(text, /IP Address:127\.0\.0\.1/);
  assert.match(text, /TLS Web Server Authentication/);
  assert.ok(text.includes(`Fingerprint=${tls.fingerprint}`), 'the fingerprint shown is the certificate\'s');
  // The key belongs to the certificate.
  const certKey = execFileSync('openssl', ['x509', '-noout', '-pubkey'], { input: tls.cert }).toString();
  const keyPub = execFileSync('openssl', ['pkey', '-pubout'], { input: tls.key }).toString();
  assert.equal(certKey, keyPub);
});

test('a PEM whose line breaks were lost (a one-line form field) is rebuilt', () => {
  const { cert } = emailApiTls({ tlsCertificate: '', tlsKey: '', host: '127.0.0.1' });
  assert.equal(normalizePem(cert.replace(/\r?\n/g, '')).trim(), cert.replace(/\r\n/g, '\n').trim());
  assert.equal(normalizePem(cert.replace(/\r?\n/g, ' ')).trim(), cert.replace(/\r\n/g, '\n').trim());
});
