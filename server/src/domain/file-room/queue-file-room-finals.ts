// On completion, in the sealing transaction: a process started by a file room gets one outbox job that delivers
// its finals back to the room, so the delivery exists exactly when the finals are stored.
import { and, eq } from 'drizzle-orm';
import { fileRoomProcesses } from '../../db/schema';
import type { Ctx } from '../context';
import { enqueueJob } from '../outbox/enqueue-job';

export async function queueFileRoomFinals(tx: Ctx, input: { processId: string }): Promise<void> {
  const updated = await tx.db
    .update(fileRoomProcesses)
    .set({ status: 'pending' })
    .where(and(eq(fileRoomProcesses.processId, input.processId), eq(fileRoomProcesses.status, 'waiting')))
    .returning({ id: fileRoomProcesses.processId });
  if (updated.length) await enqueueJob(tx, { kind: 'deliver-file-room', payload: { processId: input.processId }, dedupeKey: `file-room:${input.processId}` });
}
