import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ipInRanges } from './ip-in-ranges';

test('addresses and CIDR ranges of both families match, others do not', () => {
  const ranges = ['192.0.2.0/24', '2001:db8::/32', '198.51.100.7'];
  assert.equal(ipInRanges('192.0.2.200', ranges), true);
  assert.equal(ipInRanges('::ffff:192.0.2.1', ranges), true);
  assert.equal(ipInRanges('198.51.100.7', ranges), true);
  assert.equal(ipInRanges('198.51.100.8', ranges), false);
  assert.equal(ipInRanges('2001:db8:1::5', ranges), true);
  assert.equal(ipInRanges('2001:db9::1', ranges), false);
  assert.equal(ipInRanges('10.0.0.1', ranges), false);
  assert.equal(ipInRanges(undefined, ranges), false);
  assert.equal(ipInRanges('not an ip', ranges), false);
  assert.equal(ipInRanges('192.0.2.1', []), false);
});
