// The start form's rules: default roles of files, signer order, the checks before sending, per-file progress,
// and the process that is sent.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { blockSignerChoices, fileFromAttachment, formatSize, formProblems, languageFor, move, processInput, progressPerFile, pruneBlocks, singleSignerWarning, type FormBlock, type FormFile, type FormSigner } from './form-state';

const signer = (email: string, name = '', phone = ''): FormSigner => ({ key: email, email, name, phone });
const doc = (name: string, size = 1000, kind: FormFile['kind'] = 'document'): FormFile => ({
  key: name,
  name,
  size,
  kind,
  source: { file: new Blob([]) },
  state: 'waiting',
  progress: 0,
});
const options = { signingOrder: false, signaturePagePosition: 'last' as const, senderSigns: false, forceDownload: false, allowSignAndForward: false, allowForward: false, smsNotifications: false, attachmentsVisible: true, signatureMethods: ['button' as const, 'handwritten' as const], remindAfterDays: 0, language: 'en' as const };

describe('start form', () => {
  test('an attached PDF is a document to sign; any other file travels along as an attachment', () => {
    assert.equal(fileFromAttachment({ id: '1', name: 'Contract.PDF', size: 10, contentType: '' }).kind, 'document');
    assert.equal(fileFromAttachment({ id: '2', name: 'price-list.xlsx', size: 10, contentType: '' }).kind, 'attachment');
  });

  test("invitations default to the user's Outlook language when it is one of the five", () => {
    assert.equal(languageFor('fi-FI'), 'fi');
    assert.equal(languageFor('sv-SE'), 'sv');
    assert.equal(languageFor('fr-FR'), 'en');
    assert.equal(languageFor(undefined), 'en');
  });

  test('signers move up and down one place; the ends stay put', () => {
    assert.deepEqual(move(['a', 'b', 'c'], 2, -1), ['a', 'c', 'b']);
    assert.deepEqual(move(['a', 'b', 'c'], 0, 1), ['b', 'a', 'c']);
    const list = ['a', 'b'];
    assert.equal(move(list, 0, -1), list);
    assert.equal(move(list, 1, 1), list);
  });

  test('the problems that keep the form from being sent are named', () => {
    const base = { title: 'Lease', signers: [signer('a@example.com')], files: [doc('lease.pdf')], senderSigns: false, maxUploadBytes: 5000 };
    assert.deepEqual(formProblems(base), []);
    assert.deepEqual(formProblems({ ...base, title: '  ' }), ['Give the process a title (the message subject).']);
    assert.deepEqual(formProblems({ ...base, signers: [] }), ['Add at least one signer.']);
    assert.deepEqual(formProblems({ ...base, signers: [], senderSigns: true }), [], 'the sender alone may sign');
    assert.deepEqual(formProblems({ ...base, signers: [signer('not-an-address')] }), ['Signer 1: "not-an-address" is not an email address.']);
    assert.deepEqual(formProblems({ ...base, signers: [signer('a@example.com'), signer('A@Example.com ')] }), ['a@example.com is a signer twice.']);
    assert.deepEqual(formProblems({ ...base, files: [doc('notes.docx', 10, 'attachment')] }), ['Add at least one PDF document to sign.']);
    assert.deepEqual(formProblems({ ...base, files: [doc('lease.pdf'), doc('notes.docx')] }), ['notes.docx is not a PDF; it can only be sent as an attachment.']);
    assert.deepEqual(formProblems({ ...base, files: [doc('scan.pdf', 20 * 1024 * 1024)] }), ['scan.pdf is 20.0 MB; the server takes files up to 5 KB.']);
    assert.deepEqual(formProblems({ ...base, signatureMethods: [] }), ['Choose at least one way for signers to sign.']);
    assert.deepEqual(formProblems({ ...base, requirePhone: true }), ['Signer 1: a phone number is needed for the SMS PIN.']);
    assert.deepEqual(formProblems({ ...base, signers: [signer('a@example.com', '', '+358 40 1')], requirePhone: true }), []);
    const withAttachment = { ...base, files: [doc('lease.pdf'), doc('terms.docx', 10, 'attachment')] };
    assert.deepEqual(formProblems({ ...withAttachment, attachments: 'shown' }), []);
    assert.deepEqual(formProblems({ ...withAttachment, attachments: 'off' }), ['Attachments that are not signed are not allowed here: remove them or sign them as documents.']);
  });

  test('upload progress is split over the files in the order they are sent', () => {
    // 100 bytes of headers and JSON, then files of 1000, 0 and 500 bytes.
    assert.deepEqual(progressPerFile([1000, 0, 500], 50, 1600), [0, 0, 0]);
    assert.deepEqual(progressPerFile([1000, 0, 500], 600, 1600), [0.5, 0, 0]);
    assert.deepEqual(progressPerFile([1000, 0, 500], 1350, 1600), [1, 0, 0.5]);
    assert.deepEqual(progressPerFile([1000, 0, 500], 1600, 1600), [1, 1, 1]);
  });

  test('the process sent: trimmed values, empty ones left out, the sender added once when signing too', () => {
    const signers = [signer(' a@example.com ', ' Anna ', ' +358401234567 '), signer('b@example.com')];
    const sender = { email: 'Me@Example.com', name: 'Me' };
    assert.deepEqual(processInput({ title: ' Lease ', message: 'Hi', signers, options: { ...options, signingOrder: true, forceDownload: true, language: 'fi' }, sender }), {
      title: 'Lease',
      message: 'Hi',
      signers: [{ email: 'a@example.com', name: 'Anna', phone: '+358401234567' }, { email: 'b@example.com' }],
      signingOrder: true,
      signaturePagePosition: 'last',
      forceDownload: true,
      allowSignAndForward: false,
      allowForward: false,
      smsNotifications: false,
      attachmentsVisible: true,
      language: 'fi',
    });
    const withRole = processInput({ title: 'Lease', message: '', signers: [{ ...signer('c@example.com'), organization: ' Acme ', jobTitle: '' }], options });
    assert.deepEqual(withRole.signers, [{ email: 'c@example.com', organization: 'Acme' }]);
    const admin = { firstAfterDays: 0, repeatEveryDays: 3, maxReminders: 0 };
    assert.equal(processInput({ title: 'Lease', message: '', signers, options, adminReminders: admin }).reminders, undefined, "the admin's rhythm unless changed");
    assert.deepEqual(processInput({ title: 'Lease', message: '', signers, options: { ...options, remindAfterDays: 2 }, adminReminders: admin }).reminders, {
      firstAfterDays: 2,
      repeatEveryDays: 3,
      maxReminders: 3,
    });
    const chosen = processInput({ title: 'Lease', message: '', signers, options: { ...options, signatureMethods: ['handwritten'] }, chooseMethods: true });
    assert.deepEqual(chosen.signatureMethods, ['handwritten'], 'sent only when the admin lets senders choose');
    const withMe = processInput({ title: 'Lease', message: '', signers, options: { ...options, senderSigns: true }, sender });
    assert.deepEqual(withMe.signers.at(-1), { email: 'Me@Example.com', name: 'Me' });
    const already = processInput({ title: 'Lease', message: '', signers: [signer('me@example.com')], options: { ...options, senderSigns: true }, sender });
    assert.equal(already.signers.length, 1);
  });

  test('signature blocks name documents by their place among the documents to sign, in upload order', () => {
    // An attachment between the documents does not count: appendix.pdf is the second document.
    const files = [doc('lease.pdf'), doc('terms.docx', 10, 'attachment'), doc('appendix.pdf'), doc('floorplan.pdf')];
    const signers = [signer('a@example.com'), signer('b@example.com')];
    const block = (b: Partial<FormBlock>): FormBlock => ({ key: 'k', label: 'Landlord', documentKeys: [], fields: [], signerEmails: [], ...b });
    const sent = processInput({
      title: 'Lease',
      message: '',
      signers,
      options,
      files,
      blocks: [
        block({ label: ' Landlord ', documentKeys: ['floorplan.pdf', 'appendix.pdf'], fields: ['message', 'title'], signerEmails: ['A@example.com'] }),
        block({ label: 'Tenant', documentKeys: ['lease.pdf', 'appendix.pdf', 'floorplan.pdf'], signerEmails: ['b@example.com'] }),
        block({ label: 'Board', group: 'Board members' }),
      ],
    });
    assert.deepEqual(sent.blocks, [
      { label: 'Landlord', documents: [1, 2], fields: ['title', 'message'], signers: ['a@example.com'] },
      { label: 'Tenant', fields: [], signers: ['b@example.com'] },
      { label: 'Board', fields: [], signers: [], group: 'Board members' },
    ]);
    assert.equal('blocks' in processInput({ title: 'Lease', message: '', signers, options, files, blocks: [] }), false, 'no blocks: every signer signs everything');
  });

  test('a removed signer or document leaves the blocks; a block naming a group needs no signer', () => {
    const files = [doc('lease.pdf'), doc('appendix.pdf')];
    const block: FormBlock = { key: 'k', label: 'Parties', documentKeys: ['appendix.pdf'], fields: [], signerEmails: ['a@example.com', 'b@example.com'] };
    const remaining = [signer('a@example.com')];
    assert.deepEqual(processInput({ title: 'Lease', message: '', signers: remaining, options, files, blocks: [block] }).blocks?.[0].signers, ['a@example.com']);
    const pruned = pruneBlocks([block], blockSignerChoices(remaining), [files[0]]);
    assert.deepEqual(pruned, [{ ...block, documentKeys: [], signerEmails: ['a@example.com'] }]);
    const untouched = [block];
    assert.equal(pruneBlocks(untouched, ['a@example.com', 'b@example.com'], files), untouched);
    assert.deepEqual(pruneBlocks([block], [], files)[0].signerEmails, []);
    const base = { title: 'Lease', signers: [], files, senderSigns: false, maxUploadBytes: 5000 };
    assert.deepEqual(formProblems({ ...base, blocks: [{ ...block, signerEmails: [] }] }), ['Add at least one signer.', 'Signature block "Parties": choose who signs it.']);
    assert.deepEqual(formProblems({ ...base, blocks: [{ ...block, label: ' ', signerEmails: [], group: 'Board' }] }), ['Signature block 1: give it a label (the text of its sign button).']);
    const named: FormBlock = { ...block, signerEmails: ['a@example.com'] };
    assert.deepEqual(formProblems({ ...base, signers: [signer('a@example.com'), signer('b@example.com')], blocks: [named] }), ['b@example.com signs no signature block: name them in one or remove them.']);
    assert.deepEqual(formProblems({ ...base, signers: [signer('a@example.com')], senderSigns: true, senderEmail: 'me@example.com', blocks: [named] }), ['me@example.com signs no signature block: name them in one or remove them.']);
    assert.deepEqual(formProblems({ ...base, signers: [signer('A@example.com')], blocks: [named] }), []);
    assert.deepEqual(blockSignerChoices([signer('a@example.com'), signer('typo')], { email: 'Me@example.com', senderSigns: true }), ['a@example.com', 'Me@example.com']);
  });

  test('one signer without the sender is warned about when the admin wants it, never refused', () => {
    const one = [signer('a@example.com')];
    assert.match(singleSignerWarning({ signers: one, senderSigns: false, warn: true })!, /Only one person signs/);
    assert.equal(singleSignerWarning({ signers: one, senderSigns: true, warn: true }), undefined);
    assert.equal(singleSignerWarning({ signers: [...one, signer('b@example.com')], senderSigns: false, warn: true }), undefined);
    assert.equal(singleSignerWarning({ signers: one, senderSigns: false, warn: false }), undefined);
  });

  test('sizes read the way people write them', () => {
    assert.equal(formatSize(873), '873 B');
    assert.equal(formatSize(1200), '1 KB');
    assert.equal(formatSize(20 * 1024 * 1024), '20.0 MB');
  });
});
