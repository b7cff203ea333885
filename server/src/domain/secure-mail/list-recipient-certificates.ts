// The admin's list of known recipient certificates (Admin → Secure mail), by address.
import { asc } from 'drizzle-orm';
import { recipientCertificates } from '../../db/schema';
import { requireAdminActor } from '../admin/require-admin';
import type { Ctx } from '../context';

export async function listRecipientCertificates(ctx: Ctx) {
  requireAdminActor(ctx);
  const rows = await ctx.db.select().from(recipientCertificates).orderBy(asc(recipientCertificates.email));
  return rows.map((r) => ({ id: r.id, email: r.email, subject: r.subject, fingerprint256: r.fingerprint256, notAfter: r.notAfter, source: r.source, expired: r.notAfter <= ctx.clock() }));
}
export type RecipientCertificateView = Awaited<ReturnType<typeof listRecipientCertificates>>[number];
