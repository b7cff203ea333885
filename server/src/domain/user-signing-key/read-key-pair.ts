// Reads a key pair an admin gives a user for signing: a private key (PEM: PKCS#8, PKCS#1 or SEC1), and the public
// key or certificate it belongs to. They must be one pair: the public half is derived from the private key and
// compared, and a test signature is checked with what was given. RSA (2048 bits or more) and ECDSA (P-256, P-384,
// P-521) are accepted, and DSA for legacy keys.
import { createHash, createPrivateKey, createPublicKey, randomBytes, sign, verify, X509Certificate, type KeyObject } from 'node:crypto';
import { invalidInput } from '../errors';

export interface KeyPair {
  algorithm: 'rsa' | 'ec' | 'dsa';
  privateKeyPem: string;
  publicKeyPem: string;
  certificatePem: string | null;
  /** SHA-256 of the public key (SPKI DER), hex: how admins tell keys apart. */
  fingerprint: string;
}

const CURVES = new Set(['prime256v1', 'secp384r1', 'secp521r1']);

export function readKeyPair(input: { privateKeyPem: string; publicPem: string }): KeyPair {
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey({ key: input.privateKeyPem.trim(), format: 'pem' });
  } catch (err) {
    const encrypted = /ENCRYPTED/.test(input.privateKeyPem) || /passphrase/i.test(String(err));
    throw invalidInput(encrypted ? 'The private key is encrypted: give it without a password' : 'The private key is not a PEM private key', 'privateKey');
  }
  const algorithm = privateKey.asymmetricKeyType;
  const details = privateKey.asymmetricKeyDetails ?? {};
  if (algorithm === 'rsa') {
    if ((details.modulusLength ?? 0) < 2048) throw invalidInput('RSA keys need at least 2048 bits', 'privateKey');
  } else if (algorithm === 'ec') {
    if (!CURVES.has(details.namedCurve ?? '')) throw invalidInput('ECDSA keys must be on P-256, P-384 or P-521', 'privateKey');
  } else if (algorithm !== 'dsa') {
    throw invalidInput(`Keys of type ${algorithm} are not supported: use RSA, ECDSA or (legacy) DSA`, 'privateKey');
  }

  const given = input.publicPem.trim();
  if (!given) throw invalidInput('Give the public key or the certificate of this private key', 'publicKey');
  let publicKey: KeyObject;
  let certificatePem: string | null = null;
  try {
    if (/BEGIN CERTIFICATE/.test(given)) {
      const certificate = new X509Certificate(given);
      publicKey = certificate.publicKey;
      certificatePem = certificate.toString();
    } else publicKey = createPublicKey({ key: given, format: 'pem' });
  } catch {
    throw invalidInput('The public key is neither a PEM public key nor a PEM certificate', 'publicKey');
  }

  const derived = createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  const challenge = randomBytes(32);
  if (!derived.equals(spki) || !verify('sha256', challenge, publicKey, sign('sha256', challenge, privateKey))) {
    throw invalidInput('The public key or certificate does not belong to this private key', 'publicKey');
  }
  return {
    algorithm,
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    certificatePem,
    fingerprint: createHash('sha256').update(spki).digest('hex'),
  };
}
