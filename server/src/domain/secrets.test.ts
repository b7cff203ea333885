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
