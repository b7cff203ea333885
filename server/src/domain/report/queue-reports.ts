// On completion, in the sealing transaction: the process's report template's email recipients get the completion
// email with the finals (through the secure-mail pipeline), and each of its URLs one delivery row and one outbox job,
// so every report goes out once the finals are stored, and only then.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { reportDeliveries, reportTemplates } from '../../db/schema';
import { asLanguage } from '../../i18n/languages';
import type { Ctx } from '../context';
import { queueFinalDocuments } from '../secure-mail/queue-final-documents';
import { enqueueJob } from '../outbox/enqueue-job';
import { getSettings } from '../settings/get-settings';

export async function queueReports(
  tx: Ctx,
  input: { process: { id: string; title: string; reportTemplateId: string | null }; alreadyTold: string[]; documents: { documentId: string; filename: string }[] },
): Promise<void> {
  if (!input.process.reportTemplateId) return;
  const [template] = await tx.db.select().from(reportTemplates).where(eq(reportTemplates.id, input.process.reportTemplateId));
  if (!template) return;
  const told = new Set(input.alreadyTold.map((e) => e.toLowerCase()));
  for (const recipient of template.emailRecipients.filter((e) => !told.has(e.toLowerCase()))) {
    // Attached, S/MIME or a protected link as Admin → Secure mail says, like the sender's and signers' copies (audited there).
    await queueFinalDocuments(tx, {
      processId: input.process.id,
      processTitle: input.process.title,
      recipient,
      language: asLanguage(template.language),
      documents: input.documents,
    });
  }
  if (!(await getSettings(tx)).reports.postEnabled) return;
  for (const url of template.postUrls) {
    const id = randomUUID();
    const inserted = await tx.db
      .insert(reportDeliveries)
      .values({ id, processId: input.process.id, url, createdAt: tx.clock() })
      .onConflictDoNothing()
      .returning({ id: reportDeliveries.id });
    if (inserted.length) await enqueueJob(tx, { kind: 'deliver-report', payload: { deliveryId: id }, dedupeKey: `report:${id}` });
  }
}
