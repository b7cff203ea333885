// Secret settings (SMS gateway password, authorization header) are stored but never shown back: the API and the
// admin form get a mask in their place, and a mask sent back means "keep what is stored".
import { SECRET_MASK, secretSettings, type Settings } from '@secure-signature/shared';

type Loose = Record<string, Record<string, unknown>>;

const each = (f: (section: string, key: string) => void) =>
  secretSettings.forEach((path) => {
    const [section, key] = path.split('.');
    f(section, key);
  });

export function maskSecrets(settings: Settings): Settings {
  const copy = structuredClone(settings) as unknown as Loose;
  each((section, key) => {
    if (copy[section]?.[key]) copy[section][key] = SECRET_MASK;
  });
  return copy as unknown as Settings;
}

/** The incoming settings with every masked secret replaced by the stored value. */
export function restoreSecrets(incoming: unknown, stored: Settings): unknown {
  if (!incoming || typeof incoming !== 'object') return incoming;
  const copy = structuredClone(incoming) as Loose;
  each((section, key) => {
    if (copy[section]?.[key] === SECRET_MASK) copy[section][key] = (stored as unknown as Loose)[section][key];
  });
  return copy;
}

export const isSecretSetting = (path: string) => secretSettings.includes(path);
