// Reads every person the admin's filter selects from an LDAP directory (paged, so server size limits do not cut
// the list short) and the members of each mapped group, following nested groups and Active Directory's ranged
// `member` values. The directory's id of a person is objectGUID (binary, shown as a GUID) or entryUUID.
import type { Client, Entry } from 'ldapts';
import { describeLdapError, openLdapClient, type LdapSettings } from './open-ldap-client';
import type { DirectoryPerson } from './directory-person';
import { followRangedAttribute } from './follow-ranged-attribute';
import { normalizeDirectoryKey, parseGroupMapping } from './parse-group-mapping';

/** userAccountControl's ACCOUNTDISABLE flag. */
const ACCOUNT_DISABLE = 0x2;
/** OpenLDAP returns certificates under the ;binary option, Active Directory without it. */
const CERTIFICATE_ATTRIBUTES = ['userCertificate;binary', 'userCertificate'];
const buffers = (value: unknown): Uint8Array[] =>
  (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter((v): v is Buffer => Buffer.isBuffer(v)).map((b) => new Uint8Array(b));
const GROUP_FILTER = '(|(objectClass=group)(objectClass=groupOfNames)(objectClass=groupOfUniqueNames))';

export async function readLdapDirectory(config: LdapSettings): Promise<{ people: DirectoryPerson[]; errors: string[] }> {
  const client = await openLdapClient(config);
  try {
    const attributes = [config.idAttribute, config.emailAttribute, config.nameAttribute, config.usernameAttribute, config.phoneAttribute, 'userAccountControl', ...CERTIFICATE_ATTRIBUTES].filter(Boolean);
    const { searchEntries } = await client.search(config.baseDn, {
      scope: 'sub',
      filter: config.userFilter,
      attributes,
      paged: { pageSize: config.pageSize },
      explicitBufferAttributes: ['objectGUID', ...CERTIFICATE_ATTRIBUTES],
    });
    const errors: string[] = [];
    const byDn = new Map<string, DirectoryPerson>();
    for (const entry of searchEntries) {
      const id = directoryIdOf(entry[config.idAttribute]);
      const email = first(entry[config.emailAttribute])?.trim().toLowerCase();
      if (!id) {
        errors.push(`${entry.dn}: no ${config.idAttribute}`);
        continue;
      }
      if (!email) continue; // Nobody can be invited or sign in without an address.
      const uac = Number(first(entry.userAccountControl) ?? 0);
      byDn.set(normalizeDirectoryKey(entry.dn), {
        directoryId: id,
        email,
        name: first(entry[config.nameAttribute])?.trim() || null,
        username: (config.usernameAttribute && first(entry[config.usernameAttribute])?.trim()) || null,
        phone: (config.phoneAttribute && first(entry[config.phoneAttribute])?.replace(/[\s().-]/g, '')) || null,
        disabled: (uac & ACCOUNT_DISABLE) !== 0,
        groupKeys: [],
        certificates: CERTIFICATE_ATTRIBUTES.flatMap((a) => buffers(entry[a])),
      });
    }
    for (const { key } of parseGroupMapping(config.groupMapping)) {
      try {
        for (const dn of await membersOf(client, key, new Set(byDn.keys()))) byDn.get(dn)?.groupKeys.push(key);
      } catch (err) {
        errors.push(`Group ${key}: ${describeLdapError(err, config).message}`);
      }
    }
    return { people: [...byDn.values()], errors };
  } catch (err) {
    throw describeLdapError(err, config);
  } finally {
    await client.unbind().catch(() => {});
  }
}

/** The DNs (normalised) of a group's members, nested groups expanded. `seen` holds the people (no groups) and
 *  the groups read already, which also stops membership cycles. */
async function membersOf(client: Client, groupDn: string, seen: Set<string>): Promise<string[]> {
  if (seen.has(groupDn)) return [];
  seen.add(groupDn);
  const group = await readGroup(client, groupDn, ['member', 'uniqueMember']);
  if (!group) return [];
  const values = [
    ...(await followRangedAttribute(group, 'member', async (attribute) => (await readGroup(client, groupDn, [attribute])) ?? {})),
    ...(await followRangedAttribute(group, 'uniqueMember', async () => ({}))),
  ];
  const out: string[] = [];
  for (const dn of values.map(normalizeDirectoryKey)) {
    out.push(dn);
    // A member that is itself a group brings its members; a person is no group and reads as nothing.
    out.push(...(await membersOf(client, dn, seen)));
  }
  return out;
}

async function readGroup(client: Client, dn: string, attributes: string[]): Promise<Entry | undefined> {
  try {
    const { searchEntries } = await client.search(dn, { scope: 'base', filter: GROUP_FILTER, attributes });
    return searchEntries[0];
  } catch (err) {
    if ((err as { code?: unknown }).code === 32) return undefined; // noSuchObject: a member DN that is gone.
    throw err;
  }
}

const first = (v: unknown): string | undefined => {
  const one = Array.isArray(v) ? v[0] : v;
  return one === undefined || one === null ? undefined : Buffer.isBuffer(one) ? one.toString('utf8') : String(one);
};

/** objectGUID arrives as 16 bytes in Microsoft's mixed-endian order; shown as the GUID AD tools show. */
function directoryIdOf(v: unknown): string | undefined {
  const one = Array.isArray(v) ? v[0] : v;
  if (Buffer.isBuffer(one)) {
    if (one.length !== 16) return one.toString('hex') || undefined;
    const h = (b: Buffer) => b.toString('hex');
    const le = (start: number, end: number) => h(Buffer.from(one.subarray(start, end)).reverse());
    return `${le(0, 4)}-${le(4, 6)}-${le(6, 8)}-${h(one.subarray(8, 10))}-${h(one.subarray(10, 16))}`;
  }
  return one === undefined || one === null || one === '' ? undefined : String(one).toLowerCase();
}
