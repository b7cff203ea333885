import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderMessage } from './templates';

const env = { signingLink: (id: string) => `https://sign.example.com/s/token-of-${id}`, pinCode: (id: string, _c: string, n: number) => id.slice(0, n), resetLink: (id: string) => `https://sign.example.com/password-reset/${id}.mac`, downloadLink: (id: string) => `https://sign.example.com/d/${id}.mac` };

test('an invitation carries the personal link, the sender and the message, and its HTML is escaped', () => {
  const m = renderMessage(
    'invitation',
    { signerId: 'abc', signerName: 'Ann <b>', senderName: 'Sue', senderEmail: 'sue@example.com', processTitle: 'NDA & more', message: 'Line 1\nLine 2' },
    env,
  );
  assert.equal(m.subject, 'Signature request: NDA & more');
  assert.match(m.text, /https:\/\/sign\.example\.com\/s\/token-of-abc/);
  assert.match(m.text, /Sue \(sue@example\.com\) asks you to sign "NDA & more"/);
  assert.ok(m.html.includes('Ann &lt;b&gt;'));
  assert.ok(m.html.includes('NDA &amp; more'));
  assert.ok(m.html.includes('Line 1<br>Line 2'));
  assert.ok(m.html.includes('href="https://sign.example.com/s/token-of-abc"'));
});

test('the completion email lists the final documents as attachments', () => {
  const m = renderMessage('completed', { processTitle: 'Lease', documents: [{ documentId: 'd1', filename: 'lease-signed.pdf' }] }, env);
  assert.equal(m.subject, 'Signed: Lease');
  assert.deepEqual(m.attachments, [{ documentId: 'd1', filename: 'lease-signed.pdf' }]);
});

test('a rejection names who rejected and why', () => {
  const m = renderMessage('rejected', { processTitle: 'Lease', rejectedBy: 'Bob', reason: 'Wrong rent' }, env);
  assert.match(m.text, /Bob has rejected "Lease"/);
  assert.match(m.text, /Reason: Wrong rent/);
});

test('the PIN SMS carries the PIN derived when rendering, how long it is valid, in the signer\'s language', () => {
  const params = { pinId: '7391abcdef', characters: 'digits' as const, length: 4, validMinutes: 10, processTitle: 'Lease' };
  const en = renderMessage('pin', params, env);
  assert.match(en.text, /7391/);
  assert.match(en.text, /10 minutes/);
  assert.equal(en.subject, '');
  const fi = renderMessage('pin', { ...params, language: 'fi' }, env);
  assert.match(fi.text, /7391/);
  assert.match(fi.text, /10 minuuttia/);
});

test('a forwarded request says who forwarded it, keeps the invitation subject and escapes the name', () => {
  const m = renderMessage(
    'forwarded',
    { signerId: 'abc', signerName: null, senderName: 'Sue', senderEmail: 'sue@example.com', processTitle: 'NDA', message: '', forwardedBy: 'Bert <Boss>', language: 'en' },
    env,
  );
  assert.equal(m.subject, 'Signature request: NDA');
  assert.match(m.text, /Bert <Boss> forwarded to you the request of Sue \(sue@example\.com\) to sign "NDA"/);
  assert.ok(m.html.includes('Bert &lt;Boss&gt;'));
  assert.match(m.text, /https:\/\/sign\.example\.com\/s\/token-of-abc/);
});
