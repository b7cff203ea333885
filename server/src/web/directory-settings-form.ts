// The directory sync editors post only their own settings: this turns such a post into the whole settings
// object (the other sections as stored, secrets masked so they are kept), for updateSettings to validate.
import type { Settings } from '@secure-signature/shared';
import type { DirectorySource } from '../domain/directory/directory-person';
import { settingSections, settingsFromForm, type SettingField } from './settings-form';

/** The Entra ID sign-in fields the sync shares (tenant, client id, authority), shown in the sync's editor too. */
const sharedMicrosoftFields = ['microsoft.tenantId', 'microsoft.clientId', 'microsoft.authorityHost'];

export function directoryFields(source: DirectorySource): SettingField[] {
  const sections = settingSections();
  const own = sections.find((s) => s.key === (source === 'ldap' ? 'ldap' : 'entraSync'))!.fields;
  if (source === 'ldap') return own;
  const shared = sections.find((s) => s.key === 'microsoft')!.fields.filter((f) => sharedMicrosoftFields.includes(f.name));
  return [own[0], ...shared, ...own.slice(1)];
}

export function directorySettingsFromForm(masked: Settings, source: DirectorySource, form: Record<string, string | File>): Settings {
  const posted = settingsFromForm(form) as unknown as Record<string, Record<string, unknown>>;
  if (source === 'ldap') return { ...masked, ldap: posted.ldap as Settings['ldap'] };
  const microsoft = { ...masked.microsoft };
  for (const name of sharedMicrosoftFields) {
    const key = name.split('.')[1] as 'tenantId' | 'clientId' | 'authorityHost';
    if (posted.microsoft[key] !== undefined) microsoft[key] = posted.microsoft[key] as string;
  }
  return { ...masked, microsoft, entraSync: posted.entraSync as Settings['entraSync'] };
}
