// The admin's wording for the message about to be queued, if any: which editable template a message is (its kind,
// channel and language), and the stored override of it.
import { and, eq } from 'drizzle-orm';
import { messageTemplates } from '../../db/schema';
import { asLanguage } from '../../i18n/languages';
import type { Ctx } from '../context';
import type { MessageParams, MessageTemplate } from '../mail/templates';
import { catalogEntry, type TemplateRef } from './template-catalog';
import type { TemplateOverride } from './render-override';

function refOf(template: MessageTemplate, params: MessageParams[MessageTemplate]): TemplateRef | null {
  const language = asLanguage(params.language);
  if (template === 'signSms' || template === 'noticeSms') return { kind: (params as { kind: string }).kind, channel: 'sms', language };
  if (template === 'pin') return { kind: 'pin', channel: 'sms', language };
  return catalogEntry(template, 'email') ? { kind: template, channel: 'email', language } : null;
}

export async function findTemplateOverride(ctx: Ctx, input: { template: MessageTemplate; params: MessageParams[MessageTemplate] }): Promise<TemplateOverride | null> {
  const ref = refOf(input.template, input.params);
  if (!ref) return null;
  const [row] = await ctx.db
    .select({ subject: messageTemplates.subject, body: messageTemplates.body })
    .from(messageTemplates)
    .where(and(eq(messageTemplates.kind, ref.kind), eq(messageTemplates.channel, ref.channel), eq(messageTemplates.language, ref.language)))
    .limit(1);
  return row ?? null;
}
