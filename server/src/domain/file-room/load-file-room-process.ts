// A process as its file room sees it: only processes that room started; anything else is "not found".
import { and, eq } from 'drizzle-orm';
import type { FileRoomProcessView } from '@secure-signature/shared';
import { fileRoomProcesses } from '../../db/schema';
import type { Ctx } from '../context';
import { notFound } from '../errors';
import { isUuid } from '../process/find-own-process';
import { loadProcessView } from '../process/load-process-view';

export async function loadFileRoomProcess(ctx: Ctx, input: { roomId: string; processId: string }): Promise<FileRoomProcessView> {
  const processId = input.processId.toLowerCase();
  if (!isUuid(processId)) throw notFound('Process');
  const [link] = await ctx.db
    .select()
    .from(fileRoomProcesses)
    .where(and(eq(fileRoomProcesses.processId, processId), eq(fileRoomProcesses.roomId, input.roomId)));
  if (!link) throw notFound('Process');
  return {
    roomId: link.roomId,
    folder: link.folder,
    process: await loadProcessView(ctx, { processId, withAudit: false }),
    delivery: { status: link.status, attempts: link.attempts, deliveredAt: link.deliveredAt?.toISOString() ?? null },
  };
}
