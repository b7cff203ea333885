// Lets a file room's request in: file rooms on, the room known, the client address allowed, the timestamp within
// five minutes of our clock and the HMAC signature right (compared in constant time), the room enabled and its
// sender not locked. Returns the room, the actor processes are sent as, and a hash of the signature (replays).
import { and, eq } from 'drizzle-orm';
import { createHash } from 'node:crypto';
import { fileRooms, groups, users } from '../../db/schema';
import type { Ctx, UserActor } from '../context';
import { DomainError } from '../errors';
import { isUuid } from '../process/find-own-process';
import { safeEqual } from '../secrets';
import { getSettings } from '../settings/get-settings';
import { actorColumns, groupOfUser, toActor } from '../user/actor';
import { ipInRanges } from '../xml-api/ip-in-ranges';
import { fileRoomSignature } from './file-room-signature';

export const MAX_CLOCK_SKEW_SECONDS = 300;

export async function authenticateFileRoom(
  ctx: Ctx,
  input: { roomId: string; timestamp: string | undefined; signature: string | undefined; method: string; path: string; body: Uint8Array },
): Promise<{ roomId: string; actor: UserActor; requestHash: string }> {
  if (!(await getSettings(ctx)).fileRooms.enabled) throw new DomainError('forbidden', 'File rooms are not enabled; an administrator turns them on in Admin → File rooms');
  const refused = new DomainError('unauthorized', 'The file room is unknown or the request signature is not valid');
  if (!isUuid(input.roomId)) throw refused;
  const [room] = await ctx.db.select().from(fileRooms).where(eq(fileRooms.id, input.roomId.toLowerCase()));
  if (!room) throw refused;
  if (room.allowedIps.length > 0 && !ipInRanges(ctx.ip, room.allowedIps)) throw new DomainError('forbidden', 'Requests from this address are not allowed for this file room');
  const ts = input.timestamp ?? '';
  if (!/^\d{1,12}$/.test(ts)) throw new DomainError('unauthorized', 'X-Secure-Signature-Timestamp (Unix seconds) is required');
  if (Math.abs(ctx.clock().getTime() / 1000 - Number(ts)) > MAX_CLOCK_SKEW_SECONDS) {
    throw new DomainError('unauthorized', `The request timestamp is more than ${MAX_CLOCK_SKEW_SECONDS / 60} minutes away from the server's clock`);
  }
  const given = /^sha256=([0-9a-f]{64})$/i.exec(input.signature ?? '')?.[1]?.toLowerCase();
  const expected = fileRoomSignature(ctx.secrets.decrypt(room.secretEncrypted), { timestamp: ts, method: input.method, path: input.path, body: input.body });
  if (!given || !safeEqual(given, expected)) throw refused;
  if (!room.enabled) throw new DomainError('forbidden', 'This file room is disabled');
  const [sender] = await ctx.db
    .select(actorColumns)
    .from(users)
    .leftJoin(groups, groupOfUser)
    .where(and(eq(users.id, room.senderId), eq(users.locked, false)));
  if (!sender) throw new DomainError('forbidden', "The file room's sender is locked; an administrator picks another one");
  return { roomId: room.id, actor: toActor(sender), requestHash: createHash('sha256').update(expected).digest('hex') };
}
