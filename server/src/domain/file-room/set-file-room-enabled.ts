// An admin turns one file room off (its requests are refused, its deliveries wait and then fail) or on again.
import { eq } from 'drizzle-orm';
import { fileRooms } from '../../db/schema';
import { recordAdminEvent } from '../admin/record-admin-event';
import { requireAdminActor } from '../admin/require-admin';
import { inTransaction, type Ctx } from '../context';
import { notFound } from '../errors';
import { isUuid } from '../process/find-own-process';

export async function setFileRoomEnabled(ctx: Ctx, input: { roomId: string; enabled: boolean }): Promise<void> {
  requireAdminActor(ctx);
  if (!isUuid(input.roomId)) throw notFound('File room');
  await inTransaction(ctx, async (tx) => {
    const updated = await tx.db
      .update(fileRooms)
      .set({ enabled: input.enabled, updatedAt: tx.clock() })
      .where(eq(fileRooms.id, input.roomId))
      .returning({ name: fileRooms.name });
    if (!updated.length) throw notFound('File room');
    await recordAdminEvent(tx, { action: input.enabled ? 'file_room_enabled' : 'file_room_disabled', details: { id: input.roomId, name: updated[0].name } });
  });
}
