// The certificate to encrypt for when mailing this address, when one is known and still valid.
import { and, eq, gt } from 'drizzle-orm';
import { recipientCertificates } from '../../db/schema';
import type { Ctx } from '../context';

export async function findRecipientCertificate(ctx: Ctx, input: { email: string }): Promise<{ pem: string; fingerprint256: string } | null> {
  const [row] = await ctx.db
    .select({ pem: recipientCertificates.certificatePem, fingerprint256: recipientCertificates.fingerprint256 })
    .from(recipientCertificates)
    .where(and(eq(recipientCertificates.email, input.email.trim().toLowerCase()), gt(recipientCertificates.notAfter, ctx.clock())));
  return row ?? null;
}
