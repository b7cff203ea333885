import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createSecrets, hashToken } from './secrets';

test('signing-link tokens are 256-bit, stable per signer and differ between signers and secrets', () => {
  const a = createSecrets('a'.repeat(40));
  const b = createSecrets('b'.repeat(40));
  const t1 = a.signerToken('signer-1');
  assert.match(t1, /^[A-Za-z0-9_-]{43}$/);
  assert.equal(Buffer.from(t1, 'base64url').length, 32);
  assert.equal(a.signerToken('signer-1'), t1);
  assert.notEqual(a.signerToken('signer-2'), t1);
  assert.notEqual(b.signerToken('signer-1'), t1);
  assert.notEqual(hashToken(t1), t1);
});

test('encrypted values decrypt with the same secret only, and tampering is detected', () => {
  const a = createSecrets('a'.repeat(40));
  const sealed = a.encrypt('-----BEGIN PRIVATE KEY-----');
  assert.ok(!sealed.includes('PRIVATE'));
  assert.equal(a.decrypt(sealed), '-----BEGIN PRIVATE KEY-----');
  assert.throws(() => createSecrets('b'.repeat(40)).decrypt(sealed));
  const parts = sealed.split(':');
  parts[3] = Buffer.from('x' + Buffer.from(parts[3], 'base64').toString('latin1').slice(1), 'latin1').toString('base64');
  assert.throws(() => a.decrypt(parts.join(':')));
});

test('SMS PINs are derived per order: fixed length and characters, evenly spread, different per order and server', () => {
  const a = createSecrets('a'.repeat(40));
  const b = createSecrets('b'.repeat(40));
  assert.equal(a.pinCode('order-1', 'digits', 4), a.pinCode('order-1', 'digits', 4), 'the same order renders the same PIN');
  assert.notEqual(a.pinCode('order-1', 'digits', 12), b.pinCode('order-1', 'digits', 12));
  assert.match(a.pinCode('order-2', 'letters', 8), /^[A-HJ-NP-Z]{8}$/);
  assert.match(a.pinCode('order-3', 'digits_and_letters', 12), /^[2-9A-HJ-NP-Z]{12}$/);
  // 20,000 digits: each of 0–9 within 10 % of its expected 2,000 (a biased modulo would skew the low digits).
  const counts = new Array(10).fill(0);
  for (let i = 0; i < 5000; i++) for (const d of a.pinCode(`order-${i}`, 'digits', 4)) counts[Number(d)]++;
  for (const c of counts) assert.ok(c > 1800 && c < 2200, `digit counts ${counts.join(',')}`);
});
