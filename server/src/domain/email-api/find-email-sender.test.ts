import assert from 'node:assert/strict';
import { test } from 'node:test';
import { senderAllowed } from './find-email-sender';

test('allowed senders: exact addresses and whole domains, case-insensitive; nothing when the list is empty', () => {
  const list = ['anna@corp.test', '@partner.test'];
  assert.equal(senderAllowed(list, 'Anna@Corp.TEST'), true);
  assert.equal(senderAllowed(list, 'bert@corp.test'), false);
  assert.equal(senderAllowed(list, 'x@partner.test'), true);
  assert.equal(senderAllowed(list, 'x@evil-partner.test'), false, 'a domain ending the same is another domain');
  assert.equal(senderAllowed(list, 'x@sub.partner.test'), false, 'subdomains are not included');
  assert.equal(senderAllowed(list, '@partner.test'), false, 'an empty local part is no address');
  assert.equal(senderAllowed(list, ''), false);
  assert.equal(senderAllowed([], 'anna@corp.test'), false);
});
