// The process list with the statistics view's filters: scope (own, or all for admins), keyword (title, sender,
// signer email, process id), status, component, creation dates, sort and paging, with totals of the whole
// filtered set.
import type { ProcessSearchQuery, ProcessSearchResult } from '@secure-signature/shared';
import { and, asc, count, desc, eq, gte, ilike, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/database';
import { documents, processes, signers, users } from '../../db/schema';
import { requireActor, type Ctx } from '../context';
import { forbidden } from '../errors';

const sortColumns = { created: processes.createdAt, completed: processes.completedAt, title: processes.title, status: processes.status };

export async function searchProcesses(ctx: Ctx, input: ProcessSearchQuery): Promise<ProcessSearchResult> {
  const actor = requireActor(ctx);
  const scope = input.scope ?? (actor.isAdmin ? 'all' : 'mine');
  if (scope === 'all' && !actor.isAdmin) throw forbidden('Only administrators can see all processes');
  const where = and(...filters(ctx.db, { ...input, scope }, actor.id));
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

  const [rows, [p], [s], [d]] = await Promise.all([
    input.limit === 'all' ? page : page.limit(input.limit),
    ctx.db.select({ n: count() }).from(processes).innerJoin(users, eq(users.id, processes.senderId)).where(where),
    ctx.db
      .select({ n: count(), signed: sql<number>`count(*) filter (where ${signers.status} = 'signed')`.mapWith(Number) })
      .from(signers)
      .where(inArray(signers.processId, ids)),
    ctx.db.select({ n: count() }).from(documents).where(and(inArray(documents.processId, ids), eq(documents.kind, 'document'))),
  ]);
  return {
    total: p.n,
    totals: { processes: p.n, signers: s.n, documents: d.n, signatures: s.signed },
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

function filters(db: Db, q: ProcessSearchQuery, actorId: string): SQL[] {
  const out: SQL[] = [];
  if (q.scope === 'mine') out.push(eq(processes.senderId, actorId));
  if (q.status) out.push(eq(processes.status, q.status));
  if (q.component) out.push(eq(processes.component, q.component));
  if (q.from) out.push(gte(processes.createdAt, new Date(`${q.from}T00:00:00Z`)));
  if (q.to) out.push(lt(processes.createdAt, new Date(new Date(`${q.to}T00:00:00Z`).getTime() + 86_400_000)));
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const byId = /^[0-9a-f-]{4,36}$/i.test(q.q) ? sql` union select ${processes.id} from ${processes} where ${processes.id}::text like ${`${q.q.toLowerCase()}%`}` : sql``;
    // A union of one index-friendly query per field (trigram indexes, migration 0007) instead of one OR across
    // joined tables, which PostgreSQL can only answer by scanning every process.
    const byTitle = db.select({ id: processes.id }).from(processes).where(ilike(processes.title, like));
    const bySender = db.select({ id: processes.id }).from(processes).innerJoin(users, eq(users.id, processes.senderId)).where(ilike(users.email, like));
    const bySigner = db.select({ id: signers.processId }).from(signers).where(ilike(signers.email, like));
    out.push(sql`${processes.id} in (${byTitle} union ${bySender} union ${bySigner}${byId})`);
  }
  return out;
}
