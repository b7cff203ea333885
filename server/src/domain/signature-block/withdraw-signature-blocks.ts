// A replaced document in a process with signature blocks: the first block covering it and every block after it
// lose their signatures (later blocks were signed on the strength of the earlier ones). Blocks before it keep
// theirs. In the caller's transaction under the process row lock.
import { and, asc, eq, gte } from 'drizzle-orm';
import { signatureBlocks } from '../../db/schema';
import type { Ctx } from '../context';

type Block = typeof signatureBlocks.$inferSelect;

/** The signed blocks that replacing the document would withdraw, in order. */
export async function blocksWithdrawnBy(
  ctx: Ctx,
  input: { processId: string; documentId: string },
): Promise<{ hasBlocks: boolean; from: number | null; signed: Block[] }> {
  const blocks = await ctx.db.select().from(signatureBlocks).where(eq(signatureBlocks.processId, input.processId)).orderBy(asc(signatureBlocks.position));
  const first = blocks.find((b) => b.documentIds.includes(input.documentId));
  if (!first) return { hasBlocks: blocks.length > 0, from: null, signed: [] };
  return { hasBlocks: true, from: first.position, signed: blocks.filter((b) => b.position >= first.position && b.status === 'signed') };
}

export async function withdrawSignatureBlocks(ctx: Ctx, input: { processId: string; fromPosition: number }): Promise<void> {
  await ctx.db
    .update(signatureBlocks)
    .set({
      status: 'waiting',
      openedAt: null,
      signerId: null,
      signedAt: null,
      method: null,
      ip: null,
      userAgent: null,
      signRecord: null,
      signHash: null,
      signKeyId: null,
      userSigningKeyId: null,
      purpose: null,
      drawingSha256: null,
      identity: null,
    })
    .where(and(eq(signatureBlocks.processId, input.processId), gte(signatureBlocks.position, input.fromPosition)));
}
