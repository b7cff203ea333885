// The sender's (or an admin's) "Verify": every signature's sign hash and the audit trail, re-checked now.
import type { Ctx } from '../context';
import { verifyAuditTrail, type AuditVerification } from '../audit/verify-audit-trail';
import { verifyProcessSignatures, type SignatureCheck } from '../signature/verify-process-signatures';
import { findOwnProcess } from './find-own-process';

export async function verifyProcess(ctx: Ctx, input: { processId: string }): Promise<{ signatures: SignatureCheck[]; auditTrail: AuditVerification }> {
  await findOwnProcess(ctx, input);
  const [signatures, auditTrail] = await Promise.all([verifyProcessSignatures(ctx, input), verifyAuditTrail(ctx, input)]);
  return { signatures, auditTrail };
}
