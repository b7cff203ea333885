// The record a signature approves, and its sign hash: the organisation's key signs the canonical record, so the
// signature is bound to the exact bytes of every document (by SHA-256) and to who, how and when. A user the admin
// gave their own key signs with it instead (RSA, ECDSA or legacy DSA: node:crypto signs each with SHA-256).
import { createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';
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
  /** With signature blocks: the block this signature is, and the message fields it covers with their text. */
  block?: { id: string; position: number; label: string };
  fields?: { title?: string; message?: string };
}

export function signRecord(record: SignRecord, privateKeyPem: string): { record: string; signHash: string } {
  const text = canonicalJson(record);
  return { record: text, signHash: sign('sha256', Buffer.from(text), createPrivateKey(privateKeyPem)).toString('base64') };
}

/** Checks a sign hash with the certificate or public key (PEM) of the key that made it. */
export function checkSignHash(record: string, signHash: string, publicPem: string): boolean {
  try {
    return verify('sha256', Buffer.from(record), createPublicKey(publicPem), Buffer.from(signHash, 'base64'));
  } catch {
    return false;
  }
}
