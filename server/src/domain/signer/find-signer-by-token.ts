// Resolves a signing link to its signer and process. Unknown tokens are "not found", whatever they look like.
import { eq } from 'drizzle-orm';
import { processes, signers } from '../../db/schema';
import type { Ctx } from '../context';
import { notFound } from '../errors';
import { hashToken } from '../secrets';

export async function findSignerByToken(ctx: Ctx, input: { token: string; forUpdate?: boolean }) {
  if (!/^[A-Za-z0-9_-]{40,64}$/.test(input.token)) throw notFound('Signing link');
  const [row] = await ctx.db
    .select({ signer: signers, process: processes })
    .from(signers)
    .innerJoin(processes, eq(processes.id, signers.processId))
    .where(eq(signers.tokenHash, hashToken(input.token)));
  if (!row) throw notFound('Signing link');
  if (!input.forUpdate) return row;
  // Lock the process row: every signing of one process goes through it one at a time, so the last signature
  // sees all the others and completion cannot be missed or doubled.
  const [process] = await ctx.db.select().from(processes).where(eq(processes.id, row.process.id)).for('update');
  const [signer] = await ctx.db.select().from(signers).where(eq(signers.id, row.signer.id));
  return { signer, process };
}
