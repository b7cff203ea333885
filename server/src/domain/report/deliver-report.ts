// The outbox job of one report URL: builds the report, checks the URL against request forgery, POSTs it signed
// (X-Secure-Signature-Signature: sha256=<HMAC of the body>) with an Idempotency-Key that stays the same on every
// try, and writes each attempt to the process's audit trail. A failed attempt throws, so the outbox retries with
// backoff; after the admin's number of attempts the delivery is recorded as failed and the job ends.
import { eq } from 'drizzle-orm';
import { processes, reportDeliveries, reportTemplates, users } from '../../db/schema';
import { recordAuditEvent } from '../audit/record-audit-event';
import { inTransaction, type Ctx } from '../context';
import { DomainError } from '../errors';
import { getSettings } from '../settings/get-settings';
import { buildReport } from './build-report';
import { checkReportUrl } from './check-report-url';
import type { PostOutcome } from './post-report';
import { attemptColumns } from './attempt-columns';
import { loadSealedParts } from './load-sealed-parts';
import { postSigned } from './post-signed';

/** The URL without query or credentials: what the audit trail and errors name. */
const shown = (raw: string) => {
  try {
    const u = new URL(raw);
    return `${u.origin}${u.pathname}`;
  } catch {
    return '(invalid URL)';
  }
};

export async function deliverReport(ctx: Ctx, input: { deliveryId: string }): Promise<void> {
  const [delivery] = await ctx.db.select().from(reportDeliveries).where(eq(reportDeliveries.id, input.deliveryId));
  if (!delivery || delivery.status !== 'pending') return;
  const settings = (await getSettings(ctx)).reports;
  const outcome = settings.postEnabled ? await attempt(ctx, delivery, settings) : ({ ok: false, error: 'reports by HTTP POST are turned off' } as PostOutcome);
  const attempts = delivery.attempts + 1;
  const givenUp = !outcome.ok && (attempts >= settings.maxAttempts || !settings.postEnabled);
  await inTransaction(ctx, async (tx) => {
    await tx.db
      .update(reportDeliveries)
      .set(attemptColumns(outcome, attempts, givenUp, tx.clock()))
      .where(eq(reportDeliveries.id, delivery.id));
    const target = shown(delivery.url);
    await recordAuditEvent(tx, {
      processId: delivery.processId,
      type: outcome.ok ? 'report_delivered' : givenUp ? 'report_failed' : 'report_attempt_failed',
      message: outcome.ok
        ? `Report delivered to ${target} (attempt ${attempts}, HTTP ${outcome.status})`
        : `Report to ${target} failed (attempt ${attempts} of ${settings.maxAttempts}): ${outcome.error}${givenUp ? '; given up' : '; will be retried'}`,
      actor: 'system',
    });
  });
  if (!outcome.ok && !givenUp) throw new Error(`report to ${shown(delivery.url)}: ${outcome.error}`);
}

async function attempt(
  ctx: Ctx,
  delivery: typeof reportDeliveries.$inferSelect,
  settings: { postAllowList: string[]; timeoutSeconds: number },
): Promise<PostOutcome> {
  const [process] = await ctx.db.select().from(processes).where(eq(processes.id, delivery.processId));
  const [template] = process?.reportTemplateId ? await ctx.db.select().from(reportTemplates).where(eq(reportTemplates.id, process.reportTemplateId)) : [];
  if (!process || !template?.hmacSecretEncrypted) return { ok: false, error: 'the report template or its HMAC secret is gone' };
  let target;
  try {
    target = await checkReportUrl(delivery.url, { allowList: settings.postAllowList });
  } catch (err) {
    if (err instanceof DomainError) return { ok: false, error: err.message };
    throw err;
  }
  const parts = await loadSealedParts(ctx, { processId: process.id });
  if (!parts) return { ok: false, error: 'the process is gone' };
  const [sender] = await ctx.db.select().from(users).where(eq(users.id, process.senderId));
  const report = buildReport(template.format, {
    process: { id: process.id, title: process.title, completedAt: parts.completedAt, sender: { email: sender.email, name: sender.name ?? '' } },
    signers: parts.signers,
    documents: parts.files,
  });
  return postSigned(target, {
    body: report.body,
    contentType: report.contentType,
    secret: ctx.secrets.decrypt(template.hmacSecretEncrypted),
    processId: process.id,
    idempotencyKey: delivery.id,
    userAgent: 'Secure-Signature-Report/1',
    timeoutSeconds: settings.timeoutSeconds,
  });
}
