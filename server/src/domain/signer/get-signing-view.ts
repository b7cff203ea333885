// What a signer sees behind their link: who sent it, the message, every signer's status, the documents, and
// whether they can act now. Opening the link is recorded in the audit trail.
import { asc, eq } from 'drizzle-orm';
import { documents, signers, users } from '../../db/schema';
import { recordAuditEvent } from '../audit/record-audit-event';
import type { Ctx } from '../context';
import { findSignerByToken } from './find-signer-by-token';

export type SignerCanAct = 'yes' | 'not_your_turn' | 'already_signed' | 'already_rejected' | 'process_ended';

export async function getSigningView(ctx: Ctx, input: { token: string; recordOpen?: boolean }) {
  const { signer, process } = await findSignerByToken(ctx, { token: input.token });
  const [sender] = await ctx.db
    .select({ email: users.email, name: users.name })
    .from(users)
    .where(eq(users.id, process.senderId));
  const [all, docs] = await Promise.all([
    ctx.db
      .select({ id: signers.id, position: signers.position, email: signers.email, name: signers.name, status: signers.status, signedAt: signers.signedAt })
      .from(signers)
      .where(eq(signers.processId, process.id))
      .orderBy(asc(signers.position)),
    ctx.db
      .select({ id: documents.id, kind: documents.kind, filename: documents.filename, size: documents.size, sha256: documents.sha256, finalSha256: documents.finalSha256 })
      .from(documents)
      .where(eq(documents.processId, process.id))
      .orderBy(asc(documents.position)),
  ]);
  const canAct: SignerCanAct =
    process.status !== 'pending'
      ? 'process_ended'
      : signer.status === 'signed'
        ? 'already_signed'
        : signer.status === 'rejected'
          ? 'already_rejected'
          : signer.status === 'waiting'
            ? 'not_your_turn'
            : 'yes';
  if (input.recordOpen) {
    await recordAuditEvent(ctx, {
      processId: process.id,
      type: 'link_opened',
      message: `Link opened by signer ${signer.email}`,
      actor: signer.email,
    });
  }
  return {
    process: { id: process.id, title: process.title, message: process.message, status: process.status, signingOrder: process.signingOrder },
    sender,
    signer: { id: signer.id, email: signer.email, name: signer.name, status: signer.status },
    signers: all,
    documents: docs,
    canAct,
  };
}
