// The language switcher of the signer's pages: every language by its own name, the current one marked.
import { languageNames, languages, type Language } from '../i18n/languages';
import type { Translate } from '../i18n/translate';

export function LanguageNav(p: { base: string; language: Language; t: Translate }) {
  return (
    <nav class="languages" aria-label={p.t('sign.language')}>
      {languages.map((l) =>
        l === p.language ? (
          <strong lang={l} aria-current="true">{languageNames[l]}</strong>
        ) : (
          <a href={`${p.base}?lang=${l}`} lang={l} hreflang={l}>
            {languageNames[l]}
          </a>
        ),
      )}
    </nav>
  );
}
