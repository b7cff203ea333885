// The process list with the statistics view's filters: scope (own, or all for admins), keyword (title, sender,
// signer email, process id), status, component, creation dates, sort and paging, with totals of the whole
// filtered set.
import type { ProcessSearchQuery, ProcessSearchResult } from '@secure-signature/shared';
import { asc, count, desc, eq, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { processes, users } from '../../db/schema';
import type { Ctx } from '../context';
import { processFilter } from './process-filter';

const sortColumns = { created: processes.createdAt, completed: processes.completedAt, title: processes.title, status: processes.status };

const statusCount = (status: string) => sql<number>`count(*) filter (where ${processes.status} = ${status})`.mapWith(Number);
const byStatusColumns = {
  pending: statusCount('pending'),
  completed: statusCount('completed'),
  rejected: statusCount('rejected'),
  aborted: statusCount('aborted'),
  expired: statusCount('expired'),
};

export async function searchProcesses(ctx: Ctx, input: ProcessSearchQuery): Promise<ProcessSearchResult> {
  const where = processFilter(ctx, input);

  const sortKey = input.sort.replace('-', '') as keyof typeof sortColumns;
  const direction = input.sort.startsWith('-') ? desc : asc;
  const page = ctx.db
    .select({
      p: processes,
      senderEmail: users.email,
      senderName: users.name,
    })
    .from(processes)
    .innerJoin(users, eq(users.id, processes.senderId))
    .where(where)
    .orderBy(direction(sortColumns[sortKey]), desc(processes.id))
    .offset(input.offset);

  const sum = (column: AnyPgColumn) => sql<number>`coalesce(sum(${column}), 0)`.mapWith(Number);
  const [rows, [totals]] = await Promise.all([
    input.limit === 'all' ? page : page.limit(input.limit),
    ctx.db
      .select({
        processes: count(),
        signers: sum(processes.signerCount),
        documents: sum(processes.documentCount),
        signatures: sum(processes.signedCount),
        strongSignatures: sum(processes.strongSignedCount),
        ...byStatusColumns,
      })
      .from(processes)
      .innerJoin(users, eq(users.id, processes.senderId))
      .where(where),
  ]);
  const { pending, completed, rejected, aborted, expired, ...sums } = totals;
  return {
    total: totals.processes,
    totals: { ...sums, byStatus: { pending, completed, rejected, aborted, expired } },
    processes: rows.map((r) => ({
      id: r.p.id,
      title: r.p.title,
      status: r.p.status,
      component: r.p.component,
      createdAt: r.p.createdAt.toISOString(),
      completedAt: r.p.completedAt?.toISOString() ?? null,
      sender: { email: r.senderEmail, name: r.senderName },
      signerCount: r.p.signerCount,
      signedCount: r.p.signedCount,
      blockCount: r.p.blockCount,
    })),
  };
}
