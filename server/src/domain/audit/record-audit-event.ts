// Appends one event to a process's audit trail. Called inside the transaction of the change it describes.
import { auditEvents } from '../../db/schema';
import type { Ctx } from '../context';

export type AuditEventType =
  | 'process_created'
  | 'document_added'
  | 'invitation_sent'
  | 'reminder_sent'
  | 'link_opened'
  | 'document_downloaded'
  | 'signed'
  | 'rejected'
  | 'aborted'
  | 'completed'
  | 'sealed'
  | 'final_sent';

export async function recordAuditEvent(
  ctx: Ctx,
  input: { processId: string; type: AuditEventType; message: string; actor?: string },
): Promise<void> {
  await ctx.db.insert(auditEvents).values({
    processId: input.processId,
    type: input.type,
    message: input.message,
    actor: input.actor ?? ctx.actor?.email ?? null,
    ip: ctx.ip ?? null,
    createdAt: ctx.clock(),
  });
}
