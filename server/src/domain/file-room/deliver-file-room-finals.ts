// The outbox job that delivers a file room's finals: a JSON body with the room's folder, the process and each
// final document in base64 with its SHA-256, POSTed to the room's callback URL through the report machinery (the
// request-forgery guard with the file rooms' allow list, the pinned-address POST, no redirects), signed like
// reports (X-Secure-Signature-Signature: sha256=<HMAC of the body under the room secret>) with an Idempotency-Key
// that stays the same on every try. Each attempt goes to the process's audit trail; a failure throws, so the
// outbox retries with backoff, until the admin's number of attempts.
import { eq } from 'drizzle-orm';
import { fileRoomProcesses, fileRooms } from '../../db/schema';
import { recordAuditEvent } from '../audit/record-audit-event';
import { inTransaction, type Ctx } from '../context';
import { DomainError } from '../errors';
import { checkReportUrl } from '../report/check-report-url';
import type { PostOutcome } from '../report/post-report';
import { attemptColumns } from '../report/attempt-columns';
import { loadSealedParts } from '../report/load-sealed-parts';
import { postSigned } from '../report/post-signed';
import { getSettings } from '../settings/get-settings';

export async function deliverFileRoomFinals(ctx: Ctx, input: { processId: string }): Promise<void> {
  const [link] = await ctx.db.select().from(fileRoomProcesses).where(eq(fileRoomProcesses.processId, input.processId));
  if (!link || link.status !== 'pending') return;
  const [room] = await ctx.db.select().from(fileRooms).where(eq(fileRooms.id, link.roomId));
  const settings = (await getSettings(ctx)).fileRooms;
  const outcome: PostOutcome = !settings.enabled
    ? { ok: false, error: 'file rooms are turned off' }
    : !room?.enabled
      ? { ok: false, error: 'the file room is disabled' }
      : await attempt(ctx, link, room, settings);
  const attempts = link.attempts + 1;
  const givenUp = !outcome.ok && (attempts >= settings.maxAttempts || !settings.enabled);
  const where = room ? `file room “${room.name}”` : 'a removed file room';
  await inTransaction(ctx, async (tx) => {
    await tx.db
      .update(fileRoomProcesses)
      .set(attemptColumns(outcome, attempts, givenUp, tx.clock()))
      .where(eq(fileRoomProcesses.processId, link.processId));
    await recordAuditEvent(tx, {
      processId: link.processId,
      type: outcome.ok ? 'file_room_delivered' : givenUp ? 'file_room_failed' : 'file_room_attempt_failed',
      message: outcome.ok
        ? `Final documents delivered to ${where}, folder ${link.folder} (attempt ${attempts}, HTTP ${outcome.status})`
        : `Delivery to ${where} failed (attempt ${attempts} of ${settings.maxAttempts}): ${outcome.error}${givenUp ? '; given up' : '; will be retried'}`,
      actor: 'system',
    });
  });
  if (!outcome.ok && !givenUp) throw new Error(`file room delivery of ${link.processId}: ${outcome.error}`);
}

async function attempt(
  ctx: Ctx,
  link: typeof fileRoomProcesses.$inferSelect,
  room: typeof fileRooms.$inferSelect,
  settings: { callbackAllowList: string[]; timeoutSeconds: number },
): Promise<PostOutcome> {
  let target;
  try {
    target = await checkReportUrl(room.callbackUrl, { allowList: settings.callbackAllowList });
  } catch (err) {
    if (err instanceof DomainError) return { ok: false, error: err.message };
    throw err;
  }
  const parts = await loadSealedParts(ctx, { processId: link.processId });
  if (!parts) return { ok: false, error: 'the process is gone' };
  const body = Buffer.from(
    JSON.stringify({
      event: 'process.completed',
      deliveryId: link.deliveryId,
      roomId: room.id,
      folder: link.folder,
      process: { id: parts.process.id, title: parts.process.title, completedAt: parts.completedAt },
      signers: parts.signers,
      documents: parts.files.map(({ bytes, ...f }) => ({ ...f, content: Buffer.from(bytes).toString('base64') })),
    }),
  );
  return postSigned(target, {
    body,
    contentType: 'application/json',
    secret: ctx.secrets.decrypt(room.secretEncrypted),
    processId: parts.process.id,
    idempotencyKey: link.deliveryId,
    userAgent: 'Secure-Signature-FileRoom/1',
    timeoutSeconds: settings.timeoutSeconds,
  });
}
