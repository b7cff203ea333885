// The first step of a signing link that needs an SMS PIN: order a PIN, enter it. Shows nothing of the process
// before the PIN is right, and works without JavaScript and at phone width.
import type { PinState } from '../domain/signer-pin/get-pin-state';
import type { Language } from '../i18n/languages';
import type { Translate } from '../i18n/translate';
import { LanguageNav } from './language-nav';
import { Layout, Notice } from './layout';

export function PinPage(p: { token: string; state: Extract<PinState, { required: true }>; t: Translate; language: Language; notice?: { kind: 'ok' | 'error'; text: string } }) {
  const { t, state: s } = p;
  const base = `/s/${p.token}`;
  return (
    <Layout title={t('pin.title')} lang={p.language}>
      <LanguageNav base={base} language={p.language} t={t} />
      <Notice kind={p.notice?.kind} text={p.notice?.text} />
      <div class="card pin-card">
        <h1>{t('pin.title')}</h1>
        {s.blocked ? (
          <div class="notice error" role="alert" id="pin-blocked">
            {t(s.blocked.textKey!, s.blocked.textParams)}
          </div>
        ) : (
          <>
            <p>{t('pin.explain', { phone: s.sentTo ?? '' })}</p>
            {s.pinWaiting ? (
              <form method="post" action={`${base}/pin`} class="pin-form">
                <label for="pin">{t('pin.label')}</label>
                <input
                  id="pin"
                  name="pin"
                  required
                  autofocus
                  autocomplete="one-time-code"
                  inputmode={s.digitsOnly ? 'numeric' : 'text'}
                  autocapitalize="characters"
                  maxlength={s.pinLength + 4}
                  size={s.pinLength + 2}
                  class="pin-input"
                />
                <div class="actions">
                  <button type="submit" id="pin-submit">{t('pin.submit')}</button>
                </div>
              </form>
            ) : null}
            <form method="post" action={`${base}/pin/order`} class="actions">
              <button type="submit" id="pin-order" class={s.pinWaiting ? 'secondary' : ''}>
                {s.pinWaiting ? t('pin.orderAgain') : t('pin.order')}
              </button>
            </form>
          </>
        )}
      </div>
    </Layout>
  );
}
