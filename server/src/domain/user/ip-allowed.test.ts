import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ipAllowed } from './ip-allowed';
import { normaliseAllowedIps } from './normalise-allowed-ips';

test('addresses and ranges of both families match; anything else does not', () => {
  const list = ['192.0.2.0/24', '198.51.100.7', '2001:db8::/32'];
  assert.equal(ipAllowed('192.0.2.200', list), true);
  assert.equal(ipAllowed('::ffff:192.0.2.9', list), true, 'IPv4-mapped IPv6');
  assert.equal(ipAllowed('198.51.100.7', list), true);
  assert.equal(ipAllowed('198.51.100.8', list), false);
  assert.equal(ipAllowed('2001:db8:1::5', list), true);
  assert.equal(ipAllowed('2001:db9::5', list), false);
  assert.equal(ipAllowed('192.0.3.1', list), false);
  assert.equal(ipAllowed(undefined, list), false);
  assert.equal(ipAllowed('not-an-ip', list), false);
  assert.equal(ipAllowed('192.0.2.1', []), false);
});

test('lists are checked and stored canonically', () => {
  assert.deepEqual(normaliseAllowedIps([' 192.0.2.0/24 ', '', '2001:0db8::1', '2001:db8::1']), ['192.0.2.0/24', '2001:db8::1']);
  assert.throws(() => normaliseAllowedIps(['192.0.2.0/33']), /not an IP address or a CIDR range/);
  assert.throws(() => normaliseAllowedIps(['intranet']), /"intranet"/);
});
