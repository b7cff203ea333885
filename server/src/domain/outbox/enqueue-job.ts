// Writes a job to the outbox in the caller's transaction, so the job exists exactly when the change committed.
// A dedupe key makes enqueuing idempotent: the second job with the same key is dropped.
import { randomUUID } from 'node:crypto';
import { outboxJobs } from '../../db/schema';
import type { Ctx } from '../context';
import type { JobKind } from './job-kinds';

export async function enqueueJob(
  ctx: Ctx,
  input: { kind: JobKind; payload: Record<string, unknown>; dedupeKey?: string; runAt?: Date },
): Promise<void> {
  await ctx.db
    .insert(outboxJobs)
    .values({
      id: randomUUID(),
      kind: input.kind,
      payload: input.payload,
      dedupeKey: input.dedupeKey ?? null,
      runAt: input.runAt ?? ctx.clock(),
    })
    .onConflictDoNothing({ target: outboxJobs.dedupeKey });
}
