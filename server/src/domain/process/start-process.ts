// Starts a signature process: stores the documents, creates the signers and invites them (only the first when
// signing order is forced; with signature blocks, those who may sign the first). Everything in one transaction, the invitations through the outbox.
import { randomUUID } from 'node:crypto';
import type { ProcessView, StartProcessInput } from '@secure-signature/shared';
import { documents, processes, signatureBlocks, signers } from '../../db/schema';
import { planSignatureBlocks } from '../signature-block/plan-signature-blocks';
import { advanceSignatureBlocks } from '../signature-block/advance-signature-blocks';
import { sha256Hex } from '../../storage/blob-store';
import { recordAuditEvent } from '../audit/record-audit-event';
import { inTransaction, requireActor, type Ctx } from '../context';
import { hashToken } from '../secrets';
import { getSettings } from '../settings/get-settings';
import { applyAttachmentsPolicy } from './apply-attachments-policy';
import { applyStartPolicy } from './apply-start-policy';
import { resolveReportTemplate } from '../report/resolve-report-template';
import { can } from '../user/actor';
import { forbidden } from '../errors';
import { availableMethods } from '../identity-provider/list-identity-providers';
import { inviteSigner } from '../signer/invite-signer';
import { loadProcessView } from './load-process-view';
import type { UploadedFile } from './uploaded-file';
import { validateUploads } from './validate-uploads';

export async function startProcess(
  ctx: Ctx,
  input: { process: StartProcessInput; documents: UploadedFile[]; attachments: UploadedFile[]; component?: string },
): Promise<ProcessView> {
  const actor = requireActor(ctx);
  if (!can(actor, 'start_processes')) throw forbidden('You may not start signature processes; ask your administrator');
  validateUploads({ documents: input.documents, attachments: input.attachments, maxBytes: ctx.config.maxUploadBytes });
  const files = [
    ...input.documents.map((f) => ({ ...f, kind: 'document' as const, contentType: 'application/pdf' })),
    ...input.attachments.map((f) => ({ ...f, kind: 'attachment' as const })),
  ].map((f) => ({ ...f, id: randomUUID(), sha256: sha256Hex(f.bytes) }));

  const settings = await getSettings(ctx);
  const processId = randomUUID();
  const enabled = (await availableMethods(ctx)).map((m) => m.id);
  const p = applyStartPolicy(settings, input.process, actor, enabled);
  // The report template decides where the signatures page goes.
  const reportTemplate = await resolveReportTemplate(ctx, { actor, requested: input.process.reportTemplateId, settings });
  const attachmentsVisible = applyAttachmentsPolicy(settings, { attachmentCount: input.attachments.length, attachmentsVisible: p.attachmentsVisible });
  const signerRows = p.signers.map((s, i) => {
    const id = randomUUID();
    return {
      id,
      processId,
      position: i + 1,
      email: s.email.toLowerCase(),
      name: s.name || null,
      phone: s.phone || null,
      identityNumber: s.identityNumber || null,
      businessId: s.businessId || null,
      organization: s.organization || null,
      jobTitle: s.jobTitle || null,
      language: s.language ?? p.language,
      status: 'waiting' as const,
      tokenHash: hashToken(ctx.secrets.signerToken(id)),
    };
  });

  const { expiryDays } = settings.reminders;
  await inTransaction(ctx, async (tx) => {
    for (const f of files) await tx.blobs.put(tx.db, f.bytes);
    await tx.db.insert(processes).values({
      id: processId,
      senderId: actor.id,
      title: p.title,
      message: p.message,
      status: 'pending',
      signingOrder: p.signingOrder,
      signaturePagePosition: reportTemplate?.pagePosition ?? p.signaturePagePosition,
      reportTemplateId: reportTemplate?.id ?? null,
      signatureMethods: p.signatureMethods,
      forceDownload: p.forceDownload,
      allowSignAndForward: p.allowSignAndForward,
      allowForward: p.allowForward,
      reminders: p.reminders ?? null,
      attachmentsVisible,
      smsNotifications: p.smsNotifications,
      component: input.component ?? 'api',
      signerCount: signerRows.length,
      blockCount: p.blocks?.length ?? 0,
      documentCount: input.documents.length,
      createdAt: tx.clock(),
      expiresAt: expiryDays > 0 ? new Date(tx.clock().getTime() + expiryDays * 86_400_000) : null,
    });
    if (signerRows.length) await tx.db.insert(signers).values(signerRows);
    await tx.db.insert(documents).values(
      files.map((f, i) => ({
        id: f.id,
        processId,
        position: i + 1,
        kind: f.kind,
        filename: f.filename,
        contentType: f.contentType || 'application/octet-stream',
        size: f.bytes.byteLength,
        sha256: f.sha256,
      })),
    );
    await recordAuditEvent(tx, { processId, type: 'process_created', message: `Process with id: ${processId} created` });
    for (const f of files) {
      await recordAuditEvent(tx, {
        processId,
        type: 'document_added',
        message: `${f.kind === 'document' ? 'Document' : 'Attachment'} added: ${f.filename} (SHA-256 ${f.sha256})`,
      });
    }
    const invitationOf = { id: processId, title: p.title, message: p.message, smsNotifications: p.smsNotifications };
    if (p.blocks?.length) {
      const documentIds = files.filter((f) => f.kind === 'document').map((f) => f.id);
      await tx.db.insert(signatureBlocks).values(await planSignatureBlocks(tx, { processId, blocks: p.blocks, documentIds, language: p.language }));
      await advanceSignatureBlocks(tx, { process: invitationOf, sender: actor });
      return;
    }
    const invited = p.signingOrder ? signerRows.slice(0, 1) : signerRows;
    for (const s of invited) await inviteSigner(tx, { process: invitationOf, sender: actor, signer: s, kind: 'invitation' });
  });
  return loadProcessView(ctx, { processId, withAudit: false });
}
