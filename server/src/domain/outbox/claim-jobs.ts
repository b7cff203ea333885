// Claims due jobs for one worker: rows locked with SKIP LOCKED so that several server processes on one
// PostgreSQL never take the same job, and leased so that a job of a crashed worker is taken again later.
import { and, asc, eq, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import { outboxJobs } from '../../db/schema';
import type { Ctx } from '../context';

export async function claimJobs(ctx: Ctx, input: { workerId: string; limit: number }) {
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const due = await tx
      .select({ id: outboxJobs.id })
      .from(outboxJobs)
      .where(
        and(
          isNull(outboxJobs.doneAt),
          isNull(outboxJobs.failedAt),
          lte(outboxJobs.runAt, now),
          or(isNull(outboxJobs.lockedUntil), lte(outboxJobs.lockedUntil, now)),
        ),
      )
      .orderBy(asc(outboxJobs.runAt))
      .limit(input.limit)
      .for('update', { skipLocked: true });
    if (due.length === 0) return [];
    return tx
      .update(outboxJobs)
      .set({
        lockedUntil: new Date(now.getTime() + ctx.config.workerLeaseSeconds * 1000),
        lockedBy: input.workerId,
        attempts: sql`${outboxJobs.attempts} + 1`,
      })
      .where(inArray(outboxJobs.id, due.map((d) => d.id)))
      .returning();
  });
}

/** Marks a claimed job done, unless its lease went to another worker meanwhile. */
export async function completeJob(ctx: Ctx, input: { jobId: string; workerId: string }): Promise<boolean> {
  const rows = await ctx.db
    .update(outboxJobs)
    .set({ doneAt: ctx.clock(), lockedUntil: null, lastError: null })
    .where(and(eq(outboxJobs.id, input.jobId), eq(outboxJobs.lockedBy, input.workerId), isNull(outboxJobs.doneAt)))
    .returning({ id: outboxJobs.id });
  return rows.length > 0;
}
