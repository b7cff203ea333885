// Who is told about a process, each in their language: the sender (English until users have a language) and the
// given signers in theirs. A sender who also signs is told once, in their signer language.
import { asLanguage, type Language } from '../../i18n/languages';

export function recipientLanguages(senderEmail: string, signers: { email: string; language: string }[]): Map<string, Language> {
  return new Map<string, Language>([[senderEmail, 'en'], ...signers.map((s) => [s.email, asLanguage(s.language)] as const)]);
}
