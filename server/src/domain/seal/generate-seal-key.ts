// An admin replaces the sealing key with a newly generated self-signed one, choosing RSA 3072 or ECDSA P-256.
// The old key stays, inactive, so documents and sign hashes made with it keep verifying.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { sealKeys } from '../../db/schema';
import { createSealCertificate, type SealAlgorithm } from '../../seal/create-seal-certificate';
import { recordAdminEvent } from '../admin/record-admin-event';
import { requireAdminActor } from '../admin/require-admin';
import { inTransaction, type Ctx } from '../context';
import { invalidInput } from '../errors';
import { describeCertificate, type SealKeyView } from './import-seal-key';

export const SEAL_ALGORITHMS: Record<SealAlgorithm, string> = { 'rsa-3072': 'RSA 3072', 'ecdsa-p256': 'ECDSA P-256' };

export async function generateSealKey(ctx: Ctx, input: { algorithm: string }): Promise<SealKeyView> {
  requireAdminActor(ctx);
  if (!(input.algorithm in SEAL_ALGORITHMS)) throw invalidInput('Choose RSA 3072 or ECDSA P-256', 'algorithm');
  const algorithm = input.algorithm as SealAlgorithm;
  const { privateKeyPem, certificatePem } = await createSealCertificate({
    commonName: `${ctx.config.organizationName} document seal`,
    organization: ctx.config.organizationName,
    algorithm,
  });
  const view = describeCertificate(certificatePem);
  await inTransaction(ctx, async (tx) => {
    await tx.db.update(sealKeys).set({ active: false }).where(eq(sealKeys.active, true));
    await tx.db.insert(sealKeys).values({ id: randomUUID(), certificatePem, privateKeyEncrypted: tx.secrets.encrypt(privateKeyPem), active: true, createdAt: tx.clock() });
    await recordAdminEvent(tx, { action: 'seal_key_generated', details: { algorithm: view.algorithm, fingerprint256: view.fingerprint256 } });
  });
  return view;
}
