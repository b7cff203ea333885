// The Office.js wrappers against an Outlook compose item from office-addin-mock (host outlook).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { canReadAttachments, closeItem, listFileAttachments, readAttachmentBytes, readBodyText, readRecipients, readSubject } from './compose-item';
import { officeCall, OfficeCallError } from './office-call';
import { mockComposeItem, mockRoamingSettings } from './outlook-mock';
import { readAttachmentWithRetry } from './read-attachment-with-retry';
import { supportsMailbox } from './requirements';
import { readSetting, writeSetting } from './roaming-settings';

const b64 = (text: string) => Buffer.from(text).toString('base64');
const text = (bytes: Uint8Array) => Buffer.from(bytes).toString();

describe('reading the draft', () => {
  test('To and CC become recipients once each, in order, without the address repeated as the name', async () => {
    const { item } = mockComposeItem({
      to: [
        { emailAddress: 'anna@example.com', displayName: 'Anna Virtanen' },
        { emailAddress: 'bob@example.com', displayName: 'bob@example.com' },
      ],
      cc: [
        { emailAddress: 'ANNA@example.com', displayName: 'Anna again' },
        { emailAddress: ' carl@example.com ', displayName: ' Carl Berg ' },
        { emailAddress: '', displayName: 'Distribution list without address' },
      ],
    });
    assert.deepEqual(await readRecipients(item), [
      { email: 'anna@example.com', name: 'Anna Virtanen', field: 'to' },
      { email: 'bob@example.com', name: '', field: 'to' },
      { email: 'carl@example.com', name: 'Carl Berg', field: 'cc' },
    ]);
  });

  test('subject as title, body read as plain text', async () => {
    const { item, calls } = mockComposeItem({ subject: 'Lease 2027', body: 'Please sign.\nThanks' });
    assert.equal(await readSubject(item), 'Lease 2027');
    assert.equal(await readBodyText(item), 'Please sign.\nThanks');
    assert.deepEqual(calls.bodyCoercion, ['text']);
  });

  test('closing the item asks Outlook to close the compose form', () => {
    const { item, calls } = mockComposeItem({});
    closeItem(item);
    assert.equal(calls.closed, 1);
  });
});

describe('attachments', () => {
  const attachments = [
    { id: 'a1', name: 'contract.pdf', size: 1200, content: b64('%PDF-contract') },
    { id: 'img', name: 'logo.png', size: 300, isInline: true, content: b64('png') },
    { id: 'msg', name: 'Forwarded.msg', size: 5000, attachmentType: 'item' as const },
    { id: 'a2', name: 'terms.pdf', size: 800, content: b64('%PDF-terms') },
    { id: 'cloud', name: 'big.pdf', size: 10, format: 'url' as const, content: 'https://contoso.sharepoint.com/big.pdf' },
  ];

  test('an Outlook without Mailbox 1.8 is recognised and refused with a reason', async () => {
    const { item } = mockComposeItem({});
    assert.equal(canReadAttachments(item), false);
    await assert.rejects(listFileAttachments(item), /Mailbox 1\.8/);
    await assert.rejects(readAttachmentBytes(item, 'a1'), /Mailbox 1\.8/);
  });

  test('only file attachments are listed: no inline images, no attached items', async () => {
    const { item } = mockComposeItem({ attachments });
    assert.equal(canReadAttachments(item), true);
    assert.deepEqual(
      (await listFileAttachments(item)).map((a) => [a.id, a.name, a.size]),
      [
        ['a1', 'contract.pdf', 1200],
        ['a2', 'terms.pdf', 800],
        ['cloud', 'big.pdf', 10],
      ],
    );
  });

  test('contents are decoded from base64; a cloud attachment is refused by name of its kind', async () => {
    const { item } = mockComposeItem({ attachments });
    assert.equal(text(await readAttachmentBytes(item, 'a2')), '%PDF-terms');
    await assert.rejects(readAttachmentBytes(item, 'cloud'), /url attachment, not a file/);
  });

  test('a read that fails twice is retried and succeeds', async () => {
    const { item, calls } = mockComposeItem({ attachments, failRead: (_id, n) => (n <= 2 ? 'Attachment is being uploaded' : undefined) });
    const retries: number[] = [];
    const bytes = await readAttachmentWithRetry(item, { id: 'a1', name: 'contract.pdf', size: 1200, contentType: '' }, { delayMs: 1, onRetry: (n) => retries.push(n) });
    assert.equal(text(bytes), '%PDF-contract');
    assert.deepEqual(retries, [1, 2]);
    assert.deepEqual(calls.contentReads, ['a1', 'a1', 'a1']);
  });

  test('when the id changes while uploading, the attachment is found again by name and size', async () => {
    const draft = mockComposeItem({
      attachments: attachments.map((a) => ({ ...a })),
      failRead: (id) => (id === 'a1' ? 'The attachment id is no longer valid' : undefined),
    });
    draft.attachments![0].id = 'a1-final'; // Outlook finished uploading it and gave it its permanent id
    const bytes = await readAttachmentWithRetry(draft.item, { id: 'a1', name: 'contract.pdf', size: 1200, contentType: '' }, { delayMs: 1 });
    assert.equal(text(bytes), '%PDF-contract');
    assert.deepEqual(draft.calls.contentReads, ['a1', 'a1-final']);
  });

  test('a read that keeps failing gives up after the attempts with Outlook\'s error and code', async () => {
    const { item, calls } = mockComposeItem({ attachments, failRead: () => 'Internal error' });
    const err = await readAttachmentWithRetry(item, { id: 'a2', name: 'terms.pdf', size: 800, contentType: '' }, { attempts: 3, delayMs: 1 }).catch((e) => e);
    assert.ok(err instanceof OfficeCallError);
    assert.equal(err.message, 'Internal error');
    assert.equal(err.code, 9002);
    assert.equal(calls.contentReads.length, 3);
  });
});

describe('officeCall', () => {
  test('a host that throws instead of calling back becomes a rejected promise', async () => {
    await assert.rejects(
      officeCall(() => {
        throw new Error('API not supported');
      }),
      (e: unknown) => e instanceof OfficeCallError && e.message === 'API not supported',
    );
  });

  test('a failure without a message still says what happened', async () => {
    await assert.rejects(officeCall((cb) => cb({ status: 'failed' } as unknown as Office.AsyncResult<never>)), /Outlook could not complete the request/);
  });
});

describe('roaming settings', () => {
  test('a token is written and saved to the mailbox, read back, and removed on sign-out', async () => {
    const { settings, stored, saves } = mockRoamingSettings();
    assert.equal(readSetting(settings, 'token'), undefined);
    await writeSetting(settings, 'token', 'sst_abc');
    assert.equal(stored.token, 'sst_abc');
    assert.equal(readSetting(settings, 'token'), 'sst_abc');
    await writeSetting(settings, 'token', undefined);
    assert.equal('token' in stored, false);
    assert.equal(saves(), 2);
  });

  test('a value that is not a non-empty string reads as absent', () => {
    const { settings } = mockRoamingSettings({ empty: '', number: 4 });
    assert.equal(readSetting(settings, 'empty'), undefined);
    assert.equal(readSetting(settings, 'number'), undefined);
  });

  test('a failed save is reported, not swallowed', async () => {
    const { settings } = mockRoamingSettings({}, true);
    await assert.rejects(writeSetting(settings, 'token', 'x'), /could not be saved/);
  });
});

describe('requirement sets', () => {
  test('Mailbox versions are detected at run time; a throwing host counts as unsupported', () => {
    const supported = ['1.1', '1.2', '1.3', '1.4', '1.5', '1.6', '1.7', '1.8'];
    const outlook = { isSetSupported: (name: string, version?: string | number) => name === 'Mailbox' && supported.includes(String(version)) };
    assert.equal(supportsMailbox(outlook, '1.8'), true);
    assert.equal(supportsMailbox(outlook, '1.13'), false);
    assert.equal(
      supportsMailbox(
        {
          isSetSupported: () => {
            throw new Error('no requirements API');
          },
        },
        '1.8',
      ),
      false,
    );
  });
});
