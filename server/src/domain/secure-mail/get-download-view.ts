// What a protected download page shows: before the code, only where the code goes (nothing of the process but
// its title); after it, the final documents and whether the recipient could send their certificate.
import { and, asc, count, eq, gt, isNull } from 'drizzle-orm';
import { documents, secureDownloadCodes } from '../../db/schema';
import type { Ctx } from '../context';
import { finalName } from '../document/final-name';
import { validDownloadSession } from './download-session';
import { findDownloadByToken } from './find-download-by-token';
import { findRecipientCertificate } from './find-recipient-certificate';
import { codeDestination } from './order-download-code';

export async function getDownloadView(ctx: Ctx, input: { token: string; session: string | undefined }) {
  const { download, process } = await findDownloadByToken(ctx, { token: input.token });
  const base = { processTitle: process.title, recipient: download.recipient, sentTo: codeDestination(download), locked: Boolean(download.lockedAt) };
  if (!validDownloadSession(ctx, download.id, input.session)) {
    const [waiting] = await ctx.db
      .select({ n: count() })
      .from(secureDownloadCodes)
      .where(and(eq(secureDownloadCodes.downloadId, download.id), isNull(secureDownloadCodes.usedAt), gt(secureDownloadCodes.expiresAt, ctx.clock())));
    return { ...base, unlocked: false as const, codeWaiting: waiting.n > 0 };
  }
  const docs = await ctx.db
    .select({ id: documents.id, filename: documents.filename, finalSha256: documents.finalSha256 })
    .from(documents)
    .where(and(eq(documents.processId, process.id), eq(documents.kind, 'document')))
    .orderBy(asc(documents.position));
  return {
    ...base,
    unlocked: true as const,
    documents: docs.filter((d) => d.finalSha256).map((d) => ({ id: d.id, filename: finalName(d.filename) })),
    hasCertificate: Boolean(await findRecipientCertificate(ctx, { email: download.recipient })),
  };
}
export type DownloadView = Awaited<ReturnType<typeof getDownloadView>>;
