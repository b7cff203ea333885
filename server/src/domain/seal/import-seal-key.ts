// The organisation's sealing key: the one generated on first start, or a PKCS#12 an admin uploads (a certificate
// from a trusted CA, so readers show the seal as trusted). The uploaded key becomes the active one; older keys
// stay, inactive, so signatures made with them still verify.
import { randomUUID, X509Certificate } from 'node:crypto';
import { desc, eq } from 'drizzle-orm';
import { sealKeys } from '../../db/schema';
import { Pkcs12Error, readPkcs12 } from '../../seal/read-pkcs12';
import { recordAdminEvent } from '../admin/record-admin-event';
import { requireAdminActor } from '../admin/require-admin';
import { inTransaction, type Ctx } from '../context';
import { invalidInput } from '../errors';

export const MAX_PKCS12_BYTES = 64 * 1024;

export type SealKeyView = { subject: string; issuer: string; validFrom: string; validTo: string; algorithm: string; fingerprint256: string; selfSigned: boolean };

export function describeCertificate(pem: string): SealKeyView {
  const c = new X509Certificate(pem);
  const key = c.publicKey;
  const details = key.asymmetricKeyDetails ?? {};
  return {
    subject: c.subject.replace(/\n/g, ', '),
    issuer: c.issuer.replace(/\n/g, ', '),
    validFrom: new Date(c.validFrom).toISOString(),
    validTo: new Date(c.validTo).toISOString(),
    algorithm: key.asymmetricKeyType === 'ec' ? `ECDSA ${details.namedCurve}` : `${key.asymmetricKeyType!.toUpperCase()} ${details.modulusLength}`,
    fingerprint256: c.fingerprint256,
    selfSigned: c.subject === c.issuer,
  };
}

export async function activeSealKeyView(ctx: Ctx): Promise<SealKeyView | null> {
  requireAdminActor(ctx);
  const [key] = await ctx.db.select().from(sealKeys).where(eq(sealKeys.active, true)).orderBy(desc(sealKeys.createdAt)).limit(1);
  return key ? describeCertificate(key.certificatePem) : null;
}

export async function importSealKey(ctx: Ctx, input: { pkcs12: Uint8Array; password: string }): Promise<SealKeyView> {
  requireAdminActor(ctx);
  if (input.pkcs12.byteLength === 0) throw invalidInput('Choose a PKCS#12 (.p12 or .pfx) file', 'file');
  if (input.pkcs12.byteLength > MAX_PKCS12_BYTES) throw invalidInput('The file is too large for a PKCS#12 key file', 'file');
  let read;
  try {
    read = await readPkcs12(input.pkcs12, input.password);
  } catch (err) {
    if (err instanceof Pkcs12Error) throw invalidInput(err.message, 'file');
    throw err;
  }
  const view = describeCertificate(read.certificatePem);
  if (new Date(view.validTo) <= ctx.clock()) throw invalidInput(`The certificate expired on ${view.validTo.slice(0, 10)}`, 'file');
  await inTransaction(ctx, async (tx) => {
    await tx.db.update(sealKeys).set({ active: false }).where(eq(sealKeys.active, true));
    await tx.db.insert(sealKeys).values({ id: randomUUID(), certificatePem: read.certificatePem, privateKeyEncrypted: tx.secrets.encrypt(read.privateKeyPem), chainPem: orderChain(read.certificatePem, read.chainPem), active: true, createdAt: tx.clock() });
    await recordAdminEvent(tx, { action: 'seal_key_imported', details: { subject: view.subject, issuer: view.issuer, algorithm: view.algorithm, fingerprint256: view.fingerprint256 } });
  });
  return view;
}

/** The CA certificates from leaf's issuer upwards, as far as the file has them; null when it has none. */
function orderChain(leafPem: string, others: string[]): string | null {
  const pool = others.map((p) => new X509Certificate(p));
  const chain: X509Certificate[] = [];
  let current = new X509Certificate(leafPem);
  for (;;) {
    const issuer = pool.find((c) => !chain.includes(c) && current.checkIssued(c) && current.verify(c.publicKey));
    if (!issuer || issuer.fingerprint256 === current.fingerprint256) break;
    chain.push(issuer);
    current = issuer;
  }
  return chain.length > 0 ? chain.map((c) => c.toString()).join('') : null;
}
