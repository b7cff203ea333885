// Records a failed attempt: the job runs again after an exponential backoff, or is given up after MAX_ATTEMPTS.
import { and, eq } from 'drizzle-orm';
import { outboxJobs } from '../../db/schema';
import type { Ctx } from '../context';

export const MAX_ATTEMPTS = 12;

export function backoffSeconds(attempts: number): number {
  return Math.min(3600, 2 ** Math.max(0, attempts - 1) * 5);
}

export async function failJob(
  ctx: Ctx,
  input: { jobId: string; workerId: string; attempts: number; error: string },
): Promise<{ givenUp: boolean }> {
  const givenUp = input.attempts >= MAX_ATTEMPTS;
  const now = ctx.clock();
  await ctx.db
    .update(outboxJobs)
    .set({
      lockedUntil: null,
      lastError: input.error.slice(0, 2000),
      runAt: new Date(now.getTime() + backoffSeconds(input.attempts) * 1000),
      failedAt: givenUp ? now : null,
    })
    .where(and(eq(outboxJobs.id, input.jobId), eq(outboxJobs.lockedBy, input.workerId)));
  return { givenUp };
}
