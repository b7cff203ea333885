// The outbox job that delivers a file room's finals: a JSON body with the room's folder, the process and each
// final document in base64 with its SHA-256, POSTed to the room's callback URL through the report machinery (the
// request-forgery guard with the file rooms' allow list, the pinned-address POST, no redirects), signed like
// reports (X-Secure-Signature-Signature: sha256=<HMAC of the body under the room secret>) with an Idempotency-Key
// that stays the same on every try. Each attempt goes to the process's audit trail; a failure throws, so the
// outbox retries with backoff, until the admin's number of attempts.
import { createHmac } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { documents, fileRoomProcesses, fileRooms, processes, signers } from '../../db/schema';
import { recordAuditEvent } from '../audit/record-audit-event';
import { inTransaction, type Ctx } from '../context';
import { finalName } from '../document/final-name';
import { DomainError } from '../errors';
import { checkReportUrl } from '../report/check-report-url';
import { postReport, type PostOutcome } from '../report/post-report';
import { signaturesPageName } from '../report/signatures-page-name';
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
      .set({
        attempts,
        status: outcome.ok ? 'delivered' : givenUp ? 'failed' : 'pending',
        lastStatusCode: outcome.status ?? null,
        lastError: outcome.ok ? null : outcome.error.slice(0, 1000),
        deliveredAt: outcome.ok ? tx.clock() : null,
      })
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
  const [process] = await ctx.db.select().from(processes).where(eq(processes.id, link.processId));
  if (!process) return { ok: false, error: 'the process is gone' };
  const signed = (await ctx.db.select().from(signers).where(eq(signers.processId, process.id)).orderBy(asc(signers.position))).filter((s) => s.status === 'signed');
  const docs = await ctx.db
    .select()
    .from(documents)
    .where(and(eq(documents.processId, process.id), eq(documents.kind, 'document')))
    .orderBy(asc(documents.position));
  const files = docs.flatMap((d) => [
    { filename: finalName(d.filename), sha256: d.finalSha256!, role: 'document' as const },
    ...(d.signaturesPageSha256 ? [{ filename: signaturesPageName(d.filename), sha256: d.signaturesPageSha256, role: 'signatures_page' as const }] : []),
  ]);
  const body = Buffer.from(
    JSON.stringify({
      event: 'process.completed',
      deliveryId: link.deliveryId,
      roomId: room.id,
      folder: link.folder,
      process: { id: process.id, title: process.title, completedAt: (process.completedAt ?? process.sealedAt ?? ctx.clock()).toISOString() },
      signers: signed.map((s) => ({ name: s.name ?? '', email: s.email, signedAt: s.signedAt!.toISOString(), method: s.method ?? '' })),
      documents: await Promise.all(
        files.map(async (f) => ({ ...f, contentType: 'application/pdf', content: Buffer.from(await ctx.blobs.get(ctx.db, f.sha256)).toString('base64') })),
      ),
    }),
  );
  const signature = createHmac('sha256', ctx.secrets.decrypt(room.secretEncrypted)).update(body).digest('hex');
  return postReport(target, {
    body,
    timeoutSeconds: settings.timeoutSeconds,
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'User-Agent': 'Secure-Signature-FileRoom/1',
      'X-Secure-Signature-Signature': `sha256=${signature}`,
      'X-Secure-Signature-Process': process.id,
      'Idempotency-Key': link.deliveryId,
    },
  });
}
