// S/MIME encryption (RFC 8551): the entity enveloped for the recipient's certificate with AES-256-CBC and RSA key
// transport (the combination every mail client reads), as an application/pkcs7-mime entity to put under the
// message's headers.
import forge from 'node-forge';

export function encryptSmime(entity: Buffer, recipientCertificatePem: string): Buffer {
  const p7 = forge.pkcs7.createEnvelopedData();
  p7.addRecipient(forge.pki.certificateFromPem(recipientCertificatePem));
  p7.content = forge.util.createBuffer(entity.toString('binary'));
  p7.encrypt(undefined, forge.pki.oids['aes256-CBC']);
  const der = Buffer.from(forge.asn1.toDer(p7.toAsn1()).getBytes(), 'binary');
  return Buffer.from(
    'Content-Type: application/pkcs7-mime; smime-type=enveloped-data; name="smime.p7m"\r\n' +
      'Content-Transfer-Encoding: base64\r\n' +
      'Content-Disposition: attachment; filename="smime.p7m"\r\n' +
      'Content-Description: S/MIME Encrypted Message\r\n\r\n' +
      `${lines(der.toString('base64'))}\r\n`,
  );
}

export const lines = (b64: string) => b64.replace(/.{1,76}/g, '$&\r\n').trimEnd();
