// The statistics behind the charts of the process list, for the same filtered set: processes started and
// completed per week (the last 12 weeks), the median time to complete, and where pending processes wait (the
// position of the first signer who has not signed).
import type { ProcessSearchQuery } from '@secure-signature/shared';
import { and, eq, gte, isNotNull, or, sql } from 'drizzle-orm';
import { processes, signers, users } from '../../db/schema';
import { requireActor, type Ctx, type UserActor } from '../context';
import { forbidden } from '../errors';
import { can } from '../user/actor';
import { processFilter } from './process-filter';

export interface ProcessStatistics {
  weeks: { week: string; started: number; completed: number }[];
  medianHoursToComplete: number | null;
  waitingAt: { position: number; count: number }[];
}

const WEEKS = 12;

/** Statistics (totals, charts, CSV) are for users with a statistics privilege; everyone can list their own. */
export const canSeeStatistics = (actor: UserActor) => can(actor, 'statistics_own') || can(actor, 'statistics_all');

export async function processStatistics(ctx: Ctx, input: Omit<ProcessSearchQuery, 'sort' | 'limit' | 'offset'>): Promise<ProcessStatistics> {
  if (!canSeeStatistics(requireActor(ctx))) throw forbidden('You have no statistics privilege');
  const where = processFilter(ctx, input);
  const firstWeek = mondayUtc(new Date(ctx.clock().getTime() - (WEEKS - 1) * 7 * 86_400_000));
  const week = (column: typeof processes.createdAt | typeof processes.completedAt) => sql<string>`to_char(date_trunc('week', ${column} at time zone 'UTC'), 'YYYY-MM-DD')`;
  const startedWeek = week(processes.createdAt);
  const completedWeek = week(processes.completedAt);
  const [perWeek, [median], waiting] = await Promise.all([
    // One pass for both series: grouping sets count by the week started and, separately, by the week completed.
    ctx.db
      .select({
        started: sql<string | null>`${startedWeek}`,
        completed: sql<string | null>`${completedWeek}`,
        nStarted: sql<number>`count(*) filter (where ${processes.createdAt} >= ${firstWeek.toISOString()})`.mapWith(Number),
        nCompleted: sql<number>`count(*) filter (where ${processes.completedAt} >= ${firstWeek.toISOString()})`.mapWith(Number),
        byCompletion: sql<number>`grouping(${startedWeek})`.mapWith(Number),
      })
      .from(processes)
      .innerJoin(users, eq(users.id, processes.senderId))
      .where(and(where, or(gte(processes.createdAt, firstWeek), gte(processes.completedAt, firstWeek))))
      .groupBy(sql`grouping sets ((${startedWeek}), (${completedWeek}))`),
    ctx.db
      .select({ hours: sql<number | null>`percentile_cont(0.5) within group (order by extract(epoch from ${processes.completedAt} - ${processes.createdAt})) / 3600` })
      .from(processes)
      .innerJoin(users, eq(users.id, processes.senderId))
      .where(and(where, eq(processes.status, 'completed'), isNotNull(processes.completedAt))),
    ctx.db
      .select({
        position: sql<number>`(select min(${signers.position}) from ${signers} where ${signers.processId} = ${processes.id} and ${signers.status} not in ('signed', 'forwarded'))`.mapWith(Number),
        n: sql<number>`count(*)`.mapWith(Number),
      })
      .from(processes)
      .innerJoin(users, eq(users.id, processes.senderId))
      .where(and(where, eq(processes.status, 'pending')))
      .groupBy(sql`1`)
      .orderBy(sql`1`),
  ]);
  const weeks = Array.from({ length: WEEKS }, (_, i) => {
    const w = new Date(firstWeek.getTime() + i * 7 * 86_400_000).toISOString().slice(0, 10);
    return {
      week: w,
      started: perWeek.find((r) => r.byCompletion === 0 && r.started === w)?.nStarted ?? 0,
      completed: perWeek.find((r) => r.byCompletion === 1 && r.completed === w)?.nCompleted ?? 0,
    };
  });
  const hours = median?.hours === null || median?.hours === undefined ? null : Number(median.hours);
  return { weeks, medianHoursToComplete: hours, waitingAt: waiting.filter((w) => w.position > 0).map((w) => ({ position: w.position, count: w.n })) };
}

function mondayUtc(d: Date): Date {
  const day = (d.getUTCDay() + 6) % 7;
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - day));
}
