// Who may sign a block: one of its named signers, or someone who is a member of its group right now (an account
// whose email is the signer's, not locked). Membership is checked again at signing, not only at invitation.
import { and, eq } from 'drizzle-orm';
import { signatureBlocks, users } from '../../db/schema';
import type { Ctx } from '../context';

type Block = Pick<typeof signatureBlocks.$inferSelect, 'signerEmails' | 'groupId'>;

export async function groupMembers(ctx: Ctx, groupId: string) {
  return ctx.db
    .select({ email: users.email, name: users.name, phone: users.phone })
    .from(users)
    .where(and(eq(users.groupId, groupId), eq(users.locked, false)));
}

export async function mayUseBlock(ctx: Ctx, block: Block, email: string): Promise<boolean> {
  if (block.signerEmails.includes(email.toLowerCase())) return true;
  if (!block.groupId) return false;
  return (await groupMembers(ctx, block.groupId)).some((m) => m.email.toLowerCase() === email.toLowerCase());
}
