// Translation through i18next: one instance, initialised synchronously at import, with every language's texts.
// Interpolated values are not escaped here: pages escape in JSX and the email renderer escapes its HTML.
import i18next, { type TFunction } from 'i18next';
import { da } from './da';
import { de } from './de';
import { en } from './en';
import { fi } from './fi';
import type { Language } from './languages';
import { sv } from './sv';

const instance = i18next.createInstance();
void instance.init({
  initAsync: false,
  fallbackLng: 'en',
  resources: { en: { translation: en }, fi: { translation: fi }, sv: { translation: sv }, da: { translation: da }, de: { translation: de } },
  interpolation: { escapeValue: false },
});

export type Translate = TFunction;

export function translator(language: Language): Translate {
  return instance.getFixedT(language);
}
