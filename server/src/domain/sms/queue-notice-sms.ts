// Tells signers by SMS that a process was rejected or completed, when the admin's SMS mode for that kind says so,
// in the caller's transaction (through the outbox, like every message).
import type { Ctx } from '../context';
import { asLanguage } from '../../i18n/languages';
import { queueMessage } from '../mail/queue-message';
import { getSettings } from '../settings/get-settings';
import { smsWanted } from './sms-wanted';

export async function queueNoticeSms(
  ctx: Ctx,
  input: { kind: 'rejected' | 'completed'; process: { id: string; title: string; smsNotifications: boolean }; to: { phone: string | null; language: string }[] },
): Promise<void> {
  if (!smsWanted(await getSettings(ctx), input.kind, input.process.smsNotifications)) return;
  const phones = new Set<string>();
  for (const s of input.to) {
    if (!s.phone || phones.has(s.phone)) continue;
    phones.add(s.phone);
    await queueMessage(ctx, {
      processId: input.process.id,
      recipient: s.phone,
      channel: 'sms',
      template: 'noticeSms',
      params: { kind: input.kind, processTitle: input.process.title, language: asLanguage(s.language) },
    });
  }
}
