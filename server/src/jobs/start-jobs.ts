// Wires the outbox job kinds to their handlers and starts the worker: the exhaustive table is the one place a new
// kind of background work is registered.
import type { Ctx } from '../domain/context';
import { runDirectorySync } from '../domain/directory/run-directory-sync';
import { scheduleDirectorySyncs } from '../domain/directory/schedule-directory-syncs';
import { deliverMessage } from '../domain/mail/deliver-message';
import { createMailTransport } from '../domain/mail/mail-transport';
import type { JobHandlers, Worker } from '../domain/outbox/run-worker';
import { startWorker } from '../domain/outbox/run-worker';
import { expireProcess } from '../domain/process/expire-process';
import { scheduleDueReminders } from '../domain/reminder/schedule-due-reminders';
import { scheduleExpiries } from '../domain/reminder/schedule-expiries';
import { sendAutomaticReminder } from '../domain/reminder/send-automatic-reminder';
import { sealProcess } from '../domain/seal/seal-process';
import { deliverReport } from '../domain/report/deliver-report';
import { deliverFileRoomFinals } from '../domain/file-room/deliver-file-room-finals';

export function startJobs(ctx: Ctx, opts: { autoStart: boolean }): Worker {
  const transport = createMailTransport(ctx.config);
  const handlers: JobHandlers = {
    'seal-process': async (c, payload) => {
      await sealProcess(c, { processId: String(payload.processId) });
    },
    'deliver-message': async (c, payload) => {
      await deliverMessage(c, { messageId: String(payload.messageId), transport });
    },
    'send-reminder': async (c, payload) => {
      await sendAutomaticReminder(c, { signerId: String(payload.signerId), number: Number(payload.number) });
    },
    'expire-process': async (c, payload) => {
      await expireProcess(c, { processId: String(payload.processId) });
    },
    'directory-sync': async (c, payload) => {
      await runDirectorySync(c, { source: payload.source === 'entra' ? 'entra' : 'ldap', requestedBy: typeof payload.requestedBy === 'string' ? payload.requestedBy : undefined });
    },
    'deliver-report': async (c, payload) => {
      await deliverReport(c, { deliveryId: String(payload.deliveryId) });
    },
    'deliver-file-room': async (c, payload) => {
      await deliverFileRoomFinals(c, { processId: String(payload.processId) });
    },
  };
  // Work that becomes due with time (not with a request) is found on each poll and written to the outbox.
  const schedule = async (c: Ctx) => {
    await scheduleDueReminders(c);
    await scheduleExpiries(c);
    await scheduleDirectorySyncs(c);
  };
  return startWorker(ctx, handlers, { pollMs: ctx.config.workerPollMs, autoStart: opts.autoStart, schedule });
}
