// S/MIME signing (RFC 8551): multipart/signed with a detached application/pkcs7-signature over the entity's exact
// bytes, made with the organisation's sealing key (RSA with SHA-256). Signed first, then encrypted.
import { randomBytes } from 'node:crypto';
import forge from 'node-forge';
import { lines } from './encrypt-smime';

export function signSmime(entity: Buffer, signer: { privateKeyPem: string; certificatePem: string }, signingTime = new Date()): Buffer {
  const p7 = forge.pkcs7.createSignedData();
  const certificate = forge.pki.certificateFromPem(signer.certificatePem);
  p7.content = forge.util.createBuffer(entity.toString('binary'));
  p7.addCertificate(certificate);
  p7.addSigner({
    key: forge.pki.privateKeyFromPem(signer.privateKeyPem),
    certificate,
    digestAlgorithm: forge.pki.oids.sha256,
    authenticatedAttributes: [
      { type: forge.pki.oids.contentType, value: forge.pki.oids.data },
      { type: forge.pki.oids.messageDigest },
      { type: forge.pki.oids.signingTime, value: signingTime as unknown as string },
    ],
  });
  p7.sign({ detached: true });
  const der = Buffer.from(forge.asn1.toDer(p7.toAsn1()).getBytes(), 'binary');
  const boundary = `----=_signed_${randomBytes(12).toString('hex')}`;
  return Buffer.concat([
    Buffer.from(`Content-Type: multipart/signed; protocol="application/pkcs7-signature"; micalg=sha-256;\r\n boundary="${boundary}"\r\n\r\n`),
    Buffer.from(`This is a cryptographically signed message in MIME format.\r\n\r\n--${boundary}\r\n`),
    entity,
    Buffer.from(
      `\r\n--${boundary}\r\n` +
        'Content-Type: application/pkcs7-signature; name="smime.p7s"\r\n' +
        'Content-Transfer-Encoding: base64\r\n' +
        'Content-Disposition: attachment; filename="smime.p7s"\r\n\r\n' +
        `${lines(der.toString('base64'))}\r\n--${boundary}--\r\n`,
    ),
  ]);
}

/** Whether forge can sign with this key (RSA); an ECDSA sealing key cannot sign mail here. */
export function canSignSmime(privateKeyPem: string): boolean {
  try {
    forge.pki.privateKeyFromPem(privateKeyPem);
    return true;
  } catch {
    return false;
  }
}
