// The recipient of a protected download link orders a one-time code: by SMS to the phone number they signed with,
// or by a second email. At most 5 within an hour, none while the link is locked. The code is derived from the
// new row's id (never stored) and goes out through the outbox, in one transaction.
import { randomUUID } from 'node:crypto';
import { and, count, eq, gte } from 'drizzle-orm';
import { secureDownloadCodes } from '../../db/schema';
import { recordAuditEvent } from '../audit/record-audit-event';
import { inTransaction, type Ctx } from '../context';
import { DomainError } from '../errors';
import { DOWNLOAD_CODE_LENGTH } from '../mail/secure-delivery-templates';
import { queueMessage } from '../mail/queue-message';
import { hashToken } from '../secrets';
import type { Language } from '../../i18n/languages';
import { getSettings } from '../settings/get-settings';
import { maskPhone } from '../signer-pin/pin-required';
import { findDownloadByToken } from './find-download-by-token';

export const MAX_CODE_ORDERS = 5;
const ORDER_WINDOW_MS = 60 * 60_000;

export const lockedDownload = () =>
  new DomainError('forbidden', 'Too many wrong codes: this link is locked. Ask the sender of the documents to send them again.', undefined, 'secureDelivery.locked');

/** Where the code goes, as the page and the audit trail show it. */
export const codeDestination = (d: { codeChannel: 'sms' | 'email'; phone: string | null; recipient: string }) =>
  d.codeChannel === 'sms' && d.phone ? { channel: 'sms' as const, to: maskPhone(d.phone) } : { channel: 'email' as const, to: d.recipient };

export async function orderDownloadCode(ctx: Ctx, input: { token: string; language: Language }): Promise<{ validMinutes: number }> {
  const { secureDelivery: policy } = await getSettings(ctx);
  return inTransaction(ctx, async (tx) => {
    const { download, process } = await findDownloadByToken(tx, { token: input.token, forUpdate: true });
    if (download.lockedAt) throw lockedDownload();
    const [recent] = await tx.db
      .select({ n: count() })
      .from(secureDownloadCodes)
      .where(and(eq(secureDownloadCodes.downloadId, download.id), gte(secureDownloadCodes.createdAt, new Date(tx.clock().getTime() - ORDER_WINDOW_MS))));
    if (recent.n >= MAX_CODE_ORDERS) throw new DomainError('rate_limited', `At most ${MAX_CODE_ORDERS} codes an hour; use the last one you received or try again later`, undefined, 'secureDelivery.tooMany', { max: MAX_CODE_ORDERS });

    const id = randomUUID();
    const code = tx.secrets.pinCode(id, 'digits', DOWNLOAD_CODE_LENGTH);
    await tx.db.insert(secureDownloadCodes).values({
      id,
      downloadId: download.id,
      codeHash: hashToken(`${id}:${code}`),
      createdAt: tx.clock(),
      expiresAt: new Date(tx.clock().getTime() + policy.codeValidMinutes * 60_000),
    });
    const params = { codeId: id, length: DOWNLOAD_CODE_LENGTH, validMinutes: policy.codeValidMinutes, processTitle: process.title, language: input.language };
    if (download.codeChannel === 'sms' && download.phone) {
      await queueMessage(tx, { processId: process.id, recipient: download.phone, channel: 'sms', template: 'downloadCodeSms', params });
    } else {
      await queueMessage(tx, { processId: process.id, recipient: download.recipient, template: 'downloadCode', params });
    }
    const sentTo = codeDestination(download);
    await recordAuditEvent(tx, {
      processId: process.id,
      type: 'download_code_sent',
      message: `Download code sent by ${sentTo.channel === 'sms' ? 'SMS' : 'email'} to ${sentTo.to} for ${download.recipient}`,
      actor: download.recipient,
    });
    return { validMinutes: policy.codeValidMinutes };
  });
}
