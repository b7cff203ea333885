// The Email API's TLS certificate for STARTTLS: the admin's PEM pair, or, when none is configured, a self-signed
// certificate made once per server process and address (RSA 2048 by node:crypto, the certificate by node-forge), so STARTTLS is
// always offered. Its SHA-256 fingerprint is logged and shown on the admin page, so a sending MTA can pin it.
import { generateKeyPairSync, randomBytes, X509Certificate } from 'node:crypto';
import forge from 'node-forge';

export interface EmailApiTls {
  cert: string;
  key: string;
  selfSigned: boolean;
  fingerprint: string;
}

/** A PEM block whose line breaks were lost (e.g. pasted into a one-line field) is rebuilt. */
export function normalizePem(pem: string): string {
  return pem.replace(/-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g, (_m, label: string, body: string) => {
    const b64 = body.replace(/\s+/g, '');
    return `-----BEGIN ${label}-----\n${b64.match(/.{1,64}/g)?.join('\n') ?? ''}\n-----END ${label}-----`;
  });
}

const fingerprintOf = (certPem: string) => new X509Certificate(certPem).fingerprint256;

const selfSigned = new Map<string, EmailApiTls>();

function makeSelfSigned(host: string): EmailApiTls {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const keyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString());
  cert.serialNumber = `01${randomBytes(15).toString('hex')}`;
  cert.validity.notBefore = new Date(Date.now() - 3_600_000);
  cert.validity.notAfter = new Date(Date.now() + 5 * 365 * 86_400_000);
  const name = [{ name: 'commonName', value: host === '0.0.0.0' || host === '::' ? 'secure-signature-email-api' : host }];
  cert.setSubject(name);
  cert.setIssuer(name);
  const ip = /^[0-9.]+$|:/.test(host) && host !== '0.0.0.0' && host !== '::';
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
    { name: 'extKeyUsage', serverAuth: true },
    { name: 'subjectAltName', altNames: [ip ? { type: 7, ip: host } : { type: 2, value: name[0].value }, { type: 2, value: 'localhost' }] },
  ]);
  cert.sign(forge.pki.privateKeyFromPem(keyPem), forge.md.sha256.create());
  const certPem = forge.pki.certificateToPem(cert);
  return { cert: certPem, key: keyPem, selfSigned: true, fingerprint: fingerprintOf(certPem) };
}

export function emailApiTls(settings: { tlsCertificate: string; tlsKey: string; host: string }): EmailApiTls {
  if (settings.tlsCertificate.trim() && settings.tlsKey.trim()) {
    const cert = normalizePem(settings.tlsCertificate);
    return { cert, key: normalizePem(settings.tlsKey), selfSigned: false, fingerprint: fingerprintOf(cert) };
  }
  // Made once per listen address (it names the address), so restarts keep the fingerprint senders may have pinned.
  if (!selfSigned.has(settings.host)) selfSigned.set(settings.host, makeSelfSigned(settings.host));
  return selfSigned.get(settings.host)!;
}
