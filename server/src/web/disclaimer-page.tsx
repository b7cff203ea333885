// The admin's disclaimer, shown on a signer's link before anything else until the signer accepts it.
import type { Language } from '../i18n/languages';
import type { Translate } from '../i18n/translate';
import { LanguageNav } from './language-nav';
import { Layout } from './layout';

export function DisclaimerPage(p: { token: string; paragraphs: string[]; t: Translate; language: Language }) {
  const base = `/s/${p.token}`;
  return (
    <Layout title={p.t('disclaimer.title')} lang={p.language}>
      <LanguageNav base={base} language={p.language} t={p.t} />
      <div class="card">
        <h1>{p.t('disclaimer.title')}</h1>
        <div id="disclaimer">
          {p.paragraphs.map((text) => (
            <p>{text}</p>
          ))}
        </div>
        <form method="post" action={`${base}/disclaimer`} class="actions">
          <button type="submit" id="disclaimer-accept">{p.t('disclaimer.accept')}</button>
        </form>
      </div>
    </Layout>
  );
}
