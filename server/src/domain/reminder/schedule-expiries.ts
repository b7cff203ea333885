// Finds pending processes past their expiry date and puts one expiry job per process in the outbox.
import { and, eq, lte } from 'drizzle-orm';
import { processes } from '../../db/schema';
import type { Ctx } from '../context';
import { enqueueJob } from '../outbox/enqueue-job';

export async function scheduleExpiries(ctx: Ctx): Promise<number> {
  const due = await ctx.db
    .select({ id: processes.id })
    .from(processes)
    .where(and(eq(processes.status, 'pending'), lte(processes.expiresAt, ctx.clock())))
    .limit(500);
  for (const p of due) await enqueueJob(ctx, { kind: 'expire-process', payload: { processId: p.id }, dedupeKey: `expire:${p.id}` });
  return due.length;
}
