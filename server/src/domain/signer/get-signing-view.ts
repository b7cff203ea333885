// What a signer sees behind their link: who sent it, the message, every signer's status, the documents, and
// whether they can act now. Opening the link is recorded in the audit trail.
import type { SignatureMethod } from '@secure-signature/shared';
import { and, asc, eq } from 'drizzle-orm';
import { documents, signerDownloads, signers, users } from '../../db/schema';
import { recordAuditEvent } from '../audit/record-audit-event';
import type { Ctx } from '../context';
import { findSignerByToken } from './find-signer-by-token';
import { accountOfSigner } from './authenticate-internal-signer';
import { getSettings } from '../settings/get-settings';
import { listIdentityProviders } from '../identity-provider/list-identity-providers';
import { listSignatureBlocks } from '../signature-block/list-signature-blocks';
import { mayUseBlock } from '../signature-block/block-eligibility';

export type SignerCanAct = 'yes' | 'not_your_turn' | 'nothing_left' | 'already_signed' | 'already_rejected' | 'already_forwarded' | 'process_ended';

export async function getSigningView(ctx: Ctx, input: { token: string; recordOpen?: boolean }) {
  const { signer, process } = await findSignerByToken(ctx, { token: input.token });
  const [sender] = await ctx.db
    .select({ email: users.email, name: users.name })
    .from(users)
    .where(eq(users.id, process.senderId));
  const [all, docs] = await Promise.all([
    ctx.db
      .select({
        id: signers.id,
        position: signers.position,
        email: signers.email,
        name: signers.name,
        organization: signers.organization,
        jobTitle: signers.jobTitle,
        businessId: signers.businessId,
        status: signers.status,
        signedAt: signers.signedAt,
      })
      .from(signers)
      .where(eq(signers.processId, process.id))
      .orderBy(asc(signers.position)),
    ctx.db
      .select({
        id: documents.id,
        kind: documents.kind,
        filename: documents.filename,
        size: documents.size,
        sha256: documents.sha256,
        finalSha256: documents.finalSha256,
        downloadedAt: signerDownloads.createdAt,
      })
      .from(documents)
      .leftJoin(signerDownloads, and(eq(signerDownloads.documentId, documents.id), eq(signerDownloads.signerId, signer.id)))
      .where(eq(documents.processId, process.id))
      .orderBy(asc(documents.position)),
  ]);
  const visible = docs
    .filter((d) => d.kind === 'document' || process.attachmentsVisible)
    .map(({ downloadedAt, ...d }) => ({ ...d, downloaded: downloadedAt !== null }));
  let canAct: SignerCanAct =
    process.status !== 'pending'
      ? 'process_ended'
      : signer.status === 'signed'
        ? 'already_signed'
        : signer.status === 'rejected'
          ? 'already_rejected'
          : signer.status === 'forwarded'
            ? 'already_forwarded'
          : signer.status === 'waiting'
            ? 'not_your_turn'
            : 'yes';
  // With signature blocks: the open block is what this signer signs now; someone whose blocks were all signed
  // by others has nothing left to do.
  const blocks = await listSignatureBlocks(ctx, { processId: process.id });
  const open = blocks.find((b) => b.status === 'open');
  const currentBlock = canAct === 'yes' && open ? { id: open.id, label: open.label, documents: open.documents, fields: open.fields } : null;
  if ((canAct === 'not_your_turn' || canAct === 'already_signed') && blocks.length > 0) {
    // A signer may sign a later block too: signed now, but their turn comes again.
    const ahead = blocks.filter((b) => b.status !== 'signed');
    const stillToSign = (await Promise.all(ahead.map((b) => mayUseBlock(ctx, { signerEmails: b.signers, groupId: b.groupId }, signer.email)))).includes(true);
    canAct = stillToSign ? 'not_your_turn' : signer.status === 'signed' ? 'already_signed' : 'nothing_left';
  }
  const settings = await getSettings(ctx);
  if (input.recordOpen) {
    await recordAuditEvent(ctx, {
      processId: process.id,
      type: 'link_opened',
      message: `Link opened by signer ${signer.email}`,
      actor: signer.email,
    });
  }
  return {
    process: {
      id: process.id,
      title: process.title,
      message: process.message,
      status: process.status,
      signingOrder: process.signingOrder,
      forceDownload: process.forceDownload,
      signatureMethods: process.signatureMethods as SignatureMethod[],
      allowSignAndForward: process.allowSignAndForward,
      allowForward: process.allowForward,
    },
    sender,
    signer: {
      id: signer.id,
      email: signer.email,
      name: signer.name,
      status: signer.status,
      organization: signer.organization,
      jobTitle: signer.jobTitle,
      businessId: signer.businessId,
      signingRightRefusal: signer.signingRightRefusal,
    },
    /** After signing: the signers of this process whose turn it is, who may take over this device. */
    handoverTo:
      process.status === 'pending' && signer.status === 'signed'
        ? all.filter((s) => s.status === 'invited').map((s) => ({ id: s.id, name: s.name ?? s.email }))
        : [],
    /** The identity providers this process offers, by the id in their method "oidc:<id>". */
    identityProviders: (await listIdentityProviders(ctx, { enabledOnly: true }))
      .filter((p) => process.signatureMethods.includes(`oidc:${p.id}`))
      .map((p) => ({ id: p.id, name: p.name })),
    /** Whether organisation and title are shown, and whether this signer may correct their own. */
    signerDetails: settings.signerDetails.organizationAndTitle,
    /** The admin's purposes: the signer picks one (and the record carries it) when there are any. */
    purposes: settings.signingPurposes.purposes,
    /** The signer is a user of this service and re-enters the account's password to sign. */
    asksAccountPassword: canAct === 'yes' && (await accountOfSigner(ctx, { email: signer.email, settings })) !== null,
    signers: all,
    documents: visible,
    /** Signature blocks in signing order (empty without blocks), and the one this signer signs now. */
    blocks: blocks.map(({ documentIds: _ids, groupId: _group, ...b }) => b),
    currentBlock,
    canAct,
    /** With forceDownload: documents to sign this signer has not downloaded yet (Sign waits for them). */
    toDownload: process.forceDownload ? visible.filter((d) => d.kind === 'document' && !d.downloaded).map((d) => d.id) : [],
  };
}
