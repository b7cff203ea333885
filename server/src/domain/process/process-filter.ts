// The WHERE clause of the process list and statistics: scope (own, or all with the statistics-of-all privilege), keyword (title, sender,
// signer email, process id), status, component and creation dates. Queries using it join users on the sender.
import type { ProcessSearchQuery } from '@secure-signature/shared';
import { and, eq, gte, ilike, lt, sql, type SQL } from 'drizzle-orm';
import { processes, signers, users } from '../../db/schema';
import { requireActor, type Ctx } from '../context';
import { forbidden } from '../errors';
import { can } from '../user/actor';

export function processFilter(ctx: Ctx, q: Omit<ProcessSearchQuery, 'sort' | 'limit' | 'offset'>): SQL | undefined {
  const actor = requireActor(ctx);
  const all = can(actor, 'statistics_all');
  const scope = q.scope ?? (all ? 'all' : 'mine');
  if (scope === 'all' && !all) throw forbidden('Seeing all processes needs the "statistics of all" privilege');
  const out: SQL[] = [];
  if (scope === 'mine') out.push(eq(processes.senderId, actor.id));
  if (q.status) out.push(eq(processes.status, q.status));
  if (q.component) out.push(eq(processes.component, q.component));
  if (q.from) out.push(gte(processes.createdAt, new Date(`${q.from}T00:00:00Z`)));
  if (q.to) out.push(lt(processes.createdAt, new Date(new Date(`${q.to}T00:00:00Z`).getTime() + 86_400_000)));
  if (q.q) {
    const db = ctx.db;
    const like = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const byId = /^[0-9a-f-]{4,36}$/i.test(q.q) ? sql` union select ${processes.id} from ${processes} where ${processes.id}::text like ${`${q.q.toLowerCase()}%`}` : sql``;
    // A union of one index-friendly query per field (trigram indexes, migration 0007) instead of one OR across
    // joined tables, which PostgreSQL can only answer by scanning every process.
    const byTitle = db.select({ id: processes.id }).from(processes).where(ilike(processes.title, like));
    const bySender = db.select({ id: processes.id }).from(processes).innerJoin(users, eq(users.id, processes.senderId)).where(ilike(users.email, like));
    const bySigner = db.select({ id: signers.processId }).from(signers).where(ilike(signers.email, like));
    out.push(sql`${processes.id} in (${byTitle} union ${bySender} union ${bySigner}${byId})`);
  }
  return and(...out);
}
