// One message template as the admin center shows it: the stored wording or the built-in one, and what it may say.
import { and, eq } from 'drizzle-orm';
import { messageTemplates } from '../../db/schema';
import type { Language } from '../../i18n/languages';
import type { Ctx } from '../context';
import { requireAdminActor } from '../admin/require-admin';
import { findTemplateEntry } from './find-template-entry';
import { defaultTemplate } from './template-catalog';

export interface MessageTemplateView {
  kind: string;
  channel: 'email' | 'sms';
  language: Language;
  title: string;
  subject: string;
  body: string;
  /** Whether an admin's wording is stored (otherwise the built-in text shows). */
  customised: boolean;
  placeholders: Record<string, string>;
  required: string[];
}

export async function getMessageTemplate(ctx: Ctx, input: { kind: string; channel: string; language: string }): Promise<MessageTemplateView> {
  requireAdminActor(ctx);
  const { entry, language } = findTemplateEntry(input);
  const [row] = await ctx.db
    .select()
    .from(messageTemplates)
    .where(and(eq(messageTemplates.kind, entry.kind), eq(messageTemplates.channel, entry.channel), eq(messageTemplates.language, language)));
  const text = row ?? defaultTemplate(entry, language);
  return {
    kind: entry.kind,
    channel: entry.channel,
    language,
    title: entry.title,
    subject: text.subject,
    body: text.body,
    customised: Boolean(row),
    placeholders: entry.placeholders,
    required: entry.required,
  };
}
