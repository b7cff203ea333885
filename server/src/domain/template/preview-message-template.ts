// Shows an admin how a wording reads with sample values, before saving it: rendered exactly as a real message
// (the email's HTML escapes every value; the page shows the text escaped too).
import type { Ctx } from '../context';
import { requireAdminActor } from '../admin/require-admin';
import { renderMessage, type MessageParams, type MessageTemplate, type RenderedMessage } from '../mail/templates';
import { checkTemplateText } from './check-template-text';
import { findTemplateEntry } from './find-template-entry';

const sampleTitle = 'Service agreement 2026';

function sampleOf(kind: string, channel: string): { template: MessageTemplate; params: Record<string, unknown> } {
  const invitation = { signerId: 'sample', signerName: 'Anna Signer', senderName: 'Sam Sender', senderEmail: 'sam@example.com', processTitle: sampleTitle, message: 'Please sign by Friday.' };
  if (channel === 'sms') {
    if (kind === 'pin') return { template: 'pin', params: { pinId: 'sample', characters: 'digits', length: 4, validMinutes: 10, processTitle: sampleTitle } };
    if (kind === 'invitation' || kind === 'reminder') return { template: 'signSms', params: { kind, signerId: 'sample', senderName: 'Sam Sender', processTitle: sampleTitle } };
    return { template: 'noticeSms', params: { kind, processTitle: sampleTitle } };
  }
  const samples: Record<string, Record<string, unknown>> = {
    invitation,
    forwarded: { ...invitation, forwardedBy: 'Bert Boss (bert@example.com)' },
    reminder: invitation,
    rejected: { processTitle: sampleTitle, rejectedBy: 'Anna Signer (anna@example.com)', reason: 'The price is wrong.' },
    aborted: { processTitle: sampleTitle, senderName: 'Sam Sender' },
    completed: { processTitle: sampleTitle, documents: [{ documentId: 'sample', filename: 'agreement-signed.pdf' }] },
    expired: { processTitle: sampleTitle, expiredAt: '2026-06-30T12:00:00.000Z' },
  };
  return { template: kind as MessageTemplate, params: samples[kind] };
}

export function previewMessageTemplate(ctx: Ctx, input: { kind: string; channel: string; language: string; subject: string; body: string }): RenderedMessage {
  requireAdminActor(ctx);
  const { entry, language } = findTemplateEntry(input);
  const text = { subject: entry.channel === 'sms' ? '' : input.subject.trim(), body: input.body.replace(/\r\n/g, '\n').trim() };
  checkTemplateText(entry, text);
  const sample = sampleOf(entry.kind, entry.channel);
  const params = { ...sample.params, language, override: text } as unknown as MessageParams[MessageTemplate];
  return renderMessage(sample.template, params, {
    signingLink: () => `${ctx.config.publicUrl}/s/SAMPLE-LINK`,
    resetLink: () => `${ctx.config.publicUrl}/password-reset/SAMPLE`,
    downloadLink: () => `${ctx.config.publicUrl}/d/SAMPLE`,
    pinCode: (_id, _chars, length) => '1234567890'.slice(0, length),
  });
}
