// The users who have their own signing key, for the admin page: who, which kind of key, its fingerprint and since when.
import { createHash, createPublicKey, X509Certificate } from 'node:crypto';
import { asc, eq, isNull } from 'drizzle-orm';
import { userSigningKeys, users } from '../../db/schema';
import { requireAdminActor } from '../admin/require-admin';
import type { Ctx } from '../context';

export interface UserSigningKeyView {
  userId: string;
  email: string;
  algorithm: string;
  fingerprint: string;
  certificateSubject: string | null;
  createdAt: string;
}

export async function listUserSigningKeys(ctx: Ctx): Promise<UserSigningKeyView[]> {
  requireAdminActor(ctx);
  const rows = await ctx.db
    .select({ key: userSigningKeys, email: users.email })
    .from(userSigningKeys)
    .innerJoin(users, eq(users.id, userSigningKeys.userId))
    .where(isNull(userSigningKeys.retiredAt))
    .orderBy(asc(users.email));
  return rows.map(({ key, email }) => ({
    userId: key.userId,
    email,
    algorithm: key.algorithm.toUpperCase(),
    fingerprint: createHash('sha256').update(createPublicKey(key.publicKeyPem).export({ type: 'spki', format: 'der' })).digest('hex'),
    certificateSubject: key.certificatePem ? subjectOf(key.certificatePem) : null,
    createdAt: key.createdAt.toISOString(),
  }));
}

function subjectOf(pem: string): string {
  return new X509Certificate(pem).subject.replace(/\n/g, ', ');
}
