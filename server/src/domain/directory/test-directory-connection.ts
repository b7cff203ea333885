// An admin's "Test connection": connects and binds with the settings as saved, reads the people the filter
// selects (and, for Entra ID, the first page of users) and says what it found, or the one sentence that says what
// went wrong. Changes nothing.
import { requireAdminActor } from '../admin/require-admin';
import type { Ctx } from '../context';
import { getSettings } from '../settings/get-settings';
import type { DirectorySource } from './directory-person';
import { DirectoryError } from './directory-error';
import { openGraphClient } from './read-entra-directory';
import { readLdapDirectory } from './read-ldap-directory';

export async function testDirectoryConnection(ctx: Ctx, input: { source: DirectorySource }): Promise<{ ok: boolean; message: string }> {
  requireAdminActor(ctx);
  const settings = await getSettings(ctx);
  try {
    if (input.source === 'ldap') {
      const { people, errors } = await readLdapDirectory(settings.ldap);
      const grouped = people.filter((p) => p.groupKeys.length > 0).length;
      return { ok: errors.length === 0, message: [`Connected. ${people.length} users match the filter, ${grouped} of them in mapped groups.`, ...errors].join(' ') };
    }
    const client = await openGraphClient(settings);
    const page: { value: unknown[] } = await client.api('/users').select('id').top(1).get();
    return { ok: true, message: `Connected to Microsoft Graph; it lists ${page.value.length ? 'users' : 'no users'}.` };
  } catch (err) {
    const message = err instanceof DirectoryError ? err.message : `Microsoft Graph answered: ${err instanceof Error ? err.message : String(err)}`;
    return { ok: false, message };
  }
}
