// The handed-over device: the next signer enters the code from their email to continue with their own link.
import type { Language } from '../i18n/languages';
import type { Translate } from '../i18n/translate';
import { LanguageNav } from './language-nav';
import { Layout, Notice } from './layout';

export function HandoverPage(p: { token: string; handover: { id: string; to: { name: string; email: string } }; t: Translate; language: Language; error?: string }) {
  const { t } = p;
  const base = `/s/${p.token}/handover/${p.handover.id}`;
  return (
    <Layout title={t('sign.handoverCodeTitle', { name: p.handover.to.name })} lang={p.language}>
      <LanguageNav base={base} language={p.language} t={t} />
      <Notice kind="error" text={p.error} />
      <div class="card pin-card">
        <h1>{t('sign.handoverCodeTitle', { name: p.handover.to.name })}</h1>
        <p>{t('sign.handoverCodeHelp', { name: p.handover.to.name, email: p.handover.to.email })}</p>
        <form method="post" action={base} class="pin-form">
          <label for="code">{t('sign.handoverCodeLabel')}</label>
          <input id="code" name="code" required autofocus autocomplete="one-time-code" inputmode="numeric" maxlength={12} size={8} class="pin-input" />
          <div class="actions">
            <button type="submit">{t('sign.handoverContinue')}</button>
          </div>
        </form>
      </div>
    </Layout>
  );
}
