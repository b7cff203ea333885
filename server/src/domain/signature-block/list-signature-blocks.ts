// The blocks of a process as the sender's and the signers' pages show them: what each covers, who may sign it,
// and who signed it when.
import type { SignatureBlockView } from '@secure-signature/shared';
import { asc, eq } from 'drizzle-orm';
import { documents, signatureBlocks, signers } from '../../db/schema';
import type { Ctx } from '../context';

export async function listSignatureBlocks(ctx: Ctx, input: { processId: string }): Promise<(SignatureBlockView & { groupId: string | null })[]> {
  const [rows, docs] = await Promise.all([
    ctx.db
      .select({ block: signatureBlocks, signedBy: signers.email, signedByName: signers.name })
      .from(signatureBlocks)
      .leftJoin(signers, eq(signers.id, signatureBlocks.signerId))
      .where(eq(signatureBlocks.processId, input.processId))
      .orderBy(asc(signatureBlocks.position)),
    ctx.db.select({ id: documents.id, filename: documents.filename }).from(documents).where(eq(documents.processId, input.processId)).orderBy(asc(documents.position)),
  ]);
  return rows.map(({ block: b, signedBy, signedByName }) => ({
    id: b.id,
    position: b.position,
    label: b.label,
    documentIds: b.documentIds,
    documents: docs.filter((d) => b.documentIds.includes(d.id)).map((d) => d.filename),
    fields: b.fields,
    signers: b.signerEmails,
    group: b.groupName,
    groupId: b.groupId,
    status: b.status,
    signedBy: signedBy ? (signedByName ? `${signedByName} (${signedBy})` : signedBy) : null,
    signedAt: b.signedAt?.toISOString() ?? null,
    method: b.method,
  }));
}
