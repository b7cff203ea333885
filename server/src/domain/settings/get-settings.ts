// The current settings, read on every use so that a change takes effect on the next request in every server
// process. Stored values are parsed through the schema: new settings get their defaults, and a stored value that
// no longer fits falls back to its default rather than breaking the service.
import { defaultSettings, settingsSchema, type Settings } from '@secure-signature/shared';
import { eq } from 'drizzle-orm';
import { settings } from '../../db/schema';
import type { Ctx } from '../context';

export const SETTINGS_ROW = 1;

export async function getSettings(ctx: Pick<Ctx, 'db' | 'log'>): Promise<Settings> {
  const [row] = await ctx.db.select({ data: settings.data }).from(settings).where(eq(settings.id, SETTINGS_ROW));
  if (!row) return defaultSettings;
  const parsed = settingsSchema.safeParse(row.data);
  if (parsed.success) return parsed.data;
  ctx.log.warn('stored settings do not fit the schema; using defaults for the parts that fail', { issues: parsed.error.issues.length });
  const merged: Record<string, unknown> = {};
  for (const [key, section] of Object.entries(settingsSchema.shape)) {
    const one = section.safeParse((row.data as Record<string, unknown>)[key]);
    merged[key] = one.success ? one.data : defaultSettings[key as keyof Settings];
  }
  return merged as Settings;
}
