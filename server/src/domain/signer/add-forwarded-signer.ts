// Adds the person a signer forwards to, right after that signer (so with a forced order they are next), in the
// caller's transaction under the process row lock. Their link and invitation are like any signer's.
import { randomUUID } from 'node:crypto';
import { and, eq, gt, ne, sql } from 'drizzle-orm';
import { signerInput } from '@secure-signature/shared';
import { processes, signers } from '../../db/schema';
import type { Ctx } from '../context';
import { DomainError } from '../errors';
import { hashToken } from '../secrets';
import { getSettings } from '../settings/get-settings';

export type ForwardTarget = { email: string; name?: string; phone?: string };

type Signer = typeof signers.$inferSelect;

export async function addForwardedSigner(ctx: Ctx, input: { processId: string; from: Signer; to: ForwardTarget; countsAsNew: boolean }) {
  const parsed = signerInput.pick({ email: true, name: true, phone: true }).safeParse({
    email: input.to.email.trim(),
    name: input.to.name?.trim() || undefined,
    phone: input.to.phone?.trim() || undefined,
  });
  if (!parsed.success) {
    const field = String(parsed.error.issues[0].path[0] ?? 'email');
    throw new DomainError('invalid_input', `Forward to: ${field} ${parsed.error.issues[0].message}`, `forward.${field}`, field === 'phone' ? 'sign.errorForwardPhone' : 'sign.errorForwardEmail');
  }
  const to = parsed.data;
  const email = to.email.toLowerCase();
  const taken = await ctx.db
    .select({ id: signers.id })
    .from(signers)
    .where(and(eq(signers.processId, input.processId), eq(signers.email, email), ne(signers.status, 'forwarded')));
  if (taken.length > 0) throw new DomainError('conflict', `${email} is already a signer of this process`, 'forward.email', 'sign.errorForwardTaken');
  if (!to.phone && (await getSettings(ctx)).signerPin.requireForEverySigner) {
    throw new DomainError('invalid_input', 'Every signer needs a phone number for the SMS PIN', 'forward.phone', 'sign.errorForwardPhone');
  }

  // Make room right after the forwarding signer. Two steps, because positions are unique at every moment.
  const after = and(eq(signers.processId, input.processId), gt(signers.position, input.from.position));
  await ctx.db.update(signers).set({ position: sql`${signers.position} + 1000000` }).where(after);
  await ctx.db.update(signers).set({ position: sql`${signers.position} - 999999` }).where(and(eq(signers.processId, input.processId), gt(signers.position, 1000000)));

  const id = randomUUID();
  const [added] = await ctx.db
    .insert(signers)
    .values({
      id,
      processId: input.processId,
      position: input.from.position + 1,
      email,
      name: to.name ?? null,
      phone: to.phone ?? null,
      language: input.from.language,
      status: 'waiting',
      tokenHash: hashToken(ctx.secrets.signerToken(id)),
    })
    .returning();
  await ctx.db.update(signers).set({ forwardedTo: id }).where(eq(signers.id, input.from.id));
  if (input.countsAsNew) await ctx.db.update(processes).set({ signerCount: sql`${processes.signerCount} + 1` }).where(eq(processes.id, input.processId));
  return added;
}
