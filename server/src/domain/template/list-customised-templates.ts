// Which templates carry an admin's wording, as "channel:kind:language", for the admin center's overview.
import { messageTemplates } from '../../db/schema';
import type { Ctx } from '../context';
import { requireAdminActor } from '../admin/require-admin';

export async function listCustomisedTemplates(ctx: Ctx): Promise<Set<string>> {
  requireAdminActor(ctx);
  const rows = await ctx.db.select({ kind: messageTemplates.kind, channel: messageTemplates.channel, language: messageTemplates.language }).from(messageTemplates);
  return new Set(rows.map((r) => `${r.channel}:${r.kind}:${r.language}`));
}
