// The protected download page of final documents (/d/<token>): ask for a one-time code, enter it, then download
// the documents and, once, send a certificate for encrypted mail next time. Works without JavaScript.
import type { DownloadView } from '../domain/secure-mail/get-download-view';
import type { Language } from '../i18n/languages';
import type { Translate } from '../i18n/translate';
import { LanguageNav } from './language-nav';
import { Layout, Notice } from './layout';

export function DownloadPage(p: { token: string; view: DownloadView; t: Translate; language: Language; notice?: { kind: 'ok' | 'error'; text: string } }) {
  const { view: v, t } = p;
  const base = `/d/${p.token}`;
  return (
    <Layout title={t('secureDelivery.title')} lang={p.language}>
      <LanguageNav base={base} language={p.language} t={t} />
      <Notice kind={p.notice?.kind} text={p.notice?.text} />
      <div class="card pin-card" id="download">
        <h1>{t('secureDelivery.title')}</h1>
        <p>
          <strong>{v.processTitle}</strong>
        </p>
        {v.locked ? (
          <div class="notice error" role="alert" id="download-locked">
            {t('secureDelivery.locked')}
          </div>
        ) : !v.unlocked ? (
          <>
            <p>{v.sentTo.channel === 'sms' ? t('secureDelivery.codeBySms', { phone: v.sentTo.to }) : t('secureDelivery.codeByEmail', { email: v.sentTo.to })}</p>
            {v.codeWaiting ? (
              <form method="post" action={`${base}/code`} class="pin-form">
                <label for="code">{t('secureDelivery.codeLabel')}</label>
                <input id="code" name="code" required autofocus autocomplete="one-time-code" inputmode="numeric" maxlength={16} size={12} class="pin-input" />
                <div class="actions">
                  <button type="submit" id="code-submit">{t('secureDelivery.open')}</button>
                </div>
              </form>
            ) : null}
            <form method="post" action={`${base}/order`} class="actions">
              <button type="submit" id="code-order" class={v.codeWaiting ? 'secondary' : ''}>
                {v.codeWaiting ? t('secureDelivery.orderAgain') : t('secureDelivery.order')}
              </button>
            </form>
          </>
        ) : (
          <>
            <ul id="documents">
              {v.documents.map((d) => (
                <li>
                  <a href={`${base}/files/${d.id}`} download>
                    {d.filename}
                  </a>
                </li>
              ))}
            </ul>
            {v.hasCertificate ? (
              <p class="muted" id="certificate-known">
                {t('secureDelivery.certificateKnown', { email: v.recipient })}
              </p>
            ) : (
              <form method="post" action={`${base}/certificate`} enctype="multipart/form-data" id="certificate-form">
                <h2>{t('secureDelivery.certificateTitle')}</h2>
                <p class="muted">{t('secureDelivery.certificateExplain', { email: v.recipient })}</p>
                <label for="certificate">{t('secureDelivery.certificateLabel')}</label>
                <input id="certificate" name="certificate" type="file" accept=".cer,.crt,.pem,.der" required />
                <div class="actions">
                  <button type="submit" class="secondary">{t('secureDelivery.certificateSend')}</button>
                </div>
              </form>
            )}
          </>
        )}
      </div>
    </Layout>
  );
}
