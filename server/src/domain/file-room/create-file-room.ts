// An admin registers a file room: its callback URL must pass the request-forgery guard now (and again at every
// delivery), processes are sent in the name of the user the admin picks, and the shared secret is generated here,
// returned once and stored only encrypted (the server needs it to sign deliveries and check requests).
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { fileRooms, users } from '../../db/schema';
import { recordAdminEvent } from '../admin/record-admin-event';
import { requireAdminActor } from '../admin/require-admin';
import { inTransaction, type Ctx } from '../context';
import { conflict, invalidInput } from '../errors';
import { checkReportUrl } from '../report/check-report-url';
import { randomToken } from '../secrets';
import { getSettings } from '../settings/get-settings';

export const FILE_ROOM_SECRET_PREFIX = 'ssr_';

const ipOrRange = z.union([z.ipv4(), z.ipv6(), z.cidrv4(), z.cidrv6()]);

export async function createFileRoom(
  ctx: Ctx,
  input: { name: string; callbackUrl: string; senderEmail: string; allowedIps: string[] },
): Promise<{ id: string; secret: string }> {
  requireAdminActor(ctx);
  const name = input.name.trim().slice(0, 100);
  if (!name) throw invalidInput('Give the file room a name', 'name');
  const callbackUrl = input.callbackUrl.trim();
  const { callbackAllowList } = (await getSettings(ctx)).fileRooms;
  await checkReportUrl(callbackUrl, { allowList: callbackAllowList }).catch((err: Error) => {
    throw invalidInput(err.message.replace(/report URL/gi, 'callback URL'), 'callbackUrl');
  });
  const allowedIps = input.allowedIps.map((s) => s.trim()).filter(Boolean);
  const bad = allowedIps.find((s) => !ipOrRange.safeParse(s).success);
  if (bad !== undefined) throw invalidInput(`"${bad}" is not an IP address or a CIDR range`, 'allowedIps');
  const email = input.senderEmail.trim().toLowerCase();
  const [sender] = await ctx.db.select({ id: users.id }).from(users).where(and(eq(users.email, email), eq(users.locked, false)));
  if (!sender) throw invalidInput(`There is no active user ${email || '(empty)'} to send the room's processes`, 'senderEmail');
  const secret = FILE_ROOM_SECRET_PREFIX + randomToken(32);
  const id = randomUUID();
  await inTransaction(ctx, async (tx) => {
    const [same] = await tx.db.select({ id: fileRooms.id }).from(fileRooms).where(eq(fileRooms.name, name));
    if (same) throw conflict(`A file room named ${name} exists already`);
    await tx.db.insert(fileRooms).values({ id, name, callbackUrl, secretEncrypted: tx.secrets.encrypt(secret), senderId: sender.id, allowedIps, enabled: true, createdAt: tx.clock() });
    await recordAdminEvent(tx, { action: 'file_room_created', details: { id, name, callbackUrl: shownUrl(callbackUrl), sender: email, allowedIps } });
  });
  return { id, secret };
}

/** The URL without query or credentials, for the admin log. */
export const shownUrl = (raw: string) => {
  try {
    const u = new URL(raw);
    return `${u.origin}${u.pathname}`;
  } catch {
    return '(invalid URL)';
  }
};
