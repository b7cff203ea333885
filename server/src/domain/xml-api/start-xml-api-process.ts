// Starts a process for an XML API request: the one start path (startProcess), plus the record of which key
// started it, in one transaction, so the XML API can later read exactly the processes it started.
import { eq } from 'drizzle-orm';
import type { ProcessView, StartProcessInput } from '@secure-signature/shared';
import { reportTemplates, xmlApiProcesses } from '../../db/schema';
import { inTransaction, type Ctx } from '../context';
import { invalidInput } from '../errors';
import { startProcess } from '../process/start-process';
import type { UploadedFile } from '../process/uploaded-file';

export async function startXmlApiProcess(
  ctx: Ctx,
  input: { keyId: string; process: StartProcessInput; reportTemplateName?: string; documents: UploadedFile[]; attachments: UploadedFile[] },
): Promise<ProcessView> {
  return inTransaction(ctx, async (tx) => {
    let process = input.process;
    // A report template named rather than given by id; whether this sender may use it, startProcess decides.
    if (input.reportTemplateName && !process.reportTemplateId) {
      const [t] = await tx.db.select({ id: reportTemplates.id }).from(reportTemplates).where(eq(reportTemplates.name, input.reportTemplateName));
      if (!t) throw invalidInput(`There is no report template named "${input.reportTemplateName}"`, 'reportTemplate');
      process = { ...process, reportTemplateId: t.id };
    }
    const view = await startProcess(tx, { process, documents: input.documents, attachments: input.attachments, component: 'xml' });
    await tx.db.insert(xmlApiProcesses).values({ processId: view.id, apiKeyId: input.keyId, createdAt: tx.clock() });
    return view;
  });
}
