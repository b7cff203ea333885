// Finds signers due an automatic reminder (first-after and repeat-every days, up to the maximum: the process's own
// when its sender set them, else the admin's) and
// puts one job per due reminder in the outbox. The dedupe key names the signer and the reminder's number, so the
// same reminder is scheduled once however many server processes look at the same moment.
import { and, eq, gt, isNull, or, sql } from 'drizzle-orm';
import { processes, signers } from '../../db/schema';
import type { Ctx } from '../context';
import { enqueueJob } from '../outbox/enqueue-job';
import { getSettings } from '../settings/get-settings';

export async function scheduleDueReminders(ctx: Ctx): Promise<number> {
  const { reminders } = await getSettings(ctx);
  // Each process's own rhythm when its sender set one, the admin's otherwise.
  const rhythm = (key: 'firstAfterDays' | 'repeatEveryDays' | 'maxReminders') =>
    sql<number>`coalesce((${processes.reminders}->>${key})::int, ${reminders[key]})`;
  const now = ctx.clock();
  const daysBefore = (days: ReturnType<typeof rhythm>) => sql`${now.toISOString()}::timestamptz - make_interval(days => ${days})`;
  const firstDue = daysBefore(rhythm('firstAfterDays'));
  const repeatDue = daysBefore(rhythm('repeatEveryDays'));
  const due = await ctx.db
    .select({ id: signers.id, sent: signers.remindersSent })
    .from(signers)
    .innerJoin(processes, eq(processes.id, signers.processId))
    .where(
      and(
        eq(processes.status, 'pending'),
        eq(signers.status, 'invited'),
        sql`${rhythm('firstAfterDays')} > 0`,
        sql`${signers.remindersSent} < ${rhythm('maxReminders')}`,
        or(
          // A manual reminder also counts as contact: the first automatic one waits for it too.
          and(eq(signers.remindersSent, 0), sql`${signers.invitedAt} <= ${firstDue}`, or(isNull(signers.lastRemindedAt), sql`${signers.lastRemindedAt} <= ${firstDue}`)),
          and(gt(signers.remindersSent, 0), sql`${signers.lastRemindedAt} <= ${repeatDue}`),
        ),
      ),
    )
    .limit(500);
  for (const s of due) {
    const n = s.sent + 1;
    await enqueueJob(ctx, { kind: 'send-reminder', payload: { signerId: s.id, number: n }, dedupeKey: `reminder:${s.id}:${n}` });
  }
  return due.length;
}
