// The outbox worker: claims due jobs, runs each through its handler and records the outcome. Several server
// processes may each run one; claimJobs keeps them apart.
import { randomUUID } from 'node:crypto';
import type { Ctx } from '../context';
import { claimJobs, completeJob } from './claim-jobs';
import { failJob } from './fail-job';
import type { JobKind } from './job-kinds';

export type JobHandlers = Record<JobKind, (ctx: Ctx, payload: Record<string, unknown>) => Promise<void>>;

export interface Worker {
  /** Runs due jobs until none is left; returns how many ran. Tests call this directly. */
  drain(): Promise<number>;
  stop(): Promise<void>;
}

export function startWorker(
  ctx: Ctx,
  handlers: JobHandlers,
  opts: { pollMs: number; autoStart: boolean; schedule?: (ctx: Ctx) => Promise<void> },
): Worker {
  const workerId = `${process.pid}-${randomUUID().slice(0, 8)}`;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> = Promise.resolve(0);

  async function runOnce(): Promise<number> {
    const jobs = await claimJobs(ctx, { workerId, limit: 5 });
    for (const job of jobs) {
      try {
        await handlers[job.kind as JobKind](ctx, job.payload);
        await completeJob(ctx, { jobId: job.id, workerId });
      } catch (err) {
        const error = err instanceof Error ? err.message : String(err);
        const { givenUp } = await failJob(ctx, { jobId: job.id, workerId, attempts: job.attempts, error });
        ctx.log.error('outbox job failed', { jobId: job.id, kind: job.kind, attempts: job.attempts, givenUp, error });
      }
    }
    return jobs.length;
  }

  async function drain(): Promise<number> {
    await opts.schedule?.(ctx);
    let total = 0;
    for (let n = await runOnce(); n > 0; n = await runOnce()) total += n;
    return total;
  }

  function schedule() {
    if (stopped) return;
    timer = setTimeout(() => {
      running = drain()
        .catch((err) => {
          ctx.log.error('outbox worker error', { error: err instanceof Error ? err.message : String(err) });
          return 0;
        })
        .finally(schedule);
    }, opts.pollMs);
  }
  if (opts.autoStart) schedule();

  return {
    drain: () => (running = running.then(drain, drain)),
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running.catch(() => {});
    },
  };
}
