// S/MIME building blocks checked by openssl: an entity signed with an RSA key and then encrypted for a recipient
// decrypts and verifies, byte for byte, even with bare LFs in its text; certificates that cannot receive
// encrypted mail are refused with a reason.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { simpleParser } from 'mailparser';
import { makeRecipientCertificate, opensslDecrypt, opensslVerify } from '../../test/smime-tools';
import { composeEntity, wrapEntity } from './compose-mime';
import { encryptSmime } from './encrypt-smime';
import { CertificateRejected, readRecipientCertificate } from './read-recipient-certificate';
import { signSmime } from './sign-smime';
import { readFileSync } from 'node:fs';

test('signed then encrypted: openssl decrypts, verifies and yields the same attachment', async () => {
  const recipient = makeRecipientCertificate('rita@partner.test');
  const signer = makeRecipientCertificate('seal@org.test');
  const pdf = Buffer.from('%PDF-1.7\n' + 'x'.repeat(5000));
  const entity = await composeEntity({ text: 'line one\nline two\n', html: '<p>one</p>\n<p>two</p>', attachments: [{ filename: 'deal-signed.pdf', content: pdf, contentType: 'application/pdf' }] });
  const signed = signSmime(entity, { privateKeyPem: readFileSync(signer.keyPath, 'utf8'), certificatePem: signer.certPem });
  const message = await wrapEntity({ messageId: '<m1@sign.test>', from: 'sign@org.test', to: 'rita@partner.test', subject: 'Signed: Déal' }, encryptSmime(signed, recipient.certPem));
  const head = message.toString('latin1').split('\r\n\r\n')[0];
  assert.match(head, /^Subject: =\?UTF-8\?Q\?Signed=3A_D=C3=A9al\?=$/m, 'non-ASCII subjects encoded (RFC 2047)');
  assert.match(head, /^Content-Type: application\/pkcs7-mime; smime-type=enveloped-data/m);

  const inner = await simpleParser(opensslVerify(opensslDecrypt(message, recipient), signer.certPem));
  assert.deepEqual(inner.attachments[0].content, pdf);
  assert.match(inner.text ?? '', /line one\nline two/);
  assert.throws(() => opensslDecrypt(message, makeRecipientCertificate('rita@partner.test')), 'another key cannot decrypt');
});

test('recipient certificates: RSA for encryption accepted (emails read), others refused with the reason', () => {
  const now = new Date(Date.now() + 5000); // certificates made just now are valid from this second on
  const ok = readRecipientCertificate(Buffer.from(makeRecipientCertificate('Mixed.Case@Partner.test').certPem), now);
  assert.deepEqual(ok.emails, ['mixed.case@partner.test']);
  const b64 = ok.pem.replace(/-----[A-Z ]+-----|\s/g, '');
  assert.equal(readRecipientCertificate(Buffer.from(b64), now).fingerprint256, ok.fingerprint256, 'bare base64 (a directory value) is read too');
  assert.match(ok.fingerprint256, /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
  const refused = (bytes: Buffer | string, reason: RegExp) =>
    assert.throws(() => readRecipientCertificate(Buffer.from(bytes), now), (e: unknown) => e instanceof CertificateRejected && reason.test(e.message));
  refused(makeRecipientCertificate('ec@partner.test', { key: 'ec' }).certPem, /not RSA/);
  refused(makeRecipientCertificate('so@partner.test', { signOnly: true }).certPem, /keyEncipherment/);
  refused('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n', /Not a certificate/);
  const later = makeRecipientCertificate('late@partner.test').certPem;
  assert.throws(() => readRecipientCertificate(Buffer.from(later), new Date(Date.now() + 40 * 86_400_000)), /expired on/);
});
