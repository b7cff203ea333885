// One process with its signers, documents and audit trail, for its sender or an admin.
import type { ProcessView } from '@secure-signature/shared';
import type { Ctx } from '../context';
import { verifyAuditTrail } from '../audit/verify-audit-trail';
import { findOwnProcess } from './find-own-process';
import { loadProcessView } from './load-process-view';

export async function getProcess(ctx: Ctx, input: { processId: string }): Promise<ProcessView> {
  await findOwnProcess(ctx, input);
  const [view, auditIntegrity] = await Promise.all([
    loadProcessView(ctx, { processId: input.processId, withAudit: true }),
    verifyAuditTrail(ctx, { processId: input.processId }),
  ]);
  return { ...view, auditIntegrity };
}
