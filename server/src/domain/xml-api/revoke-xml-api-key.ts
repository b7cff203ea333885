// An admin revokes an XML API key: from then on it is refused like an unknown key.
import { and, eq, isNull } from 'drizzle-orm';
import { xmlApiKeys } from '../../db/schema';
import { recordAdminEvent } from '../admin/record-admin-event';
import { requireAdminActor } from '../admin/require-admin';
import { inTransaction, type Ctx } from '../context';
import { notFound } from '../errors';
import { isUuid } from '../process/find-own-process';

export async function revokeXmlApiKey(ctx: Ctx, input: { keyId: string }): Promise<void> {
  requireAdminActor(ctx);
  if (!isUuid(input.keyId)) throw notFound('Key');
  await inTransaction(ctx, async (tx) => {
    const done = await tx.db
      .update(xmlApiKeys)
      .set({ revokedAt: tx.clock() })
      .where(and(eq(xmlApiKeys.id, input.keyId), isNull(xmlApiKeys.revokedAt)))
      .returning({ id: xmlApiKeys.id, name: xmlApiKeys.name });
    if (done.length === 0) throw notFound('Key');
    await recordAdminEvent(tx, { action: 'xml_api_key_revoked', details: { id: done[0].id, name: done[0].name } });
  });
}
