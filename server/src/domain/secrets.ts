// Secrets derived from the one server secret: signing-link tokens (never stored, only their hashes) and the
// key that encrypts the sealing key at rest. The secret comes from SERVER_SECRET or a file under DATA_DIR.
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface Secrets {
  /** The link token of a signer: 256 bits, derived, so the database holds only its hash. */
  signerToken(signerId: string): string;
  /** The keyed hash that chains audit events: without the server secret, a forged chain does not verify. */
  auditMac(data: string): string;
  /** The SMS PIN of a PIN order, derived from its id: never stored, rendered when the SMS is sent. */
  pinCode(pinId: string, characters: PinCharacters, length: number): string;
  /** A keyed hash for short-lived values this server issues and checks itself (the PIN session cookie). */
  mac(purpose: string, data: string): string;
  encrypt(plain: string): string;
  decrypt(sealed: string): string;
}

export type PinCharacters = 'digits' | 'letters' | 'digits_and_letters';
// Upper case without I and O; with digits also without 0 and 1, so nothing can be misread.
const PIN_ALPHABETS: Record<PinCharacters, string> = {
  digits: '0123456789',
  letters: 'ABCDEFGHJKLMNPQRSTUVWXYZ',
  digits_and_letters: '23456789ABCDEFGHJKLMNPQRSTUVWXYZ',
};

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function createSecrets(secret: string): Secrets {
  const macKey = createHmac('sha256', secret).update('signer-link').digest();
  const encKey = createHmac('sha256', secret).update('at-rest-encryption').digest();
  const auditKey = createHmac('sha256', secret).update('audit-chain').digest();
  const pinKey = createHmac('sha256', secret).update('sms-pin').digest();
  const macKey2 = createHmac('sha256', secret).update('issued-values').digest();
  return {
    signerToken: (signerId) => createHmac('sha256', macKey).update(signerId).digest('base64url'),
    auditMac: (data) => createHmac('sha256', auditKey).update(data).digest('hex'),
    pinCode(pinId, characters, length) {
      const alphabet = PIN_ALPHABETS[characters];
      // Rejection sampling over an HMAC stream: every character equally likely.
      const limit = 256 - (256 % alphabet.length);
      let out = '';
      for (let block = 0; out.length < length; block++) {
        for (const byte of createHmac('sha256', pinKey).update(`${pinId}:${block}`).digest()) {
          if (byte < limit && out.length < length) out += alphabet[byte % alphabet.length];
        }
      }
      return out;
    },
    mac: (purpose, data) => createHmac('sha256', macKey2).update(`${purpose}\n${data}`).digest('base64url'),
    encrypt(plain) {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', encKey, iv);
      const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return ['v1', iv.toString('base64'), c.getAuthTag().toString('base64'), body.toString('base64')].join(':');
    },
    decrypt(sealed) {
      const [v, iv, tag, body] = sealed.split(':');
      if (v !== 'v1' || !iv || !tag || !body) throw new Error('unknown encrypted value format');
      const d = createDecipheriv('aes-256-gcm', encKey, Buffer.from(iv, 'base64'));
      d.setAuthTag(Buffer.from(tag, 'base64'));
      return Buffer.concat([d.update(Buffer.from(body, 'base64')), d.final()]).toString('utf8');
    },
  };
}

/** SERVER_SECRET when configured; otherwise one generated on first start and kept in DATA_DIR (mode 0600). */
export function loadServerSecret(configured: string | undefined, dataDir: string): string {
  if (configured) return configured;
  const file = path.join(dataDir, 'server-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret + '\n', { mode: 0o600, flag: 'wx' });
  return secret;
}
