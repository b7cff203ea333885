// How the sync's app proves itself to Entra ID: the client secret, or else a certificate and its private key (MSAL
// signs a client assertion with the key; Entra checks it against the certificate uploaded to the app
// registration). PEM pasted into a one-line field loses its line breaks: it is rewrapped here.
import { X509Certificate } from 'node:crypto';
import type { Settings } from '@secure-signature/shared';
import { DirectoryError } from './directory-error';

export type EntraCredentials = { clientSecret: string } | { clientCertificate: { thumbprintSha256: string; privateKey: string; x5c: string } };

export function entraCredentials(sync: Settings['entraSync']): EntraCredentials {
  if (sync.clientSecret) return { clientSecret: sync.clientSecret };
  if (sync.clientCertificate.length === 0 || !sync.clientCertificateKey) throw new DirectoryError('Set the client secret, or a client certificate and its private key');
  const certificatePem = rewrapPem(sync.clientCertificate.join('\n'), 'CERTIFICATE');
  const privateKey = rewrapPem(sync.clientCertificateKey, 'PRIVATE KEY');
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(certificatePem);
  } catch {
    throw new DirectoryError('The client certificate is not a PEM certificate');
  }
  return { clientCertificate: { thumbprintSha256: certificate.fingerprint256.replace(/:/g, '').toLowerCase(), privateKey, x5c: certificatePem } };
}

function rewrapPem(text: string, label: string): string {
  const m = new RegExp(`-----BEGIN ${label}-----([\\s\\S]*?)-----END ${label}-----`).exec(text);
  if (!m) throw new DirectoryError(`Expected a PEM "${label}" (-----BEGIN ${label}-----)`);
  const body = m[1].replace(/\s+/g, '');
  return `-----BEGIN ${label}-----\n${body.match(/.{1,64}/g)?.join('\n') ?? ''}\n-----END ${label}-----\n`;
}
