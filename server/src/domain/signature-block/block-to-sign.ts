// The block a signer's signature goes to: the open one, which the signer must be allowed to sign. A page that
// showed an older block (someone else signed it meanwhile) is refused rather than signing the next one unseen.
import { asc, eq } from 'drizzle-orm';
import { signatureBlocks } from '../../db/schema';
import type { Ctx } from '../context';
import { DomainError } from '../errors';
import { mayUseBlock } from './block-eligibility';

/** Null for a process without blocks. */
export async function blockToSign(ctx: Ctx, input: { processId: string; email: string; blockId?: string }) {
  const blocks = await ctx.db.select().from(signatureBlocks).where(eq(signatureBlocks.processId, input.processId)).orderBy(asc(signatureBlocks.position));
  if (blocks.length === 0) return null;
  const open = blocks.find((b) => b.status === 'open');
  const shown = input.blockId ? blocks.find((b) => b.id === input.blockId) : open;
  if (!open || !shown || shown.id !== open.id) {
    throw new DomainError('conflict', 'That signature block was signed meanwhile: reload the page', undefined, 'sign.errorBlockSigned');
  }
  if (!(await mayUseBlock(ctx, open, input.email))) throw new DomainError('conflict', 'It is not your turn to sign yet', undefined, 'sign.notYourTurn');
  return open;
}
