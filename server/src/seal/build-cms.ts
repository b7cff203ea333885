// The CMS SignedData of a PAdES B-B signature: detached, SHA-256, signed attributes content-type, message-digest
// and ESS signing-certificate-v2, and no signing-time (PAdES puts the time in the signature dictionary's /M).
// pkijs builds the structures; node:crypto hashes and signs natively.
import { createHash, createPrivateKey, sign as signBytes, X509Certificate, type KeyObject } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  signatureTimeStampToken: '1.2.840.113549.1.9.16.2.14',
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  dsaWithSha256: '2.16.840.1.101.3.4.3.2',
};

export interface SealKeyMaterial {
  privateKeyPem: string;
  certificatePem: string;
  /** Intermediate certificates, issuer first, to embed for validators. */
  chainPem?: string[];
}

const der = (pem: string) => new Uint8Array(new X509Certificate(pem).raw);
const toBuffer = (view: ArrayBuffer) => new Uint8Array(view);

/** Gets an RFC 3161 token over the signature value; with one, the seal is PAdES B-T. */
export type Timestamper = (signatureValue: Uint8Array) => Promise<Uint8Array>;

export async function buildCms(input: { digest: Uint8Array; key: SealKeyMaterial; timestamp?: Timestamper }): Promise<Uint8Array> {
  const { cert, chain, privateKey, signingCertificateV2 } = prepared(input.key);
  // RSA, ECDSA, or DSA (accepted for legacy organisation keys): node signs each, ECDSA and DSA as DER (r, s).
  const keyType = privateKey.asymmetricKeyType;

  const signedAttrs = new pkijs.SignedAndUnsignedAttributes({
    type: 0,
    attributes: [
      new pkijs.Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: OID.data })] }),
      new pkijs.Attribute({ type: OID.messageDigest, values: [new asn1js.OctetString({ valueHex: input.digest })] }),
      new pkijs.Attribute({ type: OID.signingCertificateV2, values: [signingCertificateV2] }),
    ],
  });
  // The signature covers the DER of the attributes as a SET OF (tag 0x31), not as the [0] they are stored under.
  const attrsForSigning = new asn1js.Set({ value: signedAttrs.attributes.map((a) => a.toSchema()) }).toBER();
  const signature = signBytes('sha256', new Uint8Array(attrsForSigning), privateKey);

  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({ issuer: cert.issuer, serialNumber: cert.serialNumber }),
    digestAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 }),
    signedAttrs,
    signatureAlgorithm:
      keyType === 'ec'
        ? new pkijs.AlgorithmIdentifier({ algorithmId: OID.ecdsaWithSha256 })
        : keyType === 'dsa'
          ? new pkijs.AlgorithmIdentifier({ algorithmId: OID.dsaWithSha256 })
          : new pkijs.AlgorithmIdentifier({ algorithmId: OID.rsaEncryption, algorithmParams: new asn1js.Null() }),
    signature: new asn1js.OctetString({ valueHex: signature }),
  });
  if (input.timestamp) {
    const token = await input.timestamp(new Uint8Array(signature));
    signerInfo.unsignedAttrs = new pkijs.SignedAndUnsignedAttributes({
      type: 1,
      attributes: [new pkijs.Attribute({ type: OID.signatureTimeStampToken, values: [asn1js.fromBER(token).result] })],
    });
  }

  const signedData = new pkijs.SignedData({
    version: 1,
    digestAlgorithms: [new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 })],
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
    certificates: [cert, ...chain],
    signerInfos: [signerInfo],
  });
  const contentInfo = new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) });
  return toBuffer(contentInfo.toSchema().toBER());
}

interface PreparedKey {
  cert: pkijs.Certificate;
  chain: pkijs.Certificate[];
  privateKey: KeyObject;
  signingCertificateV2: asn1js.Sequence;
}

// Parsing the certificate and key costs more than signing; a server seals with the same key all day.
const preparedKeys = new Map<string, PreparedKey>();

function prepared(key: SealKeyMaterial): PreparedKey {
  const cacheKey = key.certificatePem + key.privateKeyPem + (key.chainPem ?? []).join('');
  let p = preparedKeys.get(cacheKey);
  if (p) return p;
  const certDer = der(key.certificatePem);
  const cert = pkijs.Certificate.fromBER(certDer);
  const signingCertificateV2 = new asn1js.Sequence({
    value: [
      new asn1js.Sequence({
        value: [
          new asn1js.Sequence({
            // hashAlgorithm is omitted: SHA-256 is its default.
            value: [
              new asn1js.OctetString({ valueHex: createHash('sha256').update(certDer).digest() }),
              new asn1js.Sequence({
                value: [
                  new asn1js.Sequence({
                    value: [new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 4 }, value: [cert.issuer.toSchema()] })],
                  }),
                  cert.serialNumber,
                ],
              }),
            ],
          }),
        ],
      }),
    ],
  });

  p = {
    cert,
    chain: (key.chainPem ?? []).map((pem) => pkijs.Certificate.fromBER(der(pem))),
    privateKey: createPrivateKey(key.privateKeyPem),
    signingCertificateV2,
  };
  if (preparedKeys.size > 16) preparedKeys.clear();
  preparedKeys.set(cacheKey, p);
  return p;
}
