// The XML API keys for the admin page, newest first, revoked ones too (never the keys themselves).
import { desc, eq } from 'drizzle-orm';
import { users, xmlApiKeys } from '../../db/schema';
import { requireAdminActor } from '../admin/require-admin';
import type { Ctx } from '../context';

export interface XmlApiKeyView {
  id: string;
  name: string;
  createdBy: string;
  allowedIps: string[];
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export async function listXmlApiKeys(ctx: Ctx): Promise<XmlApiKeyView[]> {
  requireAdminActor(ctx);
  return ctx.db
    .select({
      id: xmlApiKeys.id,
      name: xmlApiKeys.name,
      createdBy: users.email,
      allowedIps: xmlApiKeys.allowedIps,
      createdAt: xmlApiKeys.createdAt,
      lastUsedAt: xmlApiKeys.lastUsedAt,
      revokedAt: xmlApiKeys.revokedAt,
    })
    .from(xmlApiKeys)
    .innerJoin(users, eq(users.id, xmlApiKeys.createdBy))
    .orderBy(desc(xmlApiKeys.createdAt));
}
