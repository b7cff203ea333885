// Lets an XML API request in: the API must be on, the client address allowed by the settings and by the key,
// and the key known, not revoked, its creator not locked. Returns the key's id and the actor processes are sent as.
import { and, eq, isNull } from 'drizzle-orm';
import { groups, users, xmlApiKeys } from '../../db/schema';
import type { Ctx, UserActor } from '../context';
import { DomainError } from '../errors';
import { hashToken } from '../secrets';
import { getSettings } from '../settings/get-settings';
import { actorColumns, groupOfUser, toActor } from '../user/actor';
import { ipInRanges } from './ip-in-ranges';

export async function authenticateXmlApiKey(ctx: Ctx, input: { key: string | undefined; clientIp: string | undefined }): Promise<{ keyId: string; actor: UserActor }> {
  const { xmlApi } = await getSettings(ctx);
  if (!xmlApi.enabled) throw new DomainError('forbidden', 'The XML API is not enabled; an administrator turns it on in Admin → XML API');
  if (xmlApi.allowedIps.length > 0 && !ipInRanges(input.clientIp, xmlApi.allowedIps)) {
    throw new DomainError('forbidden', 'Requests from this address are not allowed');
  }
  if (!input.key) throw new DomainError('unauthorized', 'An API key is required: Authorization: Bearer <key>');
  const [row] = await ctx.db
    .select({ keyId: xmlApiKeys.id, allowedIps: xmlApiKeys.allowedIps, ...actorColumns })
    .from(xmlApiKeys)
    .innerJoin(users, eq(users.id, xmlApiKeys.createdBy))
    .leftJoin(groups, groupOfUser)
    .where(and(eq(xmlApiKeys.keyHash, hashToken(input.key)), isNull(xmlApiKeys.revokedAt), eq(users.locked, false)))
    .limit(1);
  if (!row) throw new DomainError('unauthorized', 'The API key is not valid or has been revoked');
  if (row.allowedIps.length > 0 && !ipInRanges(input.clientIp, row.allowedIps)) {
    throw new DomainError('forbidden', 'This key may not be used from this address');
  }
  await ctx.db.update(xmlApiKeys).set({ lastUsedAt: ctx.clock() }).where(eq(xmlApiKeys.id, row.keyId));
  return { keyId: row.keyId, actor: toActor(row) };
}
