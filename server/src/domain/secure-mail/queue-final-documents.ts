// Sends one recipient the final documents of a sealed process, the way Admin → Secure mail says: attached (as
// before), S/MIME-encrypted when their certificate is known, or as a protected download link whose one-time code
// goes by SMS or a second email. Users of this organisation keep attachments unless the admin says otherwise.
// Runs in the sealing transaction: the message, the link and the audit event commit together.
import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { secureDownloads, signers, users } from '../../db/schema';
import type { Language } from '../../i18n/languages';
import { recordAuditEvent } from '../audit/record-audit-event';
import type { Ctx } from '../context';
import { queueMessage } from '../mail/queue-message';
import type { FinalAttachment } from '../mail/templates';
import { hashToken } from '../secrets';
import { getSettings } from '../settings/get-settings';
import { downloadToken } from './download-token';
import { findRecipientCertificate } from './find-recipient-certificate';

export type FinalDelivery = 'attachments' | 'smime' | 'link';

export async function queueFinalDocuments(
  ctx: Ctx,
  input: { processId: string; processTitle: string; recipient: string; language?: Language; documents: FinalAttachment[] },
): Promise<FinalDelivery> {
  const { processId, processTitle, recipient, language } = input;
  const way = await chooseDelivery(ctx, recipient);
  if (way !== 'link') {
    const certificate = way === 'smime' ? await findRecipientCertificate(ctx, { email: recipient }) : null;
    await queueMessage(ctx, { processId, recipient, template: 'completed', params: { processTitle, documents: input.documents, language, ...(certificate ? { smime: true } : {}) } });
    await recordAuditEvent(ctx, {
      processId,
      type: 'final_sent',
      message: certificate ? `Final documents sent S/MIME-encrypted to: ${recipient} (certificate ${certificate.fingerprint256})` : `Final documents sent to: ${recipient}`,
      actor: 'system',
    });
    return way;
  }

  const { secureDelivery: policy, smsGateway } = await getSettings(ctx);
  const [signer] = await ctx.db
    .select({ phone: signers.phone })
    .from(signers)
    .where(and(eq(signers.processId, processId), sql`lower(${signers.email}) = ${recipient.toLowerCase()}`, sql`${signers.phone} is not null`))
    .limit(1);
  // With no SMS gateway to send through, a code by SMS would never arrive: a second email it is.
  const phone = policy.codeChannel === 'sms_or_email' && smsGateway.kind === 'http' ? (signer?.phone ?? null) : null;
  const id = randomUUID();
  await ctx.db.insert(secureDownloads).values({
    id,
    processId,
    recipient,
    phone,
    tokenHash: hashToken(downloadToken(ctx, id)),
    codeChannel: phone ? 'sms' : 'email',
    createdAt: ctx.clock(),
    expiresAt: new Date(ctx.clock().getTime() + policy.linkValidDays * 86_400_000),
  });
  await queueMessage(ctx, {
    processId,
    recipient,
    template: 'finalLink',
    params: { downloadId: id, processTitle, validDays: policy.linkValidDays, codeBy: phone ? 'sms' : 'email', language },
  });
  await recordAuditEvent(ctx, {
    processId,
    type: 'final_sent',
    message: `Protected download link of the final documents sent to: ${recipient} (valid ${policy.linkValidDays} days, code by ${phone ? 'SMS' : 'email'})`,
    actor: 'system',
  });
  return 'link';
}

async function chooseDelivery(ctx: Ctx, recipient: string): Promise<FinalDelivery> {
  const { secureDelivery: policy } = await getSettings(ctx);
  if (policy.externalMode === 'attachments') return 'attachments';
  if (!policy.includeUsers) {
    const [user] = await ctx.db.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${recipient.toLowerCase()}`).limit(1);
    if (user) return 'attachments';
  }
  if (policy.externalMode === 'link') return 'link';
  return (await findRecipientCertificate(ctx, { email: recipient })) ? 'smime' : 'link';
}
