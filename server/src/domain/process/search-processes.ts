// The process list with the statistics view's filters: scope (own, or all for admins), keyword (title, sender,
// signer email, process id), status, component, creation dates, sort and paging, with totals of the whole
// filtered set.
import type { ProcessSearchQuery, ProcessSearchResult } from '@secure-signature/shared';
import { and, asc, count, desc, eq, exists, gte, ilike, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import { documents, processes, signers, users } from '../../db/schema';
import { requireActor, type Ctx } from '../context';
import { forbidden } from '../errors';

const sortColumns = { created: processes.createdAt, completed: processes.completedAt, title: processes.title, status: processes.status };

export async function searchProcesses(ctx: Ctx, input: ProcessSearchQuery): Promise<ProcessSearchResult> {
  const actor = requireActor(ctx);
  const scope = input.scope ?? (actor.isAdmin ? 'all' : 'mine');
  if (scope === 'all' && !actor.isAdmin) throw forbidden('Only administrators can see all processes');
  const where = and(...filters({ ...input, scope }, actor.id));
  const ids = ctx.db.select({ id: processes.id }).from(processes).innerJoin(users, eq(users.id, processes.senderId)).where(where);

  const sortKey = input.sort.replace('-', '') as keyof typeof sortColumns;
  const direction = input.sort.startsWith('-') ? desc : asc;
  const page = ctx.db
    .select({
      p: processes,
      senderEmail: users.email,
      senderName: users.name,
      signerCount: sql<number>`(select count(*) from ${signers} where ${signers.processId} = ${processes.id})`.mapWith(Number),
      signedCount: sql<number>`(select count(*) from ${signers} where ${signers.processId} = ${processes.id} and ${signers.status} = 'signed')`.mapWith(Number),
    })
    .from(processes)
    .innerJoin(users, eq(users.id, processes.senderId))
    .where(where)
    .orderBy(direction(sortColumns[sortKey]), desc(processes.id))
    .offset(input.offset);

  const [rows, [p], [s], [d], [sig]] = await Promise.all([
    input.limit === 'all' ? page : page.limit(input.limit),
    ctx.db.select({ n: count() }).from(processes).innerJoin(users, eq(users.id, processes.senderId)).where(where),
    ctx.db.select({ n: count() }).from(signers).where(inArray(signers.processId, ids)),
    ctx.db.select({ n: count() }).from(documents).where(and(inArray(documents.processId, ids), eq(documents.kind, 'document'))),
    ctx.db.select({ n: count() }).from(signers).where(and(inArray(signers.processId, ids), eq(signers.status, 'signed'))),
  ]);
  return {
    total: p.n,
    totals: { processes: p.n, signers: s.n, documents: d.n, signatures: sig.n },
    processes: rows.map((r) => ({
      id: r.p.id,
      title: r.p.title,
      status: r.p.status,
      component: r.p.component,
      createdAt: r.p.createdAt.toISOString(),
      completedAt: r.p.completedAt?.toISOString() ?? null,
      sender: { email: r.senderEmail, name: r.senderName },
      signerCount: r.signerCount,
      signedCount: r.signedCount,
    })),
  };
}

function filters(q: ProcessSearchQuery, actorId: string): SQL[] {
  const out: SQL[] = [];
  if (q.scope === 'mine') out.push(eq(processes.senderId, actorId));
  if (q.status) out.push(eq(processes.status, q.status));
  if (q.component) out.push(eq(processes.component, q.component));
  if (q.from) out.push(gte(processes.createdAt, new Date(`${q.from}T00:00:00Z`)));
  if (q.to) out.push(lt(processes.createdAt, new Date(new Date(`${q.to}T00:00:00Z`).getTime() + 86_400_000)));
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    out.push(
      or(
        ilike(processes.title, like),
        ilike(users.email, like),
        sql`${processes.id}::text ilike ${like}`,
        exists(signerMatches(like)),
      )!,
    );
  }
  return out;
}

const signerMatches = (like: string) =>
  sql`(select 1 from ${signers} where ${signers.processId} = ${processes.id} and ${signers.email} ilike ${like})`;
