// Reads a recipient's certificate (PEM, base64 or DER) and checks it can receive S/MIME here: RSA (key transport), valid
// now, and, when it names key usages, allowed to encipher keys. Returns it as PEM with what the admin page shows.
import { createHash } from 'node:crypto';
import forge from 'node-forge';

export interface RecipientCertificateInfo {
  pem: string;
  subject: string;
  emails: string[];
  notAfter: Date;
  fingerprint256: string;
}

export class CertificateRejected extends Error {
  name = 'CertificateRejected';
}

export function readRecipientCertificate(bytes: Uint8Array, now: Date): RecipientCertificateInfo {
  const text = Buffer.from(bytes).toString('latin1');
  let cert: forge.pki.Certificate;
  try {
    // PEM, bare base64 (as directories and JSON hand it over) or DER.
    const der = text.includes('-----BEGIN CERTIFICATE-----')
      ? forge.pem.decode(text).find((m) => m.type === 'CERTIFICATE')?.body
      : /^[A-Za-z0-9+/=\s]{64,}$/.test(text)
        ? Buffer.from(text, 'base64').toString('latin1')
        : text;
    if (!der) throw new Error('no certificate');
    cert = forge.pki.certificateFromAsn1(forge.asn1.fromDer(der));
  } catch (err) {
    // forge throws this for any public key it cannot read, which for certificates means "not RSA".
    if (err instanceof Error && /OID is not RSA/i.test(err.message)) throw new CertificateRejected('The certificate\'s key is not RSA: S/MIME here needs an RSA certificate');
    throw new CertificateRejected('Not a certificate: upload an X.509 certificate as PEM (.pem, .crt) or DER (.cer, .der)');
  }
  if (cert.validity.notAfter <= now) throw new CertificateRejected(`The certificate expired on ${cert.validity.notAfter.toISOString().slice(0, 10)}`);
  if (cert.validity.notBefore > now) throw new CertificateRejected('The certificate is not valid yet');
  const keyUsage = cert.getExtension('keyUsage') as { keyEncipherment?: boolean } | null;
  if (keyUsage && !keyUsage.keyEncipherment) throw new CertificateRejected('The certificate may not be used for encryption (its key usage lacks keyEncipherment)');
  const extKeyUsage = cert.getExtension('extKeyUsage') as { emailProtection?: boolean; anyExtendedKeyUsage?: boolean } | null;
  if (extKeyUsage && !extKeyUsage.emailProtection && !extKeyUsage.anyExtendedKeyUsage) {
    throw new CertificateRejected('The certificate is not for email protection (extended key usage)');
  }
  const der = forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes();
  const altNames = (cert.getExtension('subjectAltName') as { altNames?: { type: number; value: string }[] } | null)?.altNames ?? [];
  const emails = [
    ...altNames.filter((n) => n.type === 1).map((n) => n.value),
    ...cert.subject.attributes.filter((a) => a.name === 'emailAddress').map((a) => String(a.value)),
  ].map((e) => e.toLowerCase());
  return {
    pem: forge.pki.certificateToPem(cert).replace(/\r\n/g, '\n'),
    subject: cert.subject.attributes.map((a) => `${a.shortName ?? a.name}=${String(a.value)}`).join(', '),
    emails: [...new Set(emails)],
    notAfter: cert.validity.notAfter,
    fingerprint256: createHash('sha256').update(Buffer.from(der, 'binary')).digest('hex').replace(/(..)(?!$)/g, '$1:').toUpperCase(),
  };
}
