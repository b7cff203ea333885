// The outbox worker on PGlite and PostgreSQL: a job runs once, failures retry with backoff, a crashed worker's
// job is taken again after its lease, and two workers never run one job twice.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { outboxJobs } from '../src/db/schema';
import { inTransaction, type Ctx } from '../src/domain/context';
import { claimJobs } from '../src/domain/outbox/claim-jobs';
import { enqueueJob } from '../src/domain/outbox/enqueue-job';
import { backoffSeconds } from '../src/domain/outbox/fail-job';
import { startWorker, type JobHandlers } from '../src/domain/outbox/run-worker';
import { dbKinds, startTestApp, type TestApp } from './harness';

for (const kind of dbKinds) {
  describe(`outbox on ${kind}`, () => {
    let t: TestApp;
    let now: Date;
    let ctx: Ctx;
    before(async () => {
      t = await startTestApp(kind);
      now = new Date('2026-01-01T00:00:00Z');
      ctx = { ...t.ctx, clock: () => now };
    });
    after(() => t.close());

    const handlers = (seal: JobHandlers['seal-process']): JobHandlers => ({ 'seal-process': seal, 'deliver-message': async () => {}, 'send-reminder': async () => {}, 'expire-process': async () => {}, 'deliver-report': async () => {}, 'deliver-file-room': async () => {}, 'directory-sync': async () => {} });

    test('an enqueued job runs once; the same dedupe key is enqueued once', async () => {
      const ran: unknown[] = [];
      await inTransaction(ctx, async (tx) => {
        await enqueueJob(tx, { kind: 'seal-process', payload: { n: 1 }, dedupeKey: 'once' });
        await enqueueJob(tx, { kind: 'seal-process', payload: { n: 2 }, dedupeKey: 'once' });
      });
      const w = startWorker(ctx, handlers(async (_c, p) => void ran.push(p.n)), { pollMs: 1000, autoStart: false });
      assert.equal(await w.drain(), 1);
      assert.equal(await w.drain(), 0);
      await w.stop();
      assert.deepEqual(ran, [1]);
    });

    test('a job rolled back with its transaction never runs', async () => {
      await assert.rejects(
        inTransaction(ctx, async (tx) => {
          await enqueueJob(tx, { kind: 'seal-process', payload: {}, dedupeKey: 'rolled-back' });
          throw new Error('state change failed');
        }),
      );
      const rows = await ctx.db.select().from(outboxJobs).where(eq(outboxJobs.dedupeKey, 'rolled-back'));
      assert.equal(rows.length, 0);
    });

    test('a failing job is retried after an exponential backoff and succeeds later', async () => {
      let calls = 0;
      await enqueueJob(ctx, { kind: 'seal-process', payload: {}, dedupeKey: 'flaky' });
      const w = startWorker(ctx, handlers(async () => {
        if (++calls < 3) throw new Error(`attempt ${calls} failed`);
      }), { pollMs: 1000, autoStart: false });
      await w.drain();
      let [job] = await ctx.db.select().from(outboxJobs).where(eq(outboxJobs.dedupeKey, 'flaky'));
      assert.equal(job.lastError, 'attempt 1 failed');
      assert.equal(job.runAt.getTime() - now.getTime(), backoffSeconds(1) * 1000);
      assert.equal(await w.drain(), 0, 'not due yet');
      now = new Date(now.getTime() + backoffSeconds(1) * 1000);
      await w.drain();
      now = new Date(now.getTime() + backoffSeconds(2) * 1000);
      await w.drain();
      [job] = await ctx.db.select().from(outboxJobs).where(eq(outboxJobs.dedupeKey, 'flaky'));
      assert.equal(calls, 3);
      assert.equal(job.attempts, 3);
      assert.ok(job.doneAt);
      assert.ok(backoffSeconds(2) > backoffSeconds(1));
      await w.stop();
    });

    test("a job claimed by a worker that died is taken again only after the lease ends", async () => {
      await enqueueJob(ctx, { kind: 'seal-process', payload: {}, dedupeKey: 'orphan' });
      const claimed = await claimJobs(ctx, { workerId: 'dead-worker', limit: 10 });
      assert.ok(claimed.some((j) => j.dedupeKey === 'orphan'));
      let ran = 0;
      const w = startWorker(ctx, handlers(async () => void ran++), { pollMs: 1000, autoStart: false });
      assert.equal(await w.drain(), 0, 'leased to the dead worker');
      now = new Date(now.getTime() + ctx.config.workerLeaseSeconds * 1000 + 1);
      assert.equal(await w.drain(), 1);
      assert.equal(ran, 1);
      await w.stop();
    });

    test('two workers draining together run each job once', async () => {
      for (let i = 0; i < 30; i++) await enqueueJob(ctx, { kind: 'seal-process', payload: { i }, dedupeKey: `many-${i}` });
      const seen: number[] = [];
      const slow = async (_c: Ctx, p: Record<string, unknown>) => {
        seen.push(p.i as number);
        await new Promise((r) => setTimeout(r, 2));
      };
      const a = startWorker(ctx, handlers(slow), { pollMs: 1000, autoStart: false });
      const b = startWorker(ctx, handlers(slow), { pollMs: 1000, autoStart: false });
      const [na, nb] = await Promise.all([a.drain(), b.drain()]);
      assert.equal(na + nb, 30);
      assert.deepEqual([...seen].sort((x, y) => x - y), Array.from({ length: 30 }, (_, i) => i));
      await Promise.all([a.stop(), b.stop()]);
    });
  });
}
