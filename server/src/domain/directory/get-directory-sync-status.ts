// What the admin page shows of each directory sync: the last run and its outcome, whether one is waiting in the
// outbox, and how many users each source keeps (and how many of them are disabled).
import { and, count, eq, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import { directorySyncs, outboxJobs, users } from '../../db/schema';
import { requireAdminActor } from '../admin/require-admin';
import type { Ctx } from '../context';
import type { DirectorySource, DirectorySyncResult } from './directory-person';

export interface DirectorySyncStatus {
  source: DirectorySource;
  lastStartedAt: Date | null;
  lastFinishedAt: Date | null;
  lastResult: DirectorySyncResult | null;
  pending: boolean;
  users: number;
  disabledUsers: number;
}

export async function getDirectorySyncStatus(ctx: Ctx, input: { source: DirectorySource }): Promise<DirectorySyncStatus> {
  requireAdminActor(ctx);
  const [state] = await ctx.db.select().from(directorySyncs).where(eq(directorySyncs.source, input.source));
  const [pending] = await ctx.db
    .select({ n: count() })
    .from(outboxJobs)
    .where(and(eq(outboxJobs.kind, 'directory-sync'), isNull(outboxJobs.doneAt), isNull(outboxJobs.failedAt), sql`${outboxJobs.payload}->>'source' = ${input.source}`, lte(outboxJobs.runAt, ctx.clock())));
  const [kept] = await ctx.db.select({ n: count() }).from(users).where(eq(users.directorySource, input.source));
  const [disabled] = await ctx.db.select({ n: count() }).from(users).where(and(eq(users.directorySource, input.source), isNotNull(users.disabledAt)));
  return {
    source: input.source,
    lastStartedAt: state?.lastStartedAt ?? null,
    lastFinishedAt: state?.lastFinishedAt ?? null,
    lastResult: state?.lastResult ?? null,
    pending: pending.n > 0,
    users: kept.n,
    disabledUsers: disabled.n,
  };
}
