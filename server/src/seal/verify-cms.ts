// Checks one CMS signature of a PDF independently of who made it: the digest of the signed byte ranges against
// the signed message-digest, the signature over the signed attributes with the signer certificate's key, and the
// PAdES baseline attributes (signing-certificate-v2 present, no signing-time).
import { createHash, verify as verifySignature, X509Certificate } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { readTstInfo } from './request-timestamp';

const DIGESTS: Record<string, string> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};
const MESSAGE_DIGEST = '1.2.840.113549.1.9.4';
const SIGNING_TIME = '1.2.840.113549.1.9.5';
const SIGNING_CERTIFICATE_V2 = '1.2.840.113549.1.9.16.2.47';
const SIGNATURE_TIMESTAMP = '1.2.840.113549.1.9.16.2.14';

export interface CmsCheck {
  digestValid: boolean;
  signatureValid: boolean;
  certificate: X509Certificate | null;
  pades: { signingCertificateV2: boolean; noSigningTime: boolean };
  /** The RFC 3161 signature timestamp, when there is one: its time, and whether it stamps this signature. */
  timestamp: { time: string; valid: boolean; authority: string } | null;
  problem?: string;
}

export function verifyCms(input: { cms: Uint8Array; signedParts: Uint8Array[] }): CmsCheck {
  const fail = (problem: string): CmsCheck => ({ digestValid: false, signatureValid: false, certificate: null, pades: { signingCertificateV2: false, noSigningTime: false }, timestamp: null, problem });
  let signed: pkijs.SignedData;
  try {
    const parsed = asn1js.fromBER(input.cms);
    if (parsed.offset === -1) return fail('the signature is not valid CMS');
    signed = new pkijs.SignedData({ schema: new pkijs.ContentInfo({ schema: parsed.result }).content });
  } catch {
    return fail('the signature is not valid CMS');
  }
  const signer = signed.signerInfos[0];
  if (!signer?.signedAttrs) return fail('the signature has no signed attributes');
  const hash = DIGESTS[signer.digestAlgorithm.algorithmId];
  if (!hash) return fail(`unsupported digest algorithm ${signer.digestAlgorithm.algorithmId}`);

  const attrs = signer.signedAttrs.attributes;
  const claimed = attrs.find((a) => a.type === MESSAGE_DIGEST)?.values[0] as asn1js.OctetString | undefined;
  const h = createHash(hash);
  for (const part of input.signedParts) h.update(part);
  const digestValid = !!claimed && Buffer.from(claimed.valueBlock.valueHexView).equals(h.digest());

  const certificate = findSignerCertificate(signed, signer);
  let signatureValid = false;
  if (certificate) {
    try {
      // pkijs keeps the attributes' original encoding, re-tagged as the SET OF the signature covers.
      const covered = new Uint8Array(signer.signedAttrs.encodedValue);
      signatureValid = verifySignature(hash, covered, certificate.publicKey, Buffer.from(signer.signature.valueBlock.valueHexView));
    } catch {
      signatureValid = false;
    }
  }
  return {
    digestValid,
    signatureValid,
    certificate,
    pades: {
      signingCertificateV2: attrs.some((a) => a.type === SIGNING_CERTIFICATE_V2),
      noSigningTime: !attrs.some((a) => a.type === SIGNING_TIME),
    },
    timestamp: checkTimestamp(signer),
    ...(certificate ? {} : { problem: 'the signer certificate is not in the signature' }),
  };
}

function checkTimestamp(signer: pkijs.SignerInfo): CmsCheck['timestamp'] {
  const attr = signer.unsignedAttrs?.attributes.find((a) => a.type === SIGNATURE_TIMESTAMP);
  if (!attr) return null;
  try {
    const tokenDer = new Uint8Array(attr.values[0].toBER());
    const token = new pkijs.ContentInfo({ schema: asn1js.fromBER(tokenDer).result });
    const info = readTstInfo(token);
    const eContent = new pkijs.SignedData({ schema: token.content }).encapContentInfo.eContent!.valueBlock.valueHexView;
    // The token is itself a CMS signature by the authority over its TSTInfo.
    const own = verifyCms({ cms: tokenDer, signedParts: [new Uint8Array(eContent)] });
    const algorithm = DIGESTS[info.messageImprint.hashAlgorithm.algorithmId];
    const stamped = algorithm ? createHash(algorithm).update(signer.signature.valueBlock.valueHexView).digest() : Buffer.alloc(0);
    const imprintValid = Buffer.from(info.messageImprint.hashedMessage.valueBlock.valueHexView).equals(stamped);
    const authority = own.certificate ? (/CN=([^\n]+)/.exec(own.certificate.subject)?.[1] ?? own.certificate.subject) : 'unknown';
    return { time: info.genTime.toISOString(), valid: imprintValid && own.digestValid && own.signatureValid, authority };
  } catch {
    return { time: '', valid: false, authority: 'unknown' };
  }
}

function findSignerCertificate(signed: pkijs.SignedData, signer: pkijs.SignerInfo): X509Certificate | null {
  const certs = (signed.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate);
  const sid = signer.sid;
  const match =
    sid instanceof pkijs.IssuerAndSerialNumber
      ? certs.find((c) => c.issuer.isEqual(sid.issuer) && c.serialNumber.isEqual(sid.serialNumber))
      : certs[0];
  return match ? new X509Certificate(Buffer.from(match.toSchema().toBER())) : null;
}
