// Removes a report template no process used (processes keep pointing at theirs); the default cannot go while
// another template could take its place unnoticed, so the admin picks a new default first.
import { count, eq } from 'drizzle-orm';
import { processes, reportTemplates } from '../../db/schema';
import { recordAdminEvent } from '../admin/record-admin-event';
import { requireAdminActor } from '../admin/require-admin';
import { inTransaction, type Ctx } from '../context';
import { conflict, notFound } from '../errors';
import { isUuid } from '../process/find-own-process';

export async function deleteReportTemplate(ctx: Ctx, input: { templateId: string }): Promise<void> {
  requireAdminActor(ctx);
  if (!isUuid(input.templateId)) throw notFound('Report template');
  await inTransaction(ctx, async (tx) => {
    const [t] = await tx.db.select().from(reportTemplates).where(eq(reportTemplates.id, input.templateId)).for('update');
    if (!t) throw notFound('Report template');
    const [{ n }] = await tx.db.select({ n: count() }).from(processes).where(eq(processes.reportTemplateId, t.id));
    if (n > 0) throw conflict(`${t.name} was used by ${n} process${n === 1 ? '' : 'es'} and cannot be removed`);
    const [{ others }] = await tx.db.select({ others: count() }).from(reportTemplates);
    if (t.isDefault && others > 1) throw conflict(`${t.name} is the default: make another template the default first`);
    await tx.db.delete(reportTemplates).where(eq(reportTemplates.id, t.id));
    await recordAdminEvent(tx, { action: 'report_template.removed', details: { id: t.id, name: t.name } });
  });
}
