// Loads a process the caller may see: their own, or any for an admin (or, to look only, a statistics-of-all user). Anything else is "not found", so that
// the existence of other people's processes is not revealed.
import { eq } from 'drizzle-orm';
import { processes } from '../../db/schema';
import { requireActor, type Ctx } from '../context';
import { notFound } from '../errors';
import { can } from '../user/actor';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (s: string) => UUID.test(s);

export async function findOwnProcess(ctx: Ctx, input: { processId: string; forUpdate?: boolean }) {
  const actor = requireActor(ctx);
  if (!isUuid(input.processId)) throw notFound('Process');
  const query = ctx.db.select().from(processes).where(eq(processes.id, input.processId));
  const [row] = input.forUpdate ? await query.for('update') : await query;
  // Anyone with "statistics of all" may look; changing (abort, remind, unlock: forUpdate) is for the sender and admins.
  const mayLook = actor.isAdmin || (!input.forUpdate && can(actor, 'statistics_all'));
  if (!row || (row.senderId !== actor.id && !mayLook)) throw notFound('Process');
  return row;
}
