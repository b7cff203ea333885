// Resolves a protected download link (/d/<token>) to its row and process. Unknown tokens are "not found"; an
// expired link says so.
import { eq } from 'drizzle-orm';
import { processes, secureDownloads } from '../../db/schema';
import type { Ctx } from '../context';
import { DomainError, notFound } from '../errors';
import { hashToken } from '../secrets';

export async function findDownloadByToken(ctx: Ctx, input: { token: string; forUpdate?: boolean }) {
  if (!/^[A-Za-z0-9_-]{40,64}$/.test(input.token)) throw notFound('Download link');
  const query = ctx.db.select().from(secureDownloads).where(eq(secureDownloads.tokenHash, hashToken(input.token)));
  const [download] = input.forUpdate ? await query.for('update') : await query;
  if (!download) throw notFound('Download link');
  if (download.expiresAt <= ctx.clock()) throw new DomainError('conflict', 'This download link has expired; ask the sender of the documents for them', undefined, 'secureDelivery.linkExpired');
  const [process] = await ctx.db.select().from(processes).where(eq(processes.id, download.processId));
  return { download, process };
}
