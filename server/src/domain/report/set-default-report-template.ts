// Makes one report template the default (the one forced on every process, or preselected when senders choose).
import { eq, ne } from 'drizzle-orm';
import { reportTemplates } from '../../db/schema';
import { recordAdminEvent } from '../admin/record-admin-event';
import { requireAdminActor } from '../admin/require-admin';
import { inTransaction, type Ctx } from '../context';
import { notFound } from '../errors';
import { isUuid } from '../process/find-own-process';

export async function setDefaultReportTemplate(ctx: Ctx, input: { templateId: string }): Promise<void> {
  requireAdminActor(ctx);
  if (!isUuid(input.templateId)) throw notFound('Report template');
  await inTransaction(ctx, async (tx) => {
    const made = await tx.db.update(reportTemplates).set({ isDefault: true }).where(eq(reportTemplates.id, input.templateId)).returning({ name: reportTemplates.name });
    if (made.length === 0) throw notFound('Report template');
    await tx.db.update(reportTemplates).set({ isDefault: false }).where(ne(reportTemplates.id, input.templateId));
    await recordAdminEvent(tx, { action: 'report_template.default', details: { id: input.templateId, name: made[0].name } });
  });
}
