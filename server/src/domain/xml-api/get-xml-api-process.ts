// A process as the XML API may see it: only processes started through the XML API (with any of the
// organisation's keys, revoked ones included); anything else is "not found", like an unknown id.
import { eq } from 'drizzle-orm';
import type { ProcessView } from '@secure-signature/shared';
import { xmlApiProcesses } from '../../db/schema';
import type { Ctx } from '../context';
import { notFound } from '../errors';
import { isUuid } from '../process/find-own-process';
import { loadProcessView } from '../process/load-process-view';

export async function getXmlApiProcess(ctx: Ctx, input: { processId: string }): Promise<ProcessView> {
  const processId = input.processId.toLowerCase();
  if (!isUuid(processId)) throw notFound('Process');
  const [link] = await ctx.db.select({ id: xmlApiProcesses.processId }).from(xmlApiProcesses).where(eq(xmlApiProcesses.processId, processId));
  if (!link) throw notFound('Process');
  return loadProcessView(ctx, { processId, withAudit: false });
}
