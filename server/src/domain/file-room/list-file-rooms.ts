// The admin center's list of file rooms, with their sender and how many processes each started. No secrets.
import { asc, count, eq } from 'drizzle-orm';
import { fileRoomProcesses, fileRooms, users } from '../../db/schema';
import { requireAdminActor } from '../admin/require-admin';
import type { Ctx } from '../context';

export type FileRoomView = { id: string; name: string; callbackUrl: string; sender: string; allowedIps: string[]; enabled: boolean; processes: number; createdAt: Date };

export async function listFileRooms(ctx: Ctx): Promise<FileRoomView[]> {
  requireAdminActor(ctx);
  const rows = await ctx.db
    .select({ r: fileRooms, sender: users.email, processes: count(fileRoomProcesses.processId) })
    .from(fileRooms)
    .innerJoin(users, eq(users.id, fileRooms.senderId))
    .leftJoin(fileRoomProcesses, eq(fileRoomProcesses.roomId, fileRooms.id))
    .groupBy(fileRooms.id, users.email)
    .orderBy(asc(fileRooms.name));
  return rows.map(({ r, sender, processes }) => ({
    id: r.id,
    name: r.name,
    callbackUrl: r.callbackUrl,
    sender,
    allowedIps: r.allowedIps,
    enabled: r.enabled,
    processes,
    createdAt: r.createdAt,
  }));
}
