// The worker's schedule step: when a directory sync is switched on and its interval has passed, one
// "directory-sync" job is written per interval. The dedupe key names the interval, so several server processes
// schedule each run exactly once.
import type { Ctx } from '../context';
import { enqueueJob } from '../outbox/enqueue-job';
import { getSettings } from '../settings/get-settings';

export async function scheduleDirectorySyncs(ctx: Ctx): Promise<void> {
  const settings = await getSettings(ctx);
  const due = [
    { source: 'ldap', on: settings.ldap.enabled, minutes: settings.ldap.intervalMinutes },
    { source: 'entra', on: settings.entraSync.enabled, minutes: settings.entraSync.intervalMinutes },
  ];
  for (const d of due) {
    if (!d.on || d.minutes <= 0) continue;
    const slot = Math.floor(ctx.clock().getTime() / (d.minutes * 60_000));
    await enqueueJob(ctx, { kind: 'directory-sync', payload: { source: d.source }, dedupeKey: `directory-sync:${d.source}:${d.minutes}:${slot}` });
  }
}
