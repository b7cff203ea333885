// Moves a process with signature blocks to its next step, in the caller's transaction under the process row lock:
// the first block not signed is opened, its group's members become signers (once), and every signer's status is
// set from the blocks: invited while they may sign the open block (invited by email when they were not already),
// signed when they signed a block, else waiting. Called at start, after each block signature and after a
// replaced document withdrew blocks.
import { randomUUID } from 'node:crypto';
import { and, asc, eq, notInArray, sql } from 'drizzle-orm';
import { processes, signatureBlocks, signers } from '../../db/schema';
import { recordAuditEvent } from '../audit/record-audit-event';
import type { Ctx } from '../context';
import { hashToken } from '../secrets';
import { inviteSigner, type InvitationTarget } from '../signer/invite-signer';
import { groupMembers } from './block-eligibility';

export async function advanceSignatureBlocks(
  ctx: Ctx,
  input: { process: InvitationTarget['process']; sender: InvitationTarget['sender']; replacedDocument?: string },
): Promise<{ allSigned: boolean }> {
  const { process } = input;
  const blocks = await ctx.db.select().from(signatureBlocks).where(eq(signatureBlocks.processId, process.id)).orderBy(asc(signatureBlocks.position));
  const next = blocks.find((b) => b.status !== 'signed');
  if (!next) return { allSigned: true };
  const active = await ctx.db
    .select()
    .from(signers)
    .where(and(eq(signers.processId, process.id), notInArray(signers.status, ['rejected', 'forwarded'])))
    .orderBy(asc(signers.position));

  if (next.status === 'waiting') {
    await ctx.db.update(signatureBlocks).set({ status: 'open', openedAt: ctx.clock() }).where(eq(signatureBlocks.id, next.id));
    await recordAuditEvent(ctx, { processId: process.id, type: 'block_opened', message: `Signature block ${next.position} "${next.label}" is open for signing`, actor: 'system' });
  }
  const eligible = new Set(next.signerEmails);
  if (next.groupId) {
    const members = await groupMembers(ctx, next.groupId);
    const [{ last }] = await ctx.db.select({ last: sql<number>`coalesce(max(${signers.position}), 0)` }).from(signers).where(eq(signers.processId, process.id));
    let position = Number(last);
    for (const m of members) {
      const email = m.email.toLowerCase();
      eligible.add(email);
      if (active.some((s) => s.email === email)) continue;
      const id = randomUUID();
      const [added] = await ctx.db
        .insert(signers)
        .values({ id, processId: process.id, position: ++position, email, name: m.name, phone: m.phone, language: next.language, status: 'waiting', tokenHash: hashToken(ctx.secrets.signerToken(id)) })
        .returning();
      active.push(added);
      await ctx.db.update(processes).set({ signerCount: sql`${processes.signerCount} + 1` }).where(eq(processes.id, process.id));
      await recordAuditEvent(ctx, { processId: process.id, type: 'signer_added', message: `${email} added as a member of the group ${next.groupName ?? ''} (signature block "${next.label}")`, actor: 'system' });
    }
  }

  const signedABlock = new Set(blocks.filter((b) => b.status === 'signed').map((b) => b.signerId));
  for (const s of active) {
    if (eligible.has(s.email)) {
      if (s.status !== 'invited') await inviteSigner(ctx, { process, sender: input.sender, signer: s, kind: 'invitation', replacedDocument: input.replacedDocument });
      continue;
    }
    const status = signedABlock.has(s.id) ? 'signed' : 'waiting';
    if (s.status !== status) await ctx.db.update(signers).set({ status }).where(eq(signers.id, s.id));
  }
  return { allSigned: false };
}
