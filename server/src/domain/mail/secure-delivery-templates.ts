// The emails and SMS of secure delivery (docs/secure-delivery.md): the protected download link of the final
// documents and its one-time code, in the recipient's language. The link and the code are derived when rendered,
// never stored.
import type { Translate } from '../../i18n/translate';
import type { RenderedMessage } from './templates';

export interface FinalLinkParams {
  downloadId: string;
  processTitle: string;
  validDays: number;
  codeBy: 'sms' | 'email';
}

export interface DownloadCodeParams {
  codeId: string;
  length: number;
  validMinutes: number;
  processTitle: string;
}

export const DOWNLOAD_CODE_LENGTH = 8;

interface Env {
  downloadLink(downloadId: string): string;
  pinCode(id: string, characters: 'digits', length: number): string;
}

type Page = (paragraphs: string[], link?: { href: string; label: string }) => string;

export function renderFinalLink(p: FinalLinkParams, env: Env, page: Page, t: Translate, language: string): RenderedMessage {
  // The page opens in the language of the email.
  const link = `${env.downloadLink(p.downloadId)}?lang=${language}`;
  const paragraphs = [t('secureDelivery.linkBody', { title: p.processTitle }), t(p.codeBy === 'sms' ? 'secureDelivery.linkCodeSms' : 'secureDelivery.linkCodeEmail', { days: p.validDays })];
  const personal = t('secureDelivery.linkPersonal');
  return {
    subject: t('secureDelivery.linkSubject', { title: p.processTitle }),
    text: `${paragraphs.join('\n\n')}\n\n${link}\n\n${personal}\n`,
    html: page([...paragraphs, personal], { href: link, label: t('secureDelivery.linkButton') }),
    attachments: [],
  };
}

export function renderDownloadCode(p: DownloadCodeParams, env: Env, channel: 'email' | 'sms', page: Page, t: Translate): RenderedMessage {
  const code = env.pinCode(p.codeId, 'digits', p.length);
  if (channel === 'sms') {
    const title = p.processTitle.length > 40 ? `${p.processTitle.slice(0, 39)}…` : p.processTitle;
    return { subject: '', text: t('secureDelivery.codeSms', { title, code, minutes: p.validMinutes }), html: '', attachments: [] };
  }
  const lines = [t('secureDelivery.codeBody', { title: p.processTitle, code }), t('secureDelivery.codeValid', { minutes: p.validMinutes })];
  return { subject: t('secureDelivery.codeSubject', { title: p.processTitle }), text: `${lines.join('\n\n')}\n`, html: page(lines), attachments: [] };
}
