// The active sealing key, decrypted for use.
import { desc, eq } from 'drizzle-orm';
import { sealKeys } from '../../db/schema';
import type { Ctx } from '../context';

export async function loadSealKey(ctx: Ctx): Promise<{ id: string; privateKeyPem: string; certificatePem: string; chainPem: string[] }> {
  const [key] = await ctx.db
    .select()
    .from(sealKeys)
    .where(eq(sealKeys.active, true))
    .orderBy(desc(sealKeys.createdAt))
    .limit(1);
  if (!key) throw new Error('no active sealing key: ensureSealKey runs at start-up');
  return { id: key.id, privateKeyPem: ctx.secrets.decrypt(key.privateKeyEncrypted), certificatePem: key.certificatePem, chainPem: splitPem(key.chainPem) };
}

function splitPem(pem: string | null): string[] {
  return pem ? (pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----\n?/g) ?? []) : [];
}
