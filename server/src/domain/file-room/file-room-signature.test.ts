// The signature rooms compute (docs/file-rooms.md) is the one the server checks: openssl, computing the HMAC from
// the documented string on its own, agrees, so the contract cannot drift without this failing.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import { fileRoomSignature } from './file-room-signature';

test('HMAC-SHA256 of "<timestamp>\\n<METHOD>\\n<path>\\n" + body, as openssl computes it', () => {
  const body = Buffer.from('--b\r\nContent-Disposition: form-data; name="folder"\r\n\r\nHR/Smith\r\n--b--\r\n');
  const path = '/api/v1/file-rooms/6182aae9-7ff3-4f3e-81cf-17afc581b068/processes';
  const input = Buffer.concat([Buffer.from(`1795424400\nPOST\n${path}\n`), body]);
  const out = execFileSync('openssl', ['dgst', '-sha256', '-hmac', 'ssr_secret', '-r'], { input }).toString();
  assert.equal(fileRoomSignature('ssr_secret', { timestamp: '1795424400', method: 'post', path, body }), out.split(' ')[0]);
  assert.notEqual(fileRoomSignature('ssr_secret', { timestamp: '1795424401', method: 'POST', path, body }), out.split(' ')[0], 'the timestamp is signed');
  assert.notEqual(fileRoomSignature('ssr_secret', { timestamp: '1795424400', method: 'GET', path, body }), out.split(' ')[0], 'the method is signed');
});
