// Verify on the process page: re-checks every signature's sign hash with the key that made it, and that every
// document it approved still has exactly the approved bytes. A changed document, key or record shows as invalid.
// With signature blocks each signed block is one signature, also bound to the message fields it covers.
import { asc, eq } from 'drizzle-orm';
import { documents, processes, sealKeys, signatureBlocks, signers, userSigningKeys } from '../../db/schema';
import type { Ctx } from '../context';
import { checkSignHash, type SignRecord } from './sign-record';

export interface SignatureCheck {
  signerId: string;
  email: string;
  /** The signature block, for processes with blocks. */
  block?: string;
  valid: boolean;
  problems: string[];
}

/** A stored signature, from a signer row or a block row. */
interface StoredSignature {
  signerId: string;
  email: string;
  block?: { id: string; position: number; label: string };
  signedAt: Date | null;
  method: string | null;
  signRecord: string | null;
  signHash: string | null;
  signKeyId: string | null;
  userSigningKeyId: string | null;
}

export async function verifyProcessSignatures(ctx: Ctx, input: { processId: string }): Promise<SignatureCheck[]> {
  const [[process], signerRows, blockRows, docs, keys, userKeys] = await Promise.all([
    ctx.db.select({ title: processes.title, message: processes.message }).from(processes).where(eq(processes.id, input.processId)),
    ctx.db.select().from(signers).where(eq(signers.processId, input.processId)).orderBy(asc(signers.position)),
    ctx.db.select().from(signatureBlocks).where(eq(signatureBlocks.processId, input.processId)).orderBy(asc(signatureBlocks.position)),
    ctx.db.select().from(documents).where(eq(documents.processId, input.processId)),
    ctx.db.select({ id: sealKeys.id, publicPem: sealKeys.certificatePem }).from(sealKeys),
    ctx.db.select({ id: userSigningKeys.id, publicPem: userSigningKeys.publicKeyPem }).from(userSigningKeys),
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
  const emailOf = (id: string | null) => signerRows.find((s) => s.id === id)?.email ?? '';
  const stored: StoredSignature[] =
    blockRows.length > 0
      ? blockRows
          .filter((b) => b.status === 'signed')
          .map((b) => ({ ...b, signerId: b.signerId ?? '', email: emailOf(b.signerId), block: { id: b.id, position: b.position, label: b.label } }))
      : signerRows.filter((r) => r.status === 'signed').map((s) => ({ ...s, signerId: s.id }));

  const results: SignatureCheck[] = [];
  for (const s of stored) {
    const problems: string[] = [];
    const key = s.userSigningKeyId ? userKeys.find((k) => k.id === s.userSigningKeyId) : keys.find((k) => k.id === s.signKeyId);
    if (!s.signRecord || !s.signHash || !key) {
      problems.push('the signature has no sign hash or its key is missing');
    } else {
      if (!checkSignHash(s.signRecord, s.signHash, key.publicPem)) problems.push('the sign hash does not match the record and key (forged or altered)');
      const record = JSON.parse(s.signRecord) as SignRecord;
      if (record.signer.id !== s.signerId || record.processId !== input.processId || record.block?.id !== s.block?.id) {
        problems.push('the record belongs to another signature');
      }
      if (record.signedAt !== s.signedAt?.toISOString() || record.method !== s.method) problems.push('the stored signing time or method differs from the signed record');
      for (const approved of record.documents) {
        const doc = byId.get(approved.id);
        if (!doc) problems.push(`the approved document ${approved.filename} is missing`);
        else if (doc.sha256 !== approved.sha256 || (await currentBytesSha(doc.sha256)) !== approved.sha256) {
          problems.push(`the document ${approved.filename} was changed after it was signed`);
        }
      }
      for (const [field, text] of Object.entries(record.fields ?? {})) {
        if (process[field as 'title' | 'message'] !== text) problems.push(`the ${field} was changed after it was signed`);
      }
    }
    results.push({ signerId: s.signerId, email: s.email, ...(s.block ? { block: s.block.label } : {}), valid: problems.length === 0, problems });
  }
  return results;
}
