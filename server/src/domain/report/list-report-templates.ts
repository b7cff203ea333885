// The admin center's list of report templates, with how many processes used each (a used one cannot be removed).
import { SECRET_MASK, type ReportTemplateView } from '@secure-signature/shared';
import { asc, count, eq } from 'drizzle-orm';
import { processes, reportTemplates } from '../../db/schema';
import { requireAdminActor } from '../admin/require-admin';
import type { Ctx } from '../context';

export async function listReportTemplates(ctx: Ctx): Promise<ReportTemplateView[]> {
  requireAdminActor(ctx);
  const rows = await ctx.db
    .select({ t: reportTemplates, processes: count(processes.id) })
    .from(reportTemplates)
    .leftJoin(processes, eq(processes.reportTemplateId, reportTemplates.id))
    .groupBy(reportTemplates.id)
    .orderBy(asc(reportTemplates.name));
  return rows.map(({ t, processes: n }) => ({
    id: t.id,
    name: t.name,
    senderAddress: t.senderAddress,
    signaturesPage: t.signaturesPage,
    pagePosition: t.pagePosition,
    language: t.language as ReportTemplateView['language'],
    emailRecipients: t.emailRecipients,
    postUrls: t.postUrls,
    format: t.format,
    hmacSecret: t.hmacSecretEncrypted ? SECRET_MASK : '',
    isDefault: t.isDefault,
    processes: n,
  }));
}
