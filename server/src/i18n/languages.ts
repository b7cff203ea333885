// The languages of everything a signer sees: pages, emails (and later SMS).
export const languages = ['en', 'fi', 'sv', 'da', 'de'] as const;
export type Language = (typeof languages)[number];
export const languageNames: Record<Language, string> = { en: 'English', fi: 'Suomi', sv: 'Svenska', da: 'Dansk', de: 'Deutsch' };
export const isLanguage = (v: unknown): v is Language => typeof v === 'string' && (languages as readonly string[]).includes(v);
export const asLanguage = (v: unknown): Language => (isLanguage(v) ? v : 'en');
