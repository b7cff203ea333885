// Writes one entry of the admin audit log (who changed what in the admin center), in the caller's transaction.
import { adminAuditEvents } from '../../db/schema';
import { requireActor, type Ctx } from '../context';

export async function recordAdminEvent(ctx: Ctx, input: { action: string; details: Record<string, unknown> }): Promise<void> {
  await ctx.db.insert(adminAuditEvents).values({ actor: requireActor(ctx).email, action: input.action, details: input.details, ip: ctx.ip ?? null, createdAt: ctx.clock() });
}
