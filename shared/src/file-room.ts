// File rooms (shared-folder integrations): what a room gets back when it starts or polls a process.
import { z } from 'zod';
import { processView } from './process';

export const fileRoomProcessView = z.object({
  roomId: z.string(),
  folder: z.string().meta({ description: 'The folder or reference the room gave at start; the finals are delivered back to it' }),
  process: processView,
  delivery: z.object({
    status: z.enum(['waiting', 'pending', 'delivered', 'failed']).meta({ description: 'waiting: not completed yet; pending: being delivered (retried); delivered; failed: given up' }),
    attempts: z.number().int(),
    deliveredAt: z.string().nullable(),
  }),
});
export type FileRoomProcessView = z.infer<typeof fileRoomProcessView>;
