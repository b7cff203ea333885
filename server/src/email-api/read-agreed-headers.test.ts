import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readOptions, readSigners } from './read-agreed-headers';

test('signers: quoted names (with ; and escaped quotes), bare addresses, phones, several headers, encoded words', () => {
  assert.deepEqual(readSigners(['"Virtanen; Anna \\"AV\\"" <anna@example.com> +358 40 123 4567; bert@example.com', '=?UTF-8?Q?=C3=85sa_Ek?= <asa@example.se>']), [
    { email: 'anna@example.com', name: 'Virtanen; Anna "AV"', phone: '+358 40 123 4567' },
    { email: 'bert@example.com' },
    { email: 'asa@example.se', name: 'Åsa Ek' },
  ]);
});

test('signers: a missing header and an unreadable entry are refused by name', () => {
  assert.throws(() => readSigners([]), /X-Secure-Signature-Signers is missing/);
  assert.throws(() => readSigners(['Anna without address']), /cannot read the signer "Anna without address"/);
});

test('options: flags, lists, reminders and the report template by name; unknown keys and bad flags refused', () => {
  assert.deepEqual(readOptions(['signing-order=yes; methods=button, handwritten; language=FI; page=last', 'report-template="NDA; short"; reminders=2,3,4; sms=no']), {
    fields: {
      signingOrder: true,
      signatureMethods: ['button', 'handwritten'],
      language: 'fi',
      signaturePagePosition: 'last',
      reminders: { firstAfterDays: 2, repeatEveryDays: 3, maxReminders: 4 },
      smsNotifications: false,
    },
    reportTemplateName: 'NDA; short',
  });
  assert.throws(() => readOptions(['colour=blue']), /unknown option "colour"/);
  assert.throws(() => readOptions(['signing-order=maybe']), /signing-order must be yes or no, not "maybe"/);
});
