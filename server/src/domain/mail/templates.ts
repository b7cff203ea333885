// Email texts in the recipient's language. Rendered when a message is shown or delivered, from the template name
// and stored parameters; signing links are derived at that moment so they are never stored.
import { isLanguage, type Language } from '../../i18n/languages';
import { translator } from '../../i18n/translate';
import type { PinCharacters } from '../secrets';

interface Localised {
  /** The recipient's language; English when absent. */
  language?: Language;
}

export interface InvitationParams extends Localised {
  signerId: string;
  signerName: string | null;
  senderName: string;
  senderEmail: string;
  processTitle: string;
  message: string;
}

export interface MessageParams {
  invitation: InvitationParams;
  reminder: InvitationParams;
  completed: Localised & { processTitle: string; documents: { documentId: string; filename: string }[] };
  aborted: Localised & { processTitle: string; senderName: string };
  expired: Localised & { processTitle: string; expiredAt: string };
  rejected: Localised & { processTitle: string; rejectedBy: string; reason: string };
  /** A password reset link a user ordered (derived from resetId when rendered, never stored). */
  passwordReset: Localised & { resetId: string; validMinutes: number };
  /** The code that lets a signer take over a device another signer of the process handed to them. */
  handover: Localised & { handoverId: string; fromName: string; processTitle: string; validMinutes: number };
  /** An SMS invitation or reminder carrying the signing link (derived when rendered, like the email's). */
  signSms: Localised & { kind: 'invitation' | 'reminder'; signerId: string; senderName: string; processTitle: string };
  /** An SMS: the PIN is derived from pinId when the message is rendered, never stored. */
  pin: Localised & { pinId: string; characters: PinCharacters; length: number; validMinutes: number; processTitle: string };
}
export type MessageTemplate = keyof MessageParams;

export interface RenderedMessage {
  subject: string;
  text: string;
  html: string;
  /** Final documents to attach, by document id. */
  attachments: { documentId: string; filename: string }[];
}

export interface RenderEnv {
  signingLink(signerId: string): string;
  resetLink(resetId: string): string;
  pinCode(pinId: string, characters: PinCharacters, length: number): string;
}

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

function page(paragraphs: string[], link?: { href: string; label: string }): string {
  const body = paragraphs.map((p) => `<p>${esc(p).replace(/\n/g, '<br>')}</p>`).join('\n');
  const button = link
    ? `<p><a href="${esc(link.href)}" style="display:inline-block;padding:10px 18px;background:#0f5cc0;color:#fff;text-decoration:none;border-radius:4px">${esc(link.label)}</a></p>`
    : '';
  return `<!doctype html><html><body style="font-family:Segoe UI,Arial,sans-serif;font-size:15px;color:#222">${body}${button}</body></html>`;
}

const plain = (subject: string, lines: string[], attachments: RenderedMessage['attachments'] = []): RenderedMessage => ({
  subject,
  text: lines.join('\n\n') + '\n',
  html: page(lines),
  attachments,
});

export const HANDOVER_CODE_LENGTH = 6;

/** Keeps an SMS within one or two messages. */
const shorten = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

export function renderMessage<T extends MessageTemplate>(template: T, params: MessageParams[T], env: RenderEnv): RenderedMessage {
  const t = translator(isLanguage(params.language) ? params.language : 'en');
  switch (template) {
    case 'invitation':
    case 'reminder': {
      const p = params as InvitationParams;
      const link = env.signingLink(p.signerId);
      const vars = { sender: p.senderName, senderEmail: p.senderEmail, title: p.processTitle };
      const paragraphs = [
        p.signerName ? t('mail.hello', { name: p.signerName }) : t('mail.helloNoName'),
        template === 'invitation' ? t('mail.invitationIntro', vars) : t('mail.reminderIntro', vars),
        ...(p.message ? [p.message] : []),
        t('mail.openAndSign'),
      ];
      return {
        subject: template === 'invitation' ? t('mail.invitationSubject', vars) : t('mail.reminderSubject', vars),
        text: `${paragraphs.join('\n\n')}\n${link}\n\n${t('mail.personal')}\n`,
        html: page([...paragraphs.slice(0, -1), t('mail.personal')], { href: link, label: t('mail.openButton') }),
        attachments: [],
      };
    }
    case 'completed': {
      const p = params as MessageParams['completed'];
      return plain(t('mail.completedSubject', { title: p.processTitle }), [t('mail.completedBody', { title: p.processTitle }), t('mail.completedAttached')], p.documents);
    }
    case 'aborted': {
      const p = params as MessageParams['aborted'];
      return plain(t('mail.abortedSubject', { title: p.processTitle }), [t('mail.abortedBody', { sender: p.senderName, title: p.processTitle })]);
    }
    case 'expired': {
      const p = params as MessageParams['expired'];
      const when = p.expiredAt.replace('T', ' ').slice(0, 16);
      return plain(t('mail.expiredSubject', { title: p.processTitle }), [t('mail.expiredBody', { title: p.processTitle, when })]);
    }
    case 'rejected': {
      const p = params as MessageParams['rejected'];
      return plain(t('mail.rejectedSubject', { title: p.processTitle }), [
        t('mail.rejectedBody', { who: p.rejectedBy, title: p.processTitle }),
        t('mail.rejectedReason', { reason: p.reason }),
      ]);
    }
    case 'passwordReset': {
      const p = params as MessageParams['passwordReset'];
      const link = env.resetLink(p.resetId);
      const paragraphs = [t('mail.resetBody'), t('mail.resetValid', { minutes: p.validMinutes })];
      return {
        subject: t('mail.resetSubject'),
        text: `${paragraphs.join('\n\n')}\n${link}\n\n${t('mail.resetIgnore')}\n`,
        html: page([...paragraphs, t('mail.resetIgnore')], { href: link, label: t('mail.resetButton') }),
        attachments: [],
      };
    }
    case 'handover': {
      const p = params as MessageParams['handover'];
      const code = env.pinCode(p.handoverId, 'digits', HANDOVER_CODE_LENGTH);
      return plain(t('mail.handoverSubject', { title: p.processTitle }), [
        t('mail.handoverBody', { from: p.fromName, title: p.processTitle }),
        t('mail.handoverCode', { code, minutes: p.validMinutes }),
        t('mail.handoverIgnore'),
      ]);
    }
    case 'signSms': {
      const p = params as MessageParams['signSms'];
      const text = t(p.kind === 'invitation' ? 'sms.invitation' : 'sms.reminder', { sender: p.senderName, title: shorten(p.processTitle, 60), link: env.signingLink(p.signerId) });
      return { subject: '', text, html: '', attachments: [] };
    }
    case 'pin': {
      const p = params as MessageParams['pin'];
      const text = t('sms.pin', { pin: env.pinCode(p.pinId, p.characters, p.length), minutes: p.validMinutes, title: shorten(p.processTitle, 40) });
      return { subject: '', text, html: '', attachments: [] };
    }
    default: {
      const never: never = template;
      throw new Error(`unknown message template ${String(never)}`);
    }
  }
}
