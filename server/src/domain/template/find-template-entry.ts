// The editable template an admin names (kind, channel, language), or not_found.
import { isLanguage, type Language } from '../../i18n/languages';
import { notFound } from '../errors';
import { catalogEntry } from './template-catalog';

export function findTemplateEntry(input: { kind: string; channel: string; language: string }): { entry: NonNullable<ReturnType<typeof catalogEntry>>; language: Language } {
  const entry = catalogEntry(input.kind, input.channel);
  if (!entry || !isLanguage(input.language)) throw notFound('Message template');
  return { entry, language: input.language };
}
