// An admin removes a recipient's certificate: later final documents to them go by protected link instead.
import { eq } from 'drizzle-orm';
import { recipientCertificates } from '../../db/schema';
import { recordAdminEvent } from '../admin/record-admin-event';
import { requireAdminActor } from '../admin/require-admin';
import { inTransaction, type Ctx } from '../context';
import { notFound } from '../errors';
import { isUuid } from '../process/find-own-process';

export async function deleteRecipientCertificate(ctx: Ctx, input: { id: string }): Promise<void> {
  requireAdminActor(ctx);
  if (!isUuid(input.id)) throw notFound('Certificate');
  await inTransaction(ctx, async (tx) => {
    const [gone] = await tx.db.delete(recipientCertificates).where(eq(recipientCertificates.id, input.id)).returning();
    if (!gone) throw notFound('Certificate');
    await recordAdminEvent(tx, { action: 'recipient_certificate_deleted', details: { email: gone.email, fingerprint256: gone.fingerprint256 } });
  });
}
