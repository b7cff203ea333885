// An admin changes settings: validated against the schema, stored, and each changed value written to the admin
// audit log in the same transaction.
import { settingsSchema, type Settings } from '@secure-signature/shared';
import { settings } from '../../db/schema';
import { recordAdminEvent } from '../admin/record-admin-event';
import { requireAdminActor } from '../admin/require-admin';
import { inTransaction, type Ctx } from '../context';
import { DomainError } from '../errors';
import { getSettings, SETTINGS_ROW } from './get-settings';
import { isSecretSetting, maskSecrets, restoreSecrets } from './secret-settings';

/** Returns the new settings with secrets masked, as the API shows them. */
export async function updateSettings(ctx: Ctx, input: { settings: unknown }): Promise<Settings> {
  const actor = requireAdminActor(ctx);
  const stored = await getSettings(ctx);
  const parsed = settingsSchema.safeParse(restoreSecrets(input.settings, stored));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DomainError('invalid_input', `${issue.path.join('.')}: ${issue.message}`, issue.path.join('.'));
  }
  return inTransaction(ctx, async (tx) => {
    const before = await getSettings(tx);
    const changes = diff(before, parsed.data);
    if (changes.length === 0) return maskSecrets(before);
    await tx.db
      .insert(settings)
      .values({ id: SETTINGS_ROW, data: parsed.data, updatedAt: tx.clock(), updatedBy: actor.email })
      .onConflictDoUpdate({ target: settings.id, set: { data: parsed.data, updatedAt: tx.clock(), updatedBy: actor.email } });
    for (const change of changes) await recordAdminEvent(tx, { action: 'setting_changed', details: change });
    return maskSecrets(parsed.data);
  });
}

function diff(before: Settings, after: Settings): { setting: string; from: unknown; to: unknown }[] {
  const out: { setting: string; from: unknown; to: unknown }[] = [];
  for (const [section, values] of Object.entries(after)) {
    for (const [key, value] of Object.entries(values as Record<string, unknown>)) {
      const old = (before as Record<string, Record<string, unknown>>)[section]?.[key];
      if (JSON.stringify(old) === JSON.stringify(value)) continue;
      const setting = `${section}.${key}`;
      // A secret's value never reaches the log; that it changed does.
      out.push(isSecretSetting(setting) ? { setting, from: old ? 'a secret' : '', to: value ? 'a new secret' : '' } : { setting, from: old, to: value });
    }
  }
  return out;
}
