// Starts a process for a file room: the one start path (startProcess) in the name of the room's sender, plus the
// record of the room and the folder to deliver the finals back to, in one transaction. A request whose signature
// was seen before (a replay within the timestamp window) starts nothing.
import { randomUUID } from 'node:crypto';
import type { FileRoomProcessView, StartProcessInput } from '@secure-signature/shared';
import { fileRoomProcesses } from '../../db/schema';
import { inTransaction, type Ctx, type UserActor } from '../context';
import { conflict, invalidInput } from '../errors';
import { startProcess } from '../process/start-process';
import type { UploadedFile } from '../process/uploaded-file';
import { loadFileRoomProcess } from './load-file-room-process';

export async function startFileRoomProcess(
  ctx: Ctx,
  input: { roomId: string; actor: UserActor; requestHash: string; folder: unknown; process: StartProcessInput; documents: UploadedFile[]; attachments: UploadedFile[] },
): Promise<FileRoomProcessView> {
  const folder = typeof input.folder === 'string' ? input.folder.trim() : '';
  if (!folder) throw invalidInput('The "folder" part (the room\'s folder or reference to deliver the finals to) is missing', 'folder');
  if (folder.length > 1000 || /[\u0000-\u001f\u007f]/.test(folder)) throw invalidInput('"folder" must be at most 1000 characters without control characters', 'folder');
  const tx0 = { ...ctx, actor: input.actor };
  const processId = await inTransaction(tx0, async (tx) => {
    const view = await startProcess(tx, { process: input.process, documents: input.documents, attachments: input.attachments, component: 'api' });
    const inserted = await tx.db
      .insert(fileRoomProcesses)
      .values({ processId: view.id, roomId: input.roomId, folder, requestHash: input.requestHash, deliveryId: randomUUID(), createdAt: tx.clock() })
      .onConflictDoNothing({ target: fileRoomProcesses.requestHash })
      .returning({ id: fileRoomProcesses.processId });
    // Rolls the whole start back: the same signed request twice is a replay, not a second process.
    if (!inserted.length) throw conflict('This request was received before (same signature); sign each request anew');
    return view.id;
  });
  return loadFileRoomProcess(ctx, { roomId: input.roomId, processId });
}
