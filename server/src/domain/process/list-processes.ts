// The caller's processes, newest first (an admin sees everyone's), with signer counts, one query.
import type { ProcessStatus, ProcessSummary } from '@secure-signature/shared';
import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import { processes, signers, users } from '../../db/schema';
import { requireActor, type Ctx } from '../context';

export async function listProcesses(
  ctx: Ctx,
  input: { status?: ProcessStatus; limit: number; offset: number },
): Promise<ProcessSummary[]> {
  const actor = requireActor(ctx);
  const filters: SQL[] = [];
  if (!actor.isAdmin) filters.push(eq(processes.senderId, actor.id));
  if (input.status) filters.push(eq(processes.status, input.status));
  const rows = await ctx.db
    .select({
      p: processes,
      senderEmail: users.email,
      senderName: users.name,
      signerCount: sql<number>`(select count(*) from ${signers} where ${signers.processId} = ${processes.id})`.mapWith(Number),
      signedCount: sql<number>`(select count(*) from ${signers} where ${signers.processId} = ${processes.id} and ${signers.status} = 'signed')`.mapWith(Number),
    })
    .from(processes)
    .innerJoin(users, eq(users.id, processes.senderId))
    .where(and(...filters))
    .orderBy(desc(processes.createdAt), desc(processes.id))
    .limit(input.limit)
    .offset(input.offset);
  return rows.map((r) => ({
    id: r.p.id,
    title: r.p.title,
    status: r.p.status,
    createdAt: r.p.createdAt.toISOString(),
    completedAt: r.p.completedAt?.toISOString() ?? null,
    sender: { email: r.senderEmail, name: r.senderName },
    signerCount: r.signerCount,
    signedCount: r.signedCount,
  }));
}
