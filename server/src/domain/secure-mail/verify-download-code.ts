// The recipient enters the one-time code of a protected download link. A right code (unexpired, unused) is used
// up, clears the wrong-code count and opens a session for this link; a wrong one counts toward the lockout. The
// count is committed even though the answer is a refusal, so the refusal is thrown after the transaction.
import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import { secureDownloadCodes, secureDownloads } from '../../db/schema';
import { recordAuditEvent } from '../audit/record-audit-event';
import { inTransaction, type Ctx } from '../context';
import { DomainError } from '../errors';
import { hashToken, safeEqual } from '../secrets';
import { getSettings } from '../settings/get-settings';
import { issueDownloadSession } from './download-session';
import { findDownloadByToken } from './find-download-by-token';
import { lockedDownload } from './order-download-code';

export async function verifyDownloadCode(ctx: Ctx, input: { token: string; code: string }): Promise<{ downloadId: string; session: { value: string; maxAge: number } }> {
  const settings = await getSettings(ctx);
  const outcome = await inTransaction(ctx, async (tx) => {
    const { download, process } = await findDownloadByToken(tx, { token: input.token, forUpdate: true });
    if (download.lockedAt) return { refusal: lockedDownload() };
    const codes = await tx.db
      .select()
      .from(secureDownloadCodes)
      .where(and(eq(secureDownloadCodes.downloadId, download.id), isNull(secureDownloadCodes.usedAt)))
      .orderBy(desc(secureDownloadCodes.createdAt))
      .limit(20);
    if (codes.length === 0) return { refusal: new DomainError('conflict', 'No code is waiting to be entered: ask for a new one', undefined, 'secureDelivery.noCode') };

    const entered = input.code.replace(/[\s-]/g, '');
    const matching = codes.find((c) => safeEqual(c.codeHash, hashToken(`${c.id}:${entered}`)));
    if (matching && matching.expiresAt > tx.clock()) {
      await tx.db.update(secureDownloadCodes).set({ usedAt: tx.clock() }).where(and(eq(secureDownloadCodes.id, matching.id), isNull(secureDownloadCodes.usedAt), gt(secureDownloadCodes.expiresAt, tx.clock())));
      await tx.db.update(secureDownloads).set({ failures: 0 }).where(eq(secureDownloads.id, download.id));
      await recordAuditEvent(tx, { processId: process.id, type: 'download_code_verified', message: `Download code verified for ${download.recipient}`, actor: download.recipient });
      return { downloadId: download.id };
    }
    // The right code, too late: not a guess, so it does not count toward the lockout.
    if (matching) return { refusal: new DomainError('conflict', 'The code has expired: ask for a new one', undefined, 'secureDelivery.codeExpired') };

    const max = settings.secureDelivery.maxWrongCodes;
    const failures = download.failures + 1;
    const locked = failures >= max;
    await tx.db.update(secureDownloads).set({ failures, ...(locked ? { lockedAt: tx.clock() } : {}) }).where(eq(secureDownloads.id, download.id));
    await recordAuditEvent(tx, {
      processId: process.id,
      type: locked ? 'download_locked' : 'download_code_failed',
      message: locked ? `Wrong download code ${failures} times: link of ${download.recipient} locked` : `Wrong download code entered for ${download.recipient} (${failures} of ${max})`,
      actor: download.recipient,
    });
    if (locked) return { refusal: lockedDownload() };
    const left = max - failures;
    return { refusal: new DomainError('invalid_input', `The code is not right (${left} ${left === 1 ? 'try' : 'tries'} left)`, 'code', 'secureDelivery.wrong', { left }) };
  });
  if ('refusal' in outcome) throw outcome.refusal;
  return { downloadId: outcome.downloadId, session: issueDownloadSession(ctx, outcome.downloadId, settings.session.timeoutSeconds) };
}
