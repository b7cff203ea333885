// Validation data for PAdES B-LT: the certificates from the seal up to its root, and for each certificate that names
// a way to check it, a fresh OCSP response (preferred) or CRL saying it is not revoked. Everything is checked before
// it is embedded: a revoked seal, a response for another certificate or an unreachable responder fail the sealing
// loudly (the job is retried), rather than producing a file that claims long-term validity it does not have.
// OCSP responses and CRLs must be signed by the issuer (pkijs verifies with WebCrypto).
import { createHash, X509Certificate } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

const OID = {
  authorityInfoAccess: '1.3.6.1.5.5.7.1.1',
  ocsp: '1.3.6.1.5.5.7.48.1',
  crlDistributionPoints: '2.5.29.31',
  sha1: '1.3.14.3.2.26',
  basicOcspResponse: '1.3.6.1.5.5.7.48.1.1',
};

export interface ValidationData {
  /** DER certificates: the chain (without the seal itself, which the CMS carries) and the timestamp authority's. */
  certs: Uint8Array[];
  ocsps: Uint8Array[];
  crls: Uint8Array[];
}

export class ValidationDataError extends Error {}

type Fetcher = (url: string, init: { method: string; headers?: Record<string, string>; body?: Uint8Array }) => Promise<Uint8Array>;

const defaultFetch =
  (timeoutMs: number): Fetcher =>
  async (url, init) => {
    const res = await fetch(url, { ...init, body: init.body as Uint8Array<ArrayBuffer> | undefined, signal: AbortSignal.timeout(timeoutMs) });
    if (!res.ok) throw new ValidationDataError(`${url}: HTTP ${res.status}`);
    return new Uint8Array(await res.arrayBuffer());
  };

/** Whether a seal certificate asks for B-LT: it was issued by a CA we have, or names a revocation service. */
export function wantsValidationData(certificatePem: string, chainPem: string[]): boolean {
  const leaf = new X509Certificate(certificatePem);
  return chainPem.length > 0 || (leaf.subject !== leaf.issuer && revocationUrls(leaf).length > 0);
}

export async function collectValidationData(input: {
  certificatePem: string;
  chainPem: string[];
  /** Certificates of the timestamp token, if any: stored too, so its signature can be checked later. */
  extraCertificates?: Uint8Array[];
  at: Date;
  fetch?: Fetcher;
}): Promise<ValidationData> {
  const fetcher = input.fetch ?? defaultFetch(15_000);
  const chain = [new X509Certificate(input.certificatePem), ...input.chainPem.map((p) => new X509Certificate(p))];
  const data: ValidationData = { certs: [], ocsps: [], crls: [] };
  const seen = new Set<string>();
  const addCert = (raw: Uint8Array) => {
    const key = createHash('sha256').update(raw).digest('hex');
    if (!seen.has(key)) {
      seen.add(key);
      data.certs.push(raw);
    }
  };
  chain.slice(1).forEach((c) => addCert(new Uint8Array(c.raw)));
  for (const raw of input.extraCertificates ?? []) addCert(raw);

  for (let i = 0; i < chain.length; i++) {
    const cert = chain[i];
    if (cert.subject === cert.issuer && cert.verify(cert.publicKey)) continue; // a root vouches for itself
    const issuer = chain[i + 1];
    if (!issuer) throw new ValidationDataError(`the issuer of ${cert.subject.replace(/\n/g, ', ')} is not in the key file's chain`);
    const { ocsp, crl } = revocationServices(cert);
    if (ocsp) data.ocsps.push(await fetchOcsp(fetcher, ocsp, cert, chain.slice(i + 1), input.at));
    else if (crl) data.crls.push(await fetchCrl(fetcher, crl, cert, issuer, input.at));
    else throw new ValidationDataError(`${cert.subject.replace(/\n/g, ', ')} names no OCSP responder or CRL`);
  }
  return data;
}

function parsed(cert: X509Certificate): pkijs.Certificate {
  return pkijs.Certificate.fromBER(new Uint8Array(cert.raw));
}

function revocationServices(cert: X509Certificate): { ocsp?: string; crl?: string } {
  const c = parsed(cert);
  let ocsp: string | undefined;
  let crl: string | undefined;
  for (const ext of c.extensions ?? []) {
    if (ext.extnID === OID.authorityInfoAccess) {
      const aia = new pkijs.InfoAccess({ schema: asn1js.fromBER(ext.extnValue.valueBlock.valueHexView).result });
      ocsp ??= aia.accessDescriptions.find((d) => d.accessMethod === OID.ocsp && d.accessLocation.type === 6)?.accessLocation.value;
    }
    if (ext.extnID === OID.crlDistributionPoints) {
      const dps = new pkijs.CRLDistributionPoints({ schema: asn1js.fromBER(ext.extnValue.valueBlock.valueHexView).result });
      for (const dp of dps.distributionPoints) {
        const names = Array.isArray(dp.distributionPoint) ? dp.distributionPoint : [];
        crl ??= names.find((n) => n.type === 6 && /^https?:/i.test(n.value))?.value;
      }
    }
  }
  return { ocsp, crl };
}

function revocationUrls(cert: X509Certificate): string[] {
  const { ocsp, crl } = revocationServices(cert);
  return [ocsp, crl].filter((u): u is string => !!u);
}

/** CertID with SHA-1 (what every responder accepts): hashes of the issuer's name and public key, and the serial. */
function certId(cert: X509Certificate, issuer: X509Certificate): pkijs.CertID {
  const c = parsed(cert);
  const i = parsed(issuer);
  return new pkijs.CertID({
    hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha1, algorithmParams: new asn1js.Null() }),
    issuerNameHash: new asn1js.OctetString({ valueHex: createHash('sha1').update(new Uint8Array(i.subject.toSchema().toBER())).digest() }),
    issuerKeyHash: new asn1js.OctetString({ valueHex: createHash('sha1').update(i.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView).digest() }),
    serialNumber: c.serialNumber,
  });
}

async function fetchOcsp(fetcher: Fetcher, url: string, cert: X509Certificate, issuers: X509Certificate[], at: Date): Promise<Uint8Array> {
  const issuer = issuers[0];
  const id = certId(cert, issuer);
  const request = new pkijs.OCSPRequest();
  request.tbsRequest.requestList = [new pkijs.Request({ reqCert: id })];
  const body = await fetcher(url, { method: 'POST', headers: { 'Content-Type': 'application/ocsp-request' }, body: new Uint8Array(request.toSchema(true).toBER()) }).catch(
    (err: Error) => {
      throw new ValidationDataError(`the OCSP responder ${url} did not answer: ${err.message}`);
    },
  );
  let response: pkijs.OCSPResponse;
  try {
    response = pkijs.OCSPResponse.fromBER(body as Uint8Array<ArrayBuffer>);
  } catch {
    throw new ValidationDataError(`the OCSP responder ${url} sent something that is not an OCSP response`);
  }
  if (response.responseStatus.valueBlock.valueDec !== 0 || !response.responseBytes || response.responseBytes.responseType !== OID.basicOcspResponse) {
    throw new ValidationDataError(`the OCSP responder ${url} refused (status ${response.responseStatus.valueBlock.valueDec})`);
  }
  const basic = pkijs.BasicOCSPResponse.fromBER(response.responseBytes.response.valueBlock.valueHexView as Uint8Array<ArrayBuffer>);
  // Signed by the issuer itself or by a responder certificate it issued (carried in the response); pkijs checks
  // the signer's chain up to the root, so it gets the issuer and everything above it.
  if (!(await basic.verify({ trustedCerts: issuers.map(parsed) }).catch(() => false))) {
    throw new ValidationDataError(`the OCSP response from ${url} is not signed by the issuer of the certificate`);
  }
  const answer = basic.tbsResponseData.responses.find((r) => r.certID.isEqual(id));
  if (!answer) throw new ValidationDataError(`the OCSP responder ${url} answered about another certificate`);
  const status = answer.certStatus as { idBlock?: { tagNumber: number } };
  const tag = status.idBlock?.tagNumber;
  if (tag === 1) throw new ValidationDataError(`the certificate ${cert.subject.replace(/\n/g, ', ')} is revoked (OCSP)`);
  if (tag !== 0) throw new ValidationDataError(`the OCSP responder ${url} does not know the certificate`);
  if (answer.nextUpdate && answer.nextUpdate < at) throw new ValidationDataError(`the OCSP response from ${url} is out of date`);
  return body;
}

async function fetchCrl(fetcher: Fetcher, url: string, cert: X509Certificate, issuer: X509Certificate, at: Date): Promise<Uint8Array> {
  const body = await fetcher(url, { method: 'GET' }).catch((err: Error) => {
    throw new ValidationDataError(`the CRL at ${url} could not be fetched: ${err.message}`);
  });
  let crl: pkijs.CertificateRevocationList;
  try {
    crl = pkijs.CertificateRevocationList.fromBER(body as Uint8Array<ArrayBuffer>);
  } catch {
    throw new ValidationDataError(`${url} is not a CRL`);
  }
  const issuerDer = Buffer.from(parsed(issuer).subject.toSchema().toBER());
  if (!issuerDer.equals(Buffer.from(crl.issuer.toSchema().toBER()))) throw new ValidationDataError(`the CRL at ${url} is from another CA`);
  if (!(await crl.verify({ issuerCertificate: parsed(issuer) }).catch(() => false))) throw new ValidationDataError(`the CRL at ${url} is not signed by its CA`);
  if (crl.nextUpdate && crl.nextUpdate.value < at) throw new ValidationDataError(`the CRL at ${url} is out of date`);
  const serial = Buffer.from(parsed(cert).serialNumber.valueBlock.valueHexView);
  if ((crl.revokedCertificates ?? []).some((r) => Buffer.from(r.userCertificate.valueBlock.valueHexView).equals(serial))) {
    throw new ValidationDataError(`the certificate ${cert.subject.replace(/\n/g, ', ')} is revoked (CRL)`);
  }
  return body;
}
