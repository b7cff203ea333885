// Renders a message with the admin's wording (Admin → Message templates) in place of the built-in text. The wording
// was copied into the message's parameters when it was queued, so a message always renders as it was sent.
import type { Translate } from '../../i18n/translate';
import type { InvitationParams, MessageParams, MessageTemplate, RenderEnv, RenderedMessage } from '../mail/templates';
import { fillPlaceholders } from './fill-placeholders';

export interface TemplateOverride {
  subject: string;
  body: string;
}

const esc = (s: string) => s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
const shorten = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

/** The placeholder values of one message (the link and PIN derived now, never stored). */
function valuesOf(template: MessageTemplate, params: MessageParams[MessageTemplate], env: RenderEnv, t: Translate): { values: Record<string, string>; link?: string } {
  switch (template) {
    case 'invitation':
    case 'forwarded':
    case 'reminder': {
      const p = params as InvitationParams & { forwardedBy?: string };
      const link = env.signingLink(p.signerId);
      const greeting = p.signerName ? t('mail.hello', { name: p.signerName }) : t('mail.helloNoName');
      const values = { greeting, name: p.signerName ?? '', sender: p.senderName, senderEmail: p.senderEmail, title: p.processTitle, message: p.message, link };
      return { values: template === 'forwarded' ? { ...values, forwardedBy: p.forwardedBy ?? '' } : values, link };
    }
    case 'rejected': {
      const p = params as MessageParams['rejected'];
      return { values: { title: p.processTitle, who: p.rejectedBy, reason: p.reason } };
    }
    case 'aborted': {
      const p = params as MessageParams['aborted'];
      return { values: { title: p.processTitle, sender: p.senderName } };
    }
    case 'completed':
      return { values: { title: (params as MessageParams['completed']).processTitle } };
    case 'expired': {
      const p = params as MessageParams['expired'];
      return { values: { title: p.processTitle, when: p.expiredAt.replace('T', ' ').slice(0, 16) } };
    }
    case 'signSms': {
      const p = params as MessageParams['signSms'];
      return { values: { sender: p.senderName, title: shorten(p.processTitle, 60), link: env.signingLink(p.signerId) } };
    }
    case 'pin': {
      const p = params as MessageParams['pin'];
      return { values: { pin: env.pinCode(p.pinId, p.characters, p.length), minutes: String(p.validMinutes), title: shorten(p.processTitle, 40) } };
    }
    case 'noticeSms':
      return { values: { title: shorten((params as MessageParams['noticeSms']).processTitle, 60) } };
    default:
      return { values: {} };
  }
}

export function renderOverride(
  template: MessageTemplate,
  params: MessageParams[MessageTemplate],
  env: RenderEnv,
  t: Translate,
  override: TemplateOverride,
  channel: 'email' | 'sms',
): RenderedMessage {
  const { values, link } = valuesOf(template, params, env, t);
  const attachments = template === 'completed' ? (params as MessageParams['completed']).documents : [];
  if (channel === 'sms') return { subject: '', text: fillPlaceholders(override.body, values).trim(), html: '', attachments };
  // Paragraphs left empty (an empty {{message}}) are dropped; a paragraph of just {{link}} becomes the button.
  const paragraphs = override.body.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  const filled = paragraphs.map((p) => ({ isLink: Boolean(link) && /^\{\{\s*link\s*\}\}$/.test(p), text: fillPlaceholders(p, values).trim() })).filter((p) => p.text);
  const html = filled
    .map((p) =>
      p.isLink
        ? `<p><a href="${esc(link!)}" style="display:inline-block;padding:10px 18px;background:#0f5cc0;color:#fff;text-decoration:none;border-radius:4px">${esc(t('mail.openButton'))}</a></p>`
        : `<p>${esc(p.text).replace(/\n/g, '<br>')}</p>`,
    )
    .join('\n');
  return {
    subject: fillPlaceholders(override.subject, values).replace(/\s+/g, ' ').trim(),
    text: `${filled.map((p) => p.text).join('\n\n')}\n`,
    html: `<!doctype html><html><body style="font-family:Segoe UI,Arial,sans-serif;font-size:15px;color:#222">${html}</body></html>`,
    attachments,
  };
}
