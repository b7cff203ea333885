// Sends a signer their invitation (or a reminder) and records it, in the caller's transaction: by email, and also
// by SMS when the admin's SMS mode for the kind (invitation, forwarded request, reminder) wants it and the signer
// has a phone number.
import { eq } from 'drizzle-orm';
import { signers } from '../../db/schema';
import { recordAuditEvent } from '../audit/record-audit-event';
import type { Ctx } from '../context';
import { asLanguage } from '../../i18n/languages';
import { queueMessage } from '../mail/queue-message';
import { getSettings } from '../settings/get-settings';
import { smsWanted } from '../sms/sms-wanted';

export interface InvitationTarget {
  process: { id: string; title: string; message: string; smsNotifications?: boolean };
  sender: { email: string; name: string | null };
  signer: { id: string; email: string; name: string | null; language: string; phone?: string | null };
  kind: 'invitation' | 'reminder';
  /** The invitation of someone a signer forwarded the request to (its own template and SMS mode): who forwarded it. */
  forwardedBy?: string;
  /** Asked again because the sender replaced this document: the message says so. */
  replacedDocument?: string;
  /** Only tell them (their status stays): a signer whose signature was withdrawn but whose turn comes later. */
  tellOnly?: boolean;
}

export async function inviteSigner(ctx: Ctx, input: InvitationTarget): Promise<void> {
  const { process, sender, signer, kind } = input;
  const now = ctx.clock();
  if (!input.tellOnly) {
    await ctx.db
      .update(signers)
      .set(kind === 'invitation' ? { status: 'invited', invitedAt: now } : { lastRemindedAt: now })
      .where(eq(signers.id, signer.id));
  }
  await queueMessage(ctx, {
    processId: process.id,
    recipient: signer.email,
    template: kind === 'invitation' && input.forwardedBy ? 'forwarded' : kind,
    params: {
      ...(kind === 'invitation' && input.forwardedBy ? { forwardedBy: input.forwardedBy } : {}),
      signerId: signer.id,
      signerName: signer.name,
      senderName: sender.name ?? sender.email,
      senderEmail: sender.email,
      processTitle: process.title,
      message: process.message,
      language: asLanguage(signer.language),
      ...(input.replacedDocument ? { replacedDocument: input.replacedDocument } : {}),
    },
  });
  const smsKind = kind === 'reminder' ? 'reminder' : input.forwardedBy ? 'forwarded' : 'invitation';
  if (signer.phone && smsWanted(await getSettings(ctx), smsKind, process.smsNotifications)) {
    await queueMessage(ctx, {
      processId: process.id,
      recipient: signer.phone,
      channel: 'sms',
      template: 'signSms',
      params: { kind, signerId: signer.id, senderName: sender.name ?? sender.email, processTitle: process.title, language: asLanguage(signer.language) },
    });
  }
  await recordAuditEvent(ctx, {
    processId: process.id,
    type: kind === 'invitation' ? 'invitation_sent' : 'reminder_sent',
    message:
      kind === 'invitation'
        ? input.tellOnly
          ? `Told ${signer.email} that ${input.replacedDocument ?? 'a document'} was replaced (they sign again when their block comes up)`
          : `Send invitation to: ${signer.email}${input.replacedDocument ? ` (to sign the new version of ${input.replacedDocument})` : ''}`
        : `Send reminder to: ${signer.email}`,
  });
}
