// On start: makes sure the organisation has a sealing key, generating a self-signed certificate on first start.
// The private key is kept encrypted with the server secret. An advisory lock keeps two starting servers from
// each generating one.
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { sealKeys } from '../../db/schema';
import { createSealCertificate } from '../../seal/create-seal-certificate';
import { inTransaction, type Ctx } from '../context';

const SEAL_KEY_LOCK = 72_406_116;

export async function ensureSealKey(ctx: Ctx): Promise<{ created: boolean }> {
  return inTransaction(ctx, async (tx) => {
    await tx.db.execute(sql`select pg_advisory_xact_lock(${SEAL_KEY_LOCK})`);
    const [existing] = await tx.db.select({ id: sealKeys.id }).from(sealKeys).where(eq(sealKeys.active, true)).limit(1);
    if (existing) return { created: false };
    const { privateKeyPem, certificatePem } = await createSealCertificate({
      commonName: `${tx.config.organizationName} document seal`,
      organization: tx.config.organizationName,
    });
    await tx.db.insert(sealKeys).values({
      id: randomUUID(),
      certificatePem,
      privateKeyEncrypted: tx.secrets.encrypt(privateKeyPem),
      active: true,
    });
    tx.log.info('generated the organisation sealing certificate');
    return { created: true };
  });
}
