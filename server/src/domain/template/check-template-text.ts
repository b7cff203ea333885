// An admin's wording is checked before it is stored: only the placeholders of that message, the ones it cannot do
// without, a subject for emails, and lengths that keep messages sendable.
import { invalidInput } from '../errors';
import { PLACEHOLDER } from './fill-placeholders';
import type { catalogEntry } from './template-catalog';

type Entry = NonNullable<ReturnType<typeof catalogEntry>>;

export function checkTemplateText(entry: Entry, input: { subject: string; body: string }): void {
  for (const [field, text] of [['subject', input.subject], ['body', input.body]] as const) {
    for (const m of text.matchAll(PLACEHOLDER)) {
      if (!(m[1] in entry.placeholders)) {
        throw invalidInput(`Unknown placeholder {{${m[1]}}}: this message knows ${Object.keys(entry.placeholders).map((p) => `{{${p}}}`).join(', ')}`, field);
      }
    }
  }
  if (entry.channel === 'email' && !input.subject.trim()) throw invalidInput('An email needs a subject', 'subject');
  if (!input.body.trim()) throw invalidInput('The text is empty', 'body');
  if (input.subject.length > 300) throw invalidInput('The subject may be at most 300 characters', 'subject');
  const max = entry.channel === 'sms' ? 600 : 10_000;
  if (input.body.length > max) throw invalidInput(`The text may be at most ${max} characters`, 'body');
  for (const name of entry.required) {
    if (![...input.body.matchAll(PLACEHOLDER)].some((m) => m[1] === name)) throw invalidInput(`The text must contain {{${name}}}`, 'body');
  }
}
