// The report templates a user may pick at start: every template, or only those their group allows (a group's
// list empty means all). Names and ids only: nothing of a template's recipients or secret.
import type { ReportTemplateChoice } from '@secure-signature/shared';
import { asc, eq } from 'drizzle-orm';
import { groups, reportTemplates, users } from '../../db/schema';
import type { Ctx } from '../context';

export async function choosableReportTemplates(ctx: Ctx, input: { userId: string }): Promise<ReportTemplateChoice[]> {
  const [row] = await ctx.db
    .select({ allowed: groups.reportTemplateIds })
    .from(users)
    .leftJoin(groups, eq(groups.id, users.groupId))
    .where(eq(users.id, input.userId));
  const allowed = row?.allowed ?? [];
  const all = await ctx.db
    .select({ id: reportTemplates.id, name: reportTemplates.name, isDefault: reportTemplates.isDefault })
    .from(reportTemplates)
    .orderBy(asc(reportTemplates.name));
  return allowed.length ? all.filter((t) => allowed.includes(t.id)) : all;
}
