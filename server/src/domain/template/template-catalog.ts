// The messages an admin may reword (Admin → Message templates): for each, its channel, the placeholders its text may
// use (and must use), and the built-in wording per language, written with the same placeholders so an admin starts
// from the text signers get today.
import type { Language } from '../../i18n/languages';
import { translator } from '../../i18n/translate';

export type TemplateChannel = 'email' | 'sms';
export interface TemplateRef {
  kind: string;
  channel: TemplateChannel;
  language: Language;
}

interface CatalogEntry {
  kind: string;
  channel: TemplateChannel;
  title: string;
  placeholders: Record<string, string>;
  /** Placeholders the text cannot do without (the signing link, the PIN). */
  required: string[];
  defaults(t: ReturnType<typeof translator>): { subject: string; body: string };
}

const ph = (name: string) => `{{${name}}}`;
const invitationPlaceholders = {
  greeting: '"Hello Anna," or "Hello," when the name is not known',
  name: "the signer's name (may be empty)",
  sender: "the sender's name",
  senderEmail: "the sender's email address",
  title: 'the title of the process',
  message: "the sender's message (may be empty)",
  link: 'the personal signing link; a paragraph of just {{link}} becomes the button',
};
const vars = { sender: ph('sender'), senderEmail: ph('senderEmail'), title: ph('title') };
const paragraphs = (...p: string[]) => p.join('\n\n');

export const templateCatalog: CatalogEntry[] = [
  {
    kind: 'invitation',
    channel: 'email',
    title: 'Invitation to sign',
    placeholders: invitationPlaceholders,
    required: ['link'],
    defaults: (t) => ({
      subject: t('mail.invitationSubject', vars),
      body: paragraphs(ph('greeting'), t('mail.invitationIntro', vars), ph('message'), t('mail.openAndSign'), ph('link'), t('mail.personal')),
    }),
  },
  {
    kind: 'forwarded',
    channel: 'email',
    title: 'Forwarded request (to the person a signer forwarded the request to)',
    placeholders: { ...invitationPlaceholders, forwardedBy: 'who forwarded the request to this person' },
    required: ['link'],
    defaults: (t) => ({
      subject: t('mail.invitationSubject', vars),
      body: paragraphs(ph('greeting'), t('mail.forwardedIntro', { ...vars, forwardedBy: ph('forwardedBy') }), ph('message'), t('mail.openAndSign'), ph('link'), t('mail.personal')),
    }),
  },
  {
    kind: 'reminder',
    channel: 'email',
    title: 'Reminder',
    placeholders: invitationPlaceholders,
    required: ['link'],
    defaults: (t) => ({
      subject: t('mail.reminderSubject', vars),
      body: paragraphs(ph('greeting'), t('mail.reminderIntro', vars), ph('message'), t('mail.openAndSign'), ph('link'), t('mail.personal')),
    }),
  },
  {
    kind: 'rejected',
    channel: 'email',
    title: 'Rejection',
    placeholders: { title: 'the title of the process', who: 'who rejected', reason: 'their reason' },
    required: [],
    defaults: (t) => ({
      subject: t('mail.rejectedSubject', { title: ph('title') }),
      body: paragraphs(t('mail.rejectedBody', { who: ph('who'), title: ph('title') }), t('mail.rejectedReason', { reason: ph('reason') })),
    }),
  },
  {
    kind: 'aborted',
    channel: 'email',
    title: 'Abort (the sender cancelled)',
    placeholders: { title: 'the title of the process', sender: "the sender's name" },
    required: [],
    defaults: (t) => ({ subject: t('mail.abortedSubject', { title: ph('title') }), body: t('mail.abortedBody', { sender: ph('sender'), title: ph('title') }) }),
  },
  {
    kind: 'completed',
    channel: 'email',
    title: 'Completion (the signed documents attached)',
    placeholders: { title: 'the title of the process' },
    required: [],
    defaults: (t) => ({ subject: t('mail.completedSubject', { title: ph('title') }), body: paragraphs(t('mail.completedBody', { title: ph('title') }), t('mail.completedAttached')) }),
  },
  {
    kind: 'expired',
    channel: 'email',
    title: 'Expiry',
    placeholders: { title: 'the title of the process', when: 'when it expired (UTC)' },
    required: [],
    defaults: (t) => ({ subject: t('mail.expiredSubject', { title: ph('title') }), body: t('mail.expiredBody', { title: ph('title'), when: ph('when') }) }),
  },
  {
    kind: 'invitation',
    channel: 'sms',
    title: 'Invitation to sign by SMS',
    placeholders: { sender: "the sender's name", title: 'the title of the process (shortened)', link: 'the personal signing link' },
    required: ['link'],
    defaults: (t) => ({ subject: '', body: t('sms.invitation', { sender: ph('sender'), title: ph('title'), link: ph('link') }) }),
  },
  {
    kind: 'reminder',
    channel: 'sms',
    title: 'Reminder by SMS',
    placeholders: { sender: "the sender's name", title: 'the title of the process (shortened)', link: 'the personal signing link' },
    required: ['link'],
    defaults: (t) => ({ subject: '', body: t('sms.reminder', { sender: ph('sender'), title: ph('title'), link: ph('link') }) }),
  },
  {
    kind: 'pin',
    channel: 'sms',
    title: "Signer's PIN by SMS",
    placeholders: { pin: 'the PIN', minutes: 'how long it is valid', title: 'the title of the process (shortened)' },
    required: ['pin'],
    defaults: (t) => ({ subject: '', body: t('sms.pin', { pin: ph('pin'), minutes: ph('minutes'), title: ph('title') }) }),
  },
  {
    kind: 'rejected',
    channel: 'sms',
    title: 'Rejection by SMS',
    placeholders: { title: 'the title of the process (shortened)' },
    required: [],
    defaults: (t) => ({ subject: '', body: t('sms.rejected', { title: ph('title') }) }),
  },
  {
    kind: 'completed',
    channel: 'sms',
    title: 'Completion by SMS',
    placeholders: { title: 'the title of the process (shortened)' },
    required: [],
    defaults: (t) => ({ subject: '', body: t('sms.completed', { title: ph('title') }) }),
  },
];

export function catalogEntry(kind: string, channel: string): CatalogEntry | undefined {
  return templateCatalog.find((e) => e.kind === kind && e.channel === channel);
}

export function defaultTemplate(entry: CatalogEntry, language: Language): { subject: string; body: string } {
  return entry.defaults(translator(language));
}
