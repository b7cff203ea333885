// Email texts in the recipient's language. Rendered when a message is shown or delivered, from the template name
// and stored parameters; signing links are derived at that moment so they are never stored.
import { isLanguage, type Language } from '../../i18n/languages';
import { translator } from '../../i18n/translate';
import type { PinCharacters } from '../secrets';
import { renderDownloadCode, renderFinalLink, type DownloadCodeParams, type FinalLinkParams } from './secure-delivery-templates';
import { renderOverride, type TemplateOverride } from '../template/render-override';

interface Localised {
  /** The recipient's language; English when absent. */
  language?: Language;
  /** The admin's wording (Admin → Message templates) when there was one as the message was queued. */
  override?: TemplateOverride;
}

export interface InvitationParams extends Localised {
  signerId: string;
  signerName: string | null;
  senderName: string;
  senderEmail: string;
  processTitle: string;
  message: string;
  /** The sender replaced this document: signatures made so far were withdrawn, so the signer is asked again. */
  replacedDocument?: string;
}

/** A sealed file attached to the completion email: a final document, or its separately sealed signatures page. */
export interface FinalAttachment {
  documentId: string;
  filename: string;
  version?: 'final' | 'signatures-page';
}

export interface MessageParams {
  invitation: InvitationParams;
  /** The invitation of someone a signer forwarded the request to: it says who forwarded it. */
  forwarded: InvitationParams & { forwardedBy: string };
  reminder: InvitationParams;
  /** `smime`: encrypted for the recipient's certificate when delivered (secure delivery). */
  completed: Localised & { processTitle: string; documents: FinalAttachment[]; smime?: boolean };
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
  /** An SMS telling a signer that a process was rejected or completed (Settings → SMS notifications). */
  noticeSms: Localised & { kind: 'rejected' | 'completed'; processTitle: string };
  /** An SMS with a one-time sign-in code of a user who signs in by SMS PIN (derived from loginPinId). */
  loginPin: Localised & { loginPinId: string; validMinutes: number };
  /** Secure delivery: a protected download link of the final documents (derived from downloadId). */
  finalLink: Localised & FinalLinkParams;
  /** Secure delivery: the one-time code of a download link, by email or SMS (derived from codeId). */
  downloadCode: Localised & DownloadCodeParams;
  downloadCodeSms: Localised & DownloadCodeParams;
}
export type MessageTemplate = keyof MessageParams;

export interface RenderedMessage {
  subject: string;
  text: string;
  html: string;
  /** Final documents to attach, by document id. */
  attachments: FinalAttachment[];
}

export interface RenderEnv {
  signingLink(signerId: string): string;
  resetLink(resetId: string): string;
  downloadLink(downloadId: string): string;
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
export const LOGIN_PIN_LENGTH = 6;

/** Keeps an SMS within one or two messages. */
const shorten = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

export function renderMessage<T extends MessageTemplate>(template: T, params: MessageParams[T], env: RenderEnv): RenderedMessage {
  const t = translator(isLanguage(params.language) ? params.language : 'en');
  if (params.override) {
    const sms = template === 'signSms' || template === 'pin' || template === 'noticeSms';
    return renderOverride(template, params, env, t, params.override, sms ? 'sms' : 'email');
  }
  switch (template) {
    case 'invitation':
    case 'forwarded':
    case 'reminder': {
      const p = params as InvitationParams & { forwardedBy?: string };
      const link = env.signingLink(p.signerId);
      const vars = { sender: p.senderName, senderEmail: p.senderEmail, title: p.processTitle };
      const paragraphs = [
        p.signerName ? t('mail.hello', { name: p.signerName }) : t('mail.helloNoName'),
        template === 'invitation'
          ? t('mail.invitationIntro', vars)
          : template === 'forwarded'
            ? t('mail.forwardedIntro', { ...vars, forwardedBy: p.forwardedBy ?? '' })
            : t('mail.reminderIntro', vars),
        ...(p.replacedDocument ? [t('mail.documentReplaced', { document: p.replacedDocument })] : []),
        ...(p.message ? [p.message] : []),
        t('mail.openAndSign'),
      ];
      return {
        subject: template === 'reminder' ? t('mail.reminderSubject', vars) : t('mail.invitationSubject', vars),
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
    case 'noticeSms': {
      const p = params as MessageParams['noticeSms'];
      return { subject: '', text: t(p.kind === 'rejected' ? 'sms.rejected' : 'sms.completed', { title: shorten(p.processTitle, 60) }), html: '', attachments: [] };
    }
    case 'loginPin': {
      const p = params as MessageParams['loginPin'];
      const text = t('sms.loginPin', { pin: env.pinCode(p.loginPinId, 'digits', LOGIN_PIN_LENGTH), minutes: p.validMinutes });
      return { subject: '', text, html: '', attachments: [] };
    }
    case 'finalLink':
      return renderFinalLink(params as MessageParams['finalLink'], env, page, t, isLanguage(params.language) ? params.language : 'en');
    case 'downloadCode':
    case 'downloadCodeSms':
      return renderDownloadCode(params as MessageParams['downloadCode'], env, template === 'downloadCode' ? 'email' : 'sms', page, t);
    default: {
      const never: never = template;
      throw new Error(`unknown message template ${String(never)}`);
    }
  }
}
