// The record a signature approves, and its sign hash: the organisation's key signs the canonical record, so the
// signature is bound to the exact bytes of every document (by SHA-256) and to who, how and when.
import { createPrivateKey, sign, verify, X509Certificate } from 'node:crypto';
import { canonicalJson } from './canonical-json';

export interface SignRecord {
  v: 1;
  purpose: string;
  processId: string;
  signer: { id: string; email: string; name: string | null; organization?: string; jobTitle?: string; businessId?: string };
  method: string;
  /** Identity claims from the authentication method (e.g. an identity provider's subject); empty for OK button. */
  identity: Record<string, string>;
  /** SHA-256 of the drawn signature (PNG), for handwritten signatures. */
  drawingSha256?: string;
  signedAt: string;
  documents: { id: string; filename: string; sha256: string }[];
}

export function signRecord(record: SignRecord, privateKeyPem: string): { record: string; signHash: string } {
  const text = canonicalJson(record);
  return { record: text, signHash: sign('sha256', Buffer.from(text), createPrivateKey(privateKeyPem)).toString('base64') };
}

export function checkSignHash(record: string, signHash: string, certificatePem: string): boolean {
  try {
    return verify('sha256', Buffer.from(record), new X509Certificate(certificatePem).publicKey, Buffer.from(signHash, 'base64'));
  } catch {
    return false;
  }
}
