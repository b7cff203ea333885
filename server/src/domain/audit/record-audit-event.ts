// Appends one event to a process's audit trail, chained to the event before it. Runs in the caller's transaction
// (a savepoint when there is one) and locks the process row, so concurrent events of one process form one chain.
import { eq } from 'drizzle-orm';
import { auditEvents, processes } from '../../db/schema';
import { inTransaction, type Ctx } from '../context';
import { auditEventHash } from './audit-event-hash';

export type AuditEventType =
  | 'process_created'
  | 'document_added'
  | 'document_replaced'
  | 'signature_withdrawn'
  | 'block_opened'
  | 'signer_added'
  | 'invitation_sent'
  | 'reminder_sent'
  | 'link_opened'
  | 'document_downloaded'
  | 'signed'
  | 'rejected'
  | 'aborted'
  | 'expired'
  | 'completed'
  | 'sealed'
  | 'final_sent'
  | 'pin_sent'
  | 'pin_verified'
  | 'pin_failed'
  | 'pin_locked'
  | 'pin_unlocked'
  | 'disclaimer_accepted'
  | 'forwarded'
  | 'identity_refused'
  | 'signing_right_confirmed'
  | 'signing_right_refused'
  | 'handover_started'
  | 'handover_completed'
  | 'report_delivered'
  | 'report_attempt_failed'
  | 'report_failed'
  | 'file_room_delivered'
  | 'file_room_attempt_failed'
  | 'file_room_failed'
  | 'download_code_sent'
  | 'download_code_verified'
  | 'download_code_failed'
  | 'download_locked'
  | 'final_downloaded'
  | 'recipient_certificate_received'
  | 'received_by_email';

export async function recordAuditEvent(
  ctx: Ctx,
  input: { processId: string; type: AuditEventType; message: string; actor?: string },
): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const [process] = await tx.db
      .select({ head: processes.auditHead })
      .from(processes)
      .where(eq(processes.id, input.processId))
      .for('update');
    const fields = {
      processId: input.processId,
      type: input.type,
      message: input.message,
      actor: input.actor ?? tx.actor?.email ?? null,
      ip: tx.ip ?? null,
      createdAt: tx.clock(),
      prevHash: process?.head ?? null,
    };
    const hash = auditEventHash(tx.secrets, fields);
    await tx.db.insert(auditEvents).values({ ...fields, hash });
    await tx.db.update(processes).set({ auditHead: hash }).where(eq(processes.id, input.processId));
  });
}
