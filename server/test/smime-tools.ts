// Test tools for S/MIME: recipient certificates made by openssl, and openssl (cms, smime) as the independent
// reader of what our server sends.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const dir = mkdtempSync(path.join(tmpdir(), 'ss-smime-'));
let n = 0;

export interface TestCertificate {
  certPem: string;
  keyPath: string;
  certPath: string;
}

/** A self-signed certificate for `email` (RSA, for email protection, valid 30 days) with its key, by openssl. */
export function makeRecipientCertificate(email: string, opts: { key?: 'rsa' | 'ec'; signOnly?: boolean } = {}): TestCertificate {
  const base = path.join(dir, `r${++n}`);
  const keyArgs = opts.key === 'ec' ? ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256'] : ['-newkey', 'rsa:2048'];
  execFileSync('openssl', [
    'req', '-x509', ...keyArgs, '-nodes', '-keyout', `${base}.key`, '-out', `${base}.crt`, '-days', '30',
    '-subj', `/CN=${email.split('@')[0]}`,
    '-addext', `subjectAltName=email:${email}`,
    '-addext', `keyUsage=${opts.signOnly ? 'digitalSignature' : 'digitalSignature,keyEncipherment'}`,
    '-addext', 'extendedKeyUsage=emailProtection',
  ], { stdio: 'pipe' });
  return { certPem: readFileSync(`${base}.crt`, 'utf8'), keyPath: `${base}.key`, certPath: `${base}.crt` };
}

/** The DER form of a PEM certificate, as some clients export it (.cer). */
export function derOf(cert: TestCertificate): Buffer {
  return execFileSync('openssl', ['x509', '-in', cert.certPath, '-outform', 'DER']);
}

/** Decrypts a whole message with `openssl cms -decrypt`; throws when openssl cannot. */
export function opensslDecrypt(message: Buffer, recipient: TestCertificate): Buffer {
  const file = path.join(dir, `m${++n}.eml`);
  writeFileSync(file, message);
  return execFileSync('openssl', ['cms', '-decrypt', '-in', file, '-recip', recipient.certPath, '-inkey', recipient.keyPath], { stdio: 'pipe' });
}

/** Verifies a multipart/signed entity against `caPem` with `openssl cms -verify` and `openssl smime -verify`;
 *  returns the signed content. Throws when either refuses. */
export function opensslVerify(signed: Buffer, caPem: string): Buffer {
  const file = path.join(dir, `s${++n}.eml`);
  const ca = path.join(dir, `ca${n}.pem`);
  writeFileSync(file, signed);
  writeFileSync(ca, caPem);
  // The sealing certificate is for document signing, not email: -purpose any checks the chain and signature only.
  execFileSync('openssl', ['smime', '-verify', '-in', file, '-CAfile', ca, '-purpose', 'any', '-out', '/dev/null'], { stdio: 'pipe' });
  return execFileSync('openssl', ['cms', '-verify', '-in', file, '-CAfile', ca, '-purpose', 'any'], { stdio: 'pipe' });
}
