// An admin stores their wording of one message in one language; it is used from the next message on. Logged in the
// admin audit log with the old and new text.
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { messageTemplates } from '../../db/schema';
import { inTransaction, type Ctx } from '../context';
import { recordAdminEvent } from '../admin/record-admin-event';
import { requireAdminActor } from '../admin/require-admin';
import { checkTemplateText } from './check-template-text';
import { findTemplateEntry } from './find-template-entry';

export async function saveMessageTemplate(ctx: Ctx, input: { kind: string; channel: string; language: string; subject: string; body: string }): Promise<void> {
  requireAdminActor(ctx);
  const { entry, language } = findTemplateEntry(input);
  const text = { subject: entry.channel === 'sms' ? '' : input.subject.trim(), body: input.body.replace(/\r\n/g, '\n').trim() };
  checkTemplateText(entry, text);
  await inTransaction(ctx, async (tx) => {
    const where = and(eq(messageTemplates.kind, entry.kind), eq(messageTemplates.channel, entry.channel), eq(messageTemplates.language, language));
    const [before] = await tx.db.select().from(messageTemplates).where(where).for('update');
    if (before) await tx.db.update(messageTemplates).set({ ...text, updatedAt: tx.clock() }).where(eq(messageTemplates.id, before.id));
    else await tx.db.insert(messageTemplates).values({ id: randomUUID(), kind: entry.kind, channel: entry.channel, language, ...text, updatedAt: tx.clock() }).onConflictDoUpdate({ target: [messageTemplates.kind, messageTemplates.channel, messageTemplates.language], set: { ...text, updatedAt: tx.clock() } });
    await recordAdminEvent(tx, {
      action: 'message_template_changed',
      details: { template: `${entry.channel}:${entry.kind}`, language, from: before ? { subject: before.subject, body: before.body } : 'built-in', to: text },
    });
  });
}
