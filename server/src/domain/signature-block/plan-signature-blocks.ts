// Turns the sender's signature blocks into rows at start: document positions become document ids, group names
// become groups (which must exist and have members). The schema already checked that named signers are signers.
import { randomUUID } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import type { SignatureBlockInput } from '@secure-signature/shared';
import { groups, signatureBlocks, users } from '../../db/schema';
import type { Ctx } from '../context';
import { DomainError } from '../errors';

export type SignatureBlockRow = typeof signatureBlocks.$inferInsert;

export async function planSignatureBlocks(
  ctx: Ctx,
  input: { processId: string; blocks: SignatureBlockInput[]; documentIds: string[]; language: string },
): Promise<SignatureBlockRow[]> {
  const names = [...new Set(input.blocks.flatMap((b) => (b.group ? [b.group] : [])))];
  const found = names.length ? await ctx.db.select({ id: groups.id, name: groups.name }).from(groups).where(inArray(groups.name, names)) : [];
  return Promise.all(
    input.blocks.map(async (b, i) => {
      const at = `blocks.${i}`;
      for (const d of b.documents ?? []) {
        if (d >= input.documentIds.length) throw new DomainError('invalid_input', `Signature block "${b.label}": there is no document number ${d + 1}`, `${at}.documents`);
      }
      const documentIds = b.documents ? b.documents.map((d) => input.documentIds[d]) : input.documentIds;
      if (documentIds.length === 0 && b.fields.length === 0) {
        throw new DomainError('invalid_input', `Signature block "${b.label}" covers nothing: choose documents or message fields`, `${at}.documents`);
      }
      const group = b.group ? found.find((g) => g.name === b.group) : undefined;
      if (b.group && !group) throw new DomainError('invalid_input', `Signature block "${b.label}": there is no group ${b.group}`, `${at}.group`);
      if (group && (await ctx.db.select({ id: users.id }).from(users).where(eq(users.groupId, group.id)).limit(1)).length === 0) {
        throw new DomainError('invalid_input', `Signature block "${b.label}": the group ${group.name} has no members`, `${at}.group`);
      }
      return {
        id: randomUUID(),
        processId: input.processId,
        position: i + 1,
        label: b.label,
        documentIds,
        fields: [...new Set(b.fields)],
        signerEmails: b.signers.map((e) => e.toLowerCase()),
        groupId: group?.id ?? null,
        groupName: group?.name ?? null,
        language: input.language,
        status: 'waiting' as const,
      };
    }),
  );
}
