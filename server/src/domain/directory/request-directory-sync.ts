// An admin's "Sync now": the same outbox job the schedule writes, run by the worker right away; the request is in
// the admin log, the outcome follows when the job ran.
import { randomUUID } from 'node:crypto';
import { recordAdminEvent } from '../admin/record-admin-event';
import { requireAdminActor } from '../admin/require-admin';
import { inTransaction, type Ctx } from '../context';
import { enqueueJob } from '../outbox/enqueue-job';
import type { DirectorySource } from './directory-person';

export async function requestDirectorySync(ctx: Ctx, input: { source: DirectorySource }): Promise<void> {
  const actor = requireAdminActor(ctx);
  await inTransaction(ctx, async (tx) => {
    await enqueueJob(tx, { kind: 'directory-sync', payload: { source: input.source, requestedBy: actor.email }, dedupeKey: `directory-sync:${input.source}:now:${randomUUID()}` });
    await recordAdminEvent(tx, { action: 'directory_sync_requested', details: { source: input.source } });
  });
}
