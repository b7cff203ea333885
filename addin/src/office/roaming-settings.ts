// The mailbox's roaming settings: per user and mailbox, kept by Exchange, available on every device the user
// opens Outlook on. The pane keeps its API token here rather than in the browser's storage.
import { officeCall } from './office-call';

export type RoamingSettings = Pick<Office.RoamingSettings, 'get' | 'set' | 'remove' | 'saveAsync'>;

export function readSetting(settings: RoamingSettings, key: string): string | undefined {
  const value = settings.get(key);
  return typeof value === 'string' && value ? value : undefined;
}

export async function writeSetting(settings: RoamingSettings, key: string, value: string | undefined): Promise<void> {
  if (value === undefined) settings.remove(key);
  else settings.set(key, value);
  await officeCall<void>((cb) => settings.saveAsync(cb));
}
