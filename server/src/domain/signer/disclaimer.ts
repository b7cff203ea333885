// The admin's disclaimer (Settings → Disclaimer for signers): when it is on, a signer's link shows it before
// anything else, once; accepting it is recorded on the signer and in the audit trail.
import { and, eq, isNull } from 'drizzle-orm';
import { signers } from '../../db/schema';
import type { Language } from '../../i18n/languages';
import { recordAuditEvent } from '../audit/record-audit-event';
import { inTransaction, type Ctx } from '../context';
import { getSettings } from '../settings/get-settings';
import { findSignerByToken } from './find-signer-by-token';

/** The disclaimer's paragraphs in the page language (English when that language has none), or null when the
 *  signer need not see one: it is off, empty, or already accepted. */
export async function pendingDisclaimer(ctx: Ctx, input: { token: string; language: Language }): Promise<string[] | null> {
  const [{ signer }, { disclaimer }] = await Promise.all([findSignerByToken(ctx, { token: input.token }), getSettings(ctx)]);
  if (!disclaimer.enabled || signer.disclaimerAcceptedAt) return null;
  const text = disclaimer[input.language].length > 0 ? disclaimer[input.language] : disclaimer.en;
  return text.length > 0 ? text : null;
}

export async function acceptDisclaimer(ctx: Ctx, input: { token: string }): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const { signer, process } = await findSignerByToken(tx, { token: input.token, forUpdate: true });
    const accepted = await tx.db
      .update(signers)
      .set({ disclaimerAcceptedAt: tx.clock() })
      .where(and(eq(signers.id, signer.id), isNull(signers.disclaimerAcceptedAt)))
      .returning({ id: signers.id });
    if (accepted.length === 0) return; // a second click, or another tab: accepted once
    await recordAuditEvent(tx, { processId: process.id, type: 'disclaimer_accepted', message: `Disclaimer accepted by signer ${signer.email}`, actor: signer.email });
  });
}
