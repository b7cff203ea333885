// Re-checks a process's audit chain: every event's hash, every link to the event before, and the head kept on
// the process. Reports what was edited or deleted, in words a reviewer understands.
import { asc, eq } from 'drizzle-orm';
import { auditEvents, processes } from '../../db/schema';
import type { Ctx } from '../context';
import { auditEventHash } from './audit-event-hash';

export interface AuditVerification {
  valid: boolean;
  events: number;
  problems: string[];
}

export async function verifyAuditTrail(ctx: Ctx, input: { processId: string }): Promise<AuditVerification> {
  const [process] = await ctx.db.select({ head: processes.auditHead }).from(processes).where(eq(processes.id, input.processId));
  const events = await ctx.db.select().from(auditEvents).where(eq(auditEvents.processId, input.processId)).orderBy(asc(auditEvents.id));
  const problems: string[] = [];
  let previous: string | null = null;
  for (const [i, e] of events.entries()) {
    if (auditEventHash(ctx.secrets, e) !== e.hash) problems.push(`event ${i + 1} (${e.type}, id ${e.id}) was edited`);
    if (e.prevHash !== previous) problems.push(`an event before event ${i + 1} (id ${e.id}) was deleted or reordered`);
    previous = e.hash;
  }
  if ((process?.head ?? null) !== previous) problems.push('the newest events were deleted');
  return { valid: problems.length === 0, events: events.length, problems };
}
