// Verify on the process page: re-checks every signature's sign hash with the key that made it, and that every
// document it approved still has exactly the approved bytes. A changed document, key or record shows as invalid.
import { asc, eq } from 'drizzle-orm';
import { documents, sealKeys, signers, userSigningKeys } from '../../db/schema';
import type { Ctx } from '../context';
import { checkSignHash, type SignRecord } from './sign-record';

export interface SignatureCheck {
  signerId: string;
  email: string;
  valid: boolean;
  problems: string[];
}

export async function verifyProcessSignatures(ctx: Ctx, input: { processId: string }): Promise<SignatureCheck[]> {
  const [rows, docs, keys, userKeys] = await Promise.all([
    ctx.db.select().from(signers).where(eq(signers.processId, input.processId)).orderBy(asc(signers.position)),
    ctx.db.select().from(documents).where(eq(documents.processId, input.processId)),
    ctx.db.select({ id: sealKeys.id, publicPem: sealKeys.certificatePem }).from(sealKeys),
    ctx.db
      .select({ id: userSigningKeys.id, publicPem: userSigningKeys.publicKeyPem })
      .from(userSigningKeys)
      .innerJoin(signers, eq(signers.userSigningKeyId, userSigningKeys.id))
      .where(eq(signers.processId, input.processId)),
  ]);
  const byId = new Map(docs.map((d) => [d.id, d]));
  const actualSha = new Map<string, string | null>();
  const currentBytesSha = async (sha256: string) => {
    if (!actualSha.has(sha256)) {
      // Reading re-hashes the stored bytes: a file replaced in storage does not come back under its old hash.
      actualSha.set(sha256, await ctx.blobs.get(ctx.db, sha256).then(() => sha256, () => null));
    }
    return actualSha.get(sha256);
  };
  const results: SignatureCheck[] = [];
  for (const s of rows.filter((r) => r.status === 'signed')) {
    const problems: string[] = [];
    const key = s.userSigningKeyId ? userKeys.find((k) => k.id === s.userSigningKeyId) : keys.find((k) => k.id === s.signKeyId);
    if (!s.signRecord || !s.signHash || !key) {
      problems.push('the signature has no sign hash or its key is missing');
    } else {
      if (!checkSignHash(s.signRecord, s.signHash, key.publicPem)) problems.push('the sign hash does not match the record and key (forged or altered)');
      const record = JSON.parse(s.signRecord) as SignRecord;
      if (record.signer.id !== s.id || record.processId !== input.processId) problems.push('the record belongs to another signature');
      if (record.signedAt !== s.signedAt?.toISOString() || record.method !== s.method) problems.push('the stored signing time or method differs from the signed record');
      for (const approved of record.documents) {
        const doc = byId.get(approved.id);
        if (!doc) problems.push(`the approved document ${approved.filename} is missing`);
        else if (doc.sha256 !== approved.sha256 || (await currentBytesSha(doc.sha256)) !== approved.sha256) {
          problems.push(`the document ${approved.filename} was changed after it was signed`);
        }
      }
    }
    results.push({ signerId: s.id, email: s.email, valid: problems.length === 0, problems });
  }
  return results;
}
