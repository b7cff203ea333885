// The organisation's sealing certificate, generated on first start: self-signed, for document signing
// (digitalSignature + nonRepudiation), RSA 3072 or ECDSA P-256 with SHA-256, built with pkijs and signed by
// node:crypto.
import { createHash, generateKeyPairSync, randomBytes, sign as signBytes } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

export type SealAlgorithm = 'rsa-3072' | 'ecdsa-p256';

/** An X.501 name with one attribute per RDN (pkijs would put them all in one multi-valued RDN). */
const name = (commonName: string, organization: string) =>
  pkijs.RelativeDistinguishedNames.fromBER(
    new asn1js.Sequence({
      value: [
        ['2.5.4.10', organization],
        ['2.5.4.3', commonName],
      ].map(
        ([type, value]) =>
          new asn1js.Set({ value: [new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: type }), new asn1js.Utf8String({ value })] })] }),
      ),
    }).toBER(),
  );

export async function createSealCertificate(input: {
  commonName: string;
  organization: string;
  years?: number;
  algorithm?: SealAlgorithm;
}): Promise<{ privateKeyPem: string; certificatePem: string }> {
  const algorithm = input.algorithm ?? 'rsa-3072';
  const { privateKey, publicKey } =
    algorithm === 'rsa-3072'
      ? generateKeyPairSync('rsa', { modulusLength: 3072 })
      : generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const spki = publicKey.export({ type: 'spki', format: 'der' });

  const cert = new pkijs.Certificate();
  cert.version = 2;
  cert.serialNumber = new asn1js.Integer({ valueHex: randomSerialNumber() });
  cert.issuer = name(input.commonName, input.organization);
  cert.subject = name(input.commonName, input.organization);
  const now = new Date();
  cert.notBefore.value = new Date(now.getTime() - 60_000);
  cert.notAfter.value = new Date(now.getTime() + (input.years ?? 10) * 365.25 * 24 * 3600_000);
  cert.subjectPublicKeyInfo = pkijs.PublicKeyInfo.fromBER(new Uint8Array(spki));

  const keyId = createHash('sha1').update(cert.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView).digest();
  // keyUsage bits: digitalSignature (0) and nonRepudiation (1).
  const keyUsage = new asn1js.BitString({ valueHex: new Uint8Array([0xc0]).buffer, unusedBits: 6 });
  cert.extensions = [
    new pkijs.Extension({ extnID: '2.5.29.19', critical: true, extnValue: new pkijs.BasicConstraints({ cA: false }).toSchema().toBER() }),
    new pkijs.Extension({ extnID: '2.5.29.15', critical: true, extnValue: keyUsage.toBER() }),
    new pkijs.Extension({ extnID: '2.5.29.14', extnValue: new asn1js.OctetString({ valueHex: keyId }).toBER() }),
    // Extended key usage: document signing (id-kp-documentSigning, RFC 9336), and email protection, which NSS
    // (poppler, Firefox) requires of a signing certificate that names any extended key usage.
    new pkijs.Extension({
      extnID: '2.5.29.37',
      extnValue: new pkijs.ExtKeyUsage({ keyPurposes: ['1.3.6.1.5.5.7.3.36', '1.3.6.1.5.5.7.3.4'] }).toSchema().toBER(),
    }),
  ];

  const sigAlg =
    algorithm === 'rsa-3072'
      ? new pkijs.AlgorithmIdentifier({ algorithmId: '1.2.840.113549.1.1.11', algorithmParams: new asn1js.Null() })
      : new pkijs.AlgorithmIdentifier({ algorithmId: '1.2.840.10045.4.3.2' });
  cert.signature = sigAlg;
  cert.signatureAlgorithm = sigAlg;
  const tbs = new Uint8Array(cert.encodeTBS().toBER());
  cert.tbsView = tbs;
  cert.signatureValue = new asn1js.BitString({ valueHex: signBytes('sha256', tbs, privateKey) });

  const certDer = Buffer.from(cert.toSchema().toBER());
  const b64 = certDer.toString('base64').replace(/.{64}/g, '$&\n');
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    certificatePem: `-----BEGIN CERTIFICATE-----\n${b64}${b64.endsWith('\n') ? '' : '\n'}-----END CERTIFICATE-----\n`,
  };
}

/** 16 random bytes as a certificate serial: positive (top bit clear) and minimal DER (first byte not zero), since
 *  a leading 0x00 before a byte below 0x80 is "illegal padding" that OpenSSL refuses (1 in 512 serials before). */
export function randomSerialNumber(): Uint8Array {
  const serial = randomBytes(16);
  serial[0] = (serial[0] & 0x3f) | 0x40;
  return serial;
}
