// Which report template a new process gets: the default when the admin forces it, otherwise the sender's choice
// (checked against what their group may use) or the default when they may use it. Null: no report.
import type { Settings } from '@secure-signature/shared';
import { eq } from 'drizzle-orm';
import { reportTemplates } from '../../db/schema';
import type { Ctx, UserActor } from '../context';
import { invalidInput } from '../errors';
import { choosableReportTemplates } from './choosable-report-templates';

export type ResolvedTemplate = typeof reportTemplates.$inferSelect;

export async function resolveReportTemplate(
  ctx: Ctx,
  input: { actor: UserActor; requested?: string; settings: Pick<Settings, 'reports'> },
): Promise<ResolvedTemplate | null> {
  const load = async (id: string) => (await ctx.db.select().from(reportTemplates).where(eq(reportTemplates.id, id)))[0] ?? null;
  if (input.settings.reports.templateChoice === 'default_forced') {
    const [def] = await ctx.db.select().from(reportTemplates).where(eq(reportTemplates.isDefault, true));
    if (input.requested && input.requested !== def?.id) {
      throw invalidInput('The administrator sets the report template of every process', 'reportTemplateId');
    }
    return def ?? null;
  }
  const mayUse = await choosableReportTemplates(ctx, { userId: input.actor.id });
  if (input.requested) {
    if (!mayUse.some((t) => t.id === input.requested)) throw invalidInput('You may not use this report template', 'reportTemplateId');
    return load(input.requested);
  }
  const def = mayUse.find((t) => t.isDefault);
  return def ? load(def.id) : null;
}
