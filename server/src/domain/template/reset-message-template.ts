// Back to the built-in wording of one message in one language: the admin's override is deleted (and logged).
import { and, eq } from 'drizzle-orm';
import { messageTemplates } from '../../db/schema';
import { inTransaction, type Ctx } from '../context';
import { recordAdminEvent } from '../admin/record-admin-event';
import { requireAdminActor } from '../admin/require-admin';
import { findTemplateEntry } from './find-template-entry';

export async function resetMessageTemplate(ctx: Ctx, input: { kind: string; channel: string; language: string }): Promise<void> {
  requireAdminActor(ctx);
  const { entry, language } = findTemplateEntry(input);
  await inTransaction(ctx, async (tx) => {
    const removed = await tx.db
      .delete(messageTemplates)
      .where(and(eq(messageTemplates.kind, entry.kind), eq(messageTemplates.channel, entry.channel), eq(messageTemplates.language, language)))
      .returning();
    if (removed.length > 0) {
      await recordAdminEvent(tx, { action: 'message_template_reset', details: { template: `${entry.channel}:${entry.kind}`, language, from: { subject: removed[0].subject, body: removed[0].body } } });
    }
  });
}
