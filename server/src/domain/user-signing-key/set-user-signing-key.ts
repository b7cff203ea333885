// An admin gives a user their own signing key: from then on the sign hashes of that user's signatures (made after
// they re-enter their password) are made with it. The previous key is retired, not deleted, so signatures made
// with it keep verifying.
import { randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { userSigningKeys, users } from '../../db/schema';
import { recordAdminEvent } from '../admin/record-admin-event';
import { requireAdminActor } from '../admin/require-admin';
import { inTransaction, type Ctx } from '../context';
import { DomainError } from '../errors';
import { readKeyPair } from './read-key-pair';

export const MAX_KEY_TEXT = 20_000;

export async function setUserSigningKey(ctx: Ctx, input: { userId: string; privateKeyPem: string; publicPem: string }): Promise<{ algorithm: string; fingerprint: string }> {
  requireAdminActor(ctx);
  if (input.privateKeyPem.length > MAX_KEY_TEXT || input.publicPem.length > MAX_KEY_TEXT) throw new DomainError('invalid_input', 'The key text is too long', 'privateKey');
  const pair = readKeyPair(input);
  return inTransaction(ctx, async (tx) => {
    const [user] = await tx.db.select({ id: users.id, email: users.email }).from(users).where(eq(users.id, input.userId));
    if (!user) throw new DomainError('not_found', 'No such user');
    const now = tx.clock();
    await tx.db.update(userSigningKeys).set({ retiredAt: now }).where(and(eq(userSigningKeys.userId, user.id), isNull(userSigningKeys.retiredAt)));
    await tx.db.insert(userSigningKeys).values({
      id: randomUUID(),
      userId: user.id,
      algorithm: pair.algorithm,
      privateKeyEncrypted: tx.secrets.encrypt(pair.privateKeyPem),
      publicKeyPem: pair.publicKeyPem,
      certificatePem: pair.certificatePem,
      createdAt: now,
    });
    await recordAdminEvent(tx, { action: 'user_signing_key_set', details: { user: user.email, algorithm: pair.algorithm, fingerprint: pair.fingerprint } });
    return { algorithm: pair.algorithm, fingerprint: pair.fingerprint };
  });
}
