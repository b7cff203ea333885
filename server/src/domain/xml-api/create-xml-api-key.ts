// An admin creates an XML API key. The key is returned once; only its SHA-256 is stored. Processes started with
// it are sent in the name of the admin who created it.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { xmlApiKeys } from '../../db/schema';
import { recordAdminEvent } from '../admin/record-admin-event';
import { requireAdminActor } from '../admin/require-admin';
import { inTransaction, type Ctx } from '../context';
import { invalidInput } from '../errors';
import { hashToken, randomToken } from '../secrets';

export const XML_KEY_PREFIX = 'ssx_';

const ipOrRange = z.union([z.ipv4(), z.ipv6(), z.cidrv4(), z.cidrv6()]);

export async function createXmlApiKey(ctx: Ctx, input: { name: string; allowedIps: string[] }): Promise<{ id: string; key: string }> {
  const actor = requireAdminActor(ctx);
  const name = input.name.trim().slice(0, 100);
  if (!name) throw invalidInput('Give the key a name (e.g. the system that uses it)', 'name');
  const allowedIps = input.allowedIps.map((s) => s.trim()).filter(Boolean);
  const bad = allowedIps.find((s) => !ipOrRange.safeParse(s).success);
  if (bad !== undefined) throw invalidInput(`"${bad}" is not an IP address or a CIDR range`, 'allowedIps');
  const key = XML_KEY_PREFIX + randomToken(32);
  const id = randomUUID();
  await inTransaction(ctx, async (tx) => {
    await tx.db.insert(xmlApiKeys).values({ id, name, keyHash: hashToken(key), createdBy: actor.id, allowedIps, createdAt: tx.clock() });
    await recordAdminEvent(tx, { action: 'xml_api_key_created', details: { id, name, allowedIps } });
  });
  return { id, key };
}
