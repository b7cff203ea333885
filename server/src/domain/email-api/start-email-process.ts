// Starts a process from an Email API message: the one start path (startProcess) in the sender's name, plus the
// audit event that it came by email (from which address, with which Message-ID), in one transaction, so a refused
// message leaves nothing behind. The same message delivered again (same sender and Message-ID: the sending MTA
// retries when our answer was lost) starts nothing new and is answered with the process it started.
import { and, eq } from 'drizzle-orm';
import type { StartProcessInput } from '@secure-signature/shared';
import { emailApiMessages, reportTemplates } from '../../db/schema';
import { recordAuditEvent } from '../audit/record-audit-event';
import { inTransaction, type Ctx } from '../context';
import { invalidInput } from '../errors';
import { startProcess } from '../process/start-process';
import type { UploadedFile } from '../process/uploaded-file';

export async function startEmailProcess(
  ctx: Ctx,
  input: {
    from: string;
    messageId: string;
    process: StartProcessInput;
    reportTemplateName?: string;
    documents: UploadedFile[];
    attachments: UploadedFile[];
  },
): Promise<{ processId: string; repeated: boolean }> {
  const sender = input.from.trim().toLowerCase();
  return inTransaction(ctx, async (tx) => {
    if (input.messageId) {
      const [seen] = await tx.db
        .select({ processId: emailApiMessages.processId })
        .from(emailApiMessages)
        .where(and(eq(emailApiMessages.sender, sender), eq(emailApiMessages.messageId, input.messageId)));
      if (seen) return { processId: seen.processId, repeated: true };
    }
    let process = input.process;
    // A report template named in the options; whether this sender may use it, startProcess decides.
    if (input.reportTemplateName) {
      const [t] = await tx.db.select({ id: reportTemplates.id }).from(reportTemplates).where(eq(reportTemplates.name, input.reportTemplateName));
      if (!t) throw invalidInput(`There is no report template named "${input.reportTemplateName}"`, 'report-template');
      process = { ...process, reportTemplateId: t.id };
    }
    const view = await startProcess(tx, { process, documents: input.documents, attachments: input.attachments, component: 'email' });
    await recordAuditEvent(tx, {
      processId: view.id,
      type: 'received_by_email',
      message: `Process received by email from ${input.from}, Message-ID ${input.messageId || '(none)'}`,
    });
    // A second delivery racing this one fails on the unique index and is retried by its MTA, then answered above.
    if (input.messageId) await tx.db.insert(emailApiMessages).values({ processId: view.id, sender, messageId: input.messageId, createdAt: tx.clock() });
    return { processId: view.id, repeated: false };
  });
}
