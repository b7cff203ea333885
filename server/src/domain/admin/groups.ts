// Groups of users for the admin center: each user is in one group at most and has its privileges on top of their
// own. Removing a group leaves its members without one (their own privileges stay).
import { randomUUID } from 'node:crypto';
import { groupInput, type GroupView, type Privilege } from '@secure-signature/shared';
import { asc, count, eq } from 'drizzle-orm';
import { groups, users } from '../../db/schema';
import { inTransaction, type Ctx } from '../context';
import { conflict, invalidInput, notFound } from '../errors';
import { isUuid } from '../process/find-own-process';
import { recordAdminEvent } from './record-admin-event';
import { requireAdminActor } from './require-admin';

export async function listGroups(ctx: Ctx): Promise<GroupView[]> {
  requireAdminActor(ctx);
  const rows = await ctx.db
    .select({ id: groups.id, name: groups.name, privileges: groups.privileges, reportTemplateIds: groups.reportTemplateIds, members: count(users.id) })
    .from(groups)
    .leftJoin(users, eq(users.groupId, groups.id))
    .groupBy(groups.id)
    .orderBy(asc(groups.name));
  return rows.map((g) => ({ ...g, privileges: g.privileges as Privilege[] }));
}

function parse(body: unknown) {
  const parsed = groupInput.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw invalidInput(`${issue.path.join('.')}: ${issue.message}`, issue.path.join('.'));
  }
  return { ...parsed.data, privileges: [...new Set(parsed.data.privileges)], reportTemplateIds: [...new Set(parsed.data.reportTemplateIds)] };
}

export async function saveGroup(ctx: Ctx, input: { body: unknown; groupId?: string }): Promise<GroupView> {
  requireAdminActor(ctx);
  const g = parse(input.body);
  return inTransaction(ctx, async (tx) => {
    const [sameName] = await tx.db.select({ id: groups.id }).from(groups).where(eq(groups.name, g.name));
    if (sameName && sameName.id !== input.groupId) throw conflict(`A group named ${g.name} exists already`);
    let id = input.groupId;
    if (id) {
      if (!isUuid(id)) throw notFound('Group');
      const changed = await tx.db.update(groups).set(g).where(eq(groups.id, id)).returning({ id: groups.id });
      if (changed.length === 0) throw notFound('Group');
    } else {
      id = randomUUID();
      await tx.db.insert(groups).values({ id, ...g, createdAt: tx.clock() });
    }
    await recordAdminEvent(tx, { action: input.groupId ? 'group_changed' : 'group_created', details: { name: g.name, privileges: g.privileges, reportTemplateIds: g.reportTemplateIds } });
    const [members] = await tx.db.select({ n: count() }).from(users).where(eq(users.groupId, id));
    return { id, ...g, members: members.n };
  });
}

export async function deleteGroup(ctx: Ctx, input: { groupId: string }): Promise<void> {
  requireAdminActor(ctx);
  if (!isUuid(input.groupId)) throw notFound('Group');
  await inTransaction(ctx, async (tx) => {
    const removed = await tx.db.delete(groups).where(eq(groups.id, input.groupId)).returning({ name: groups.name });
    if (removed.length === 0) throw notFound('Group');
    await recordAdminEvent(tx, { action: 'group_removed', details: { name: removed[0].name } });
  });
}
