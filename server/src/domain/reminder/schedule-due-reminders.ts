// Finds signers due an automatic reminder (the admin's first-after and repeat-every days, up to the maximum) and
// puts one job per due reminder in the outbox. The dedupe key names the signer and the reminder's number, so the
// same reminder is scheduled once however many server processes look at the same moment.
import { and, eq, gt, isNull, lt, lte, or } from 'drizzle-orm';
import { processes, signers } from '../../db/schema';
import type { Ctx } from '../context';
import { enqueueJob } from '../outbox/enqueue-job';
import { getSettings } from '../settings/get-settings';

const DAY = 86_400_000;

export async function scheduleDueReminders(ctx: Ctx): Promise<number> {
  const { reminders } = await getSettings(ctx);
  if (reminders.firstAfterDays <= 0 || reminders.maxReminders <= 0) return 0;
  const now = ctx.clock().getTime();
  const firstDue = new Date(now - reminders.firstAfterDays * DAY);
  const repeatDue = new Date(now - reminders.repeatEveryDays * DAY);
  const due = await ctx.db
    .select({ id: signers.id, sent: signers.remindersSent })
    .from(signers)
    .innerJoin(processes, eq(processes.id, signers.processId))
    .where(
      and(
        eq(processes.status, 'pending'),
        eq(signers.status, 'invited'),
        lt(signers.remindersSent, reminders.maxReminders),
        or(
          // A manual reminder also counts as contact: the first automatic one waits for it too.
          and(eq(signers.remindersSent, 0), lte(signers.invitedAt, firstDue), or(isNull(signers.lastRemindedAt), lte(signers.lastRemindedAt, firstDue))),
          and(gt(signers.remindersSent, 0), lte(signers.lastRemindedAt, repeatDue)),
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
