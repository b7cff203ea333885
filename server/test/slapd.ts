// Test directory server: a real OpenLDAP slapd started from a temporary slapd.conf on random loopback ports (plain
// LDAP with StartTLS, and LDAPS), with a test CA made by openssl, the memberof overlay, and size limits that make
// paged results necessary (a search without paging gets 5 entries at most). Shaped like Active Directory where the
// sync needs it: an auxiliary class with `userAccountControl`.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Attribute, Change, Client } from 'ldapts';
import { makeTestCa, type TestCa } from './test-ca';

export const BASE_DN = 'dc=example,dc=test';
export const SYNC_DN = `cn=sync,ou=services,${BASE_DN}`;
export const SYNC_PASSWORD = 'sync-secret';
const ROOT_DN = `cn=admin,${BASE_DN}`;
const ROOT_PASSWORD = 'root-secret';
/** A search without the paged-results control gets at most this many entries. */
export const SIZE_LIMIT = 5;

export interface Slapd extends TestCa {
  ldapUrl: string;
  ldapsUrl: string;
  /** A client bound as the directory's root (no limits), to shape the data. */
  admin(): Promise<Client>;
  addUser(uid: string, attrs?: { mail?: string; cn?: string; mobile?: string; userAccountControl?: number; certificate?: Buffer }): Promise<string>;
  addGroup(cn: string, members: string[]): Promise<string>;
  modify(dn: string, attr: string, values: string[]): Promise<void>;
  remove(dn: string): Promise<void>;
  entryUuid(dn: string): Promise<string>;
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as { port: number }).port;
  await new Promise((r) => s.close(r));
  return port;
}

const adSchema = `
attributetype ( 1.3.6.1.4.1.99999.1.1 NAME 'userAccountControl' EQUALITY integerMatch SYNTAX 1.3.6.1.4.1.1466.115.121.1.27 SINGLE-VALUE )
objectclass ( 1.3.6.1.4.1.99999.2.1 NAME 'adShapedUser' SUP top AUXILIARY MAY ( userAccountControl ) )
`;

export async function startSlapd(): Promise<Slapd> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ss-slapd-'));
  mkdirSync(path.join(dir, 'db'));
  const ca = makeTestCa(dir);
  writeFileSync(path.join(dir, 'ad-shape.schema'), adSchema);
  const [ldapPort, ldapsPort] = [await freePort(), await freePort()];
  writeFileSync(
    path.join(dir, 'slapd.conf'),
    `include /etc/ldap/schema/core.schema
include /etc/ldap/schema/cosine.schema
include /etc/ldap/schema/inetorgperson.schema
include /etc/ldap/schema/nis.schema
include ${dir}/ad-shape.schema
modulepath /usr/lib/ldap
moduleload back_mdb
moduleload memberof
pidfile ${dir}/slapd.pid
TLSCACertificateFile ${dir}/ca.pem
TLSCertificateFile ${dir}/server.pem
TLSCertificateKeyFile ${dir}/server.key
database mdb
maxsize 67108864
suffix "${BASE_DN}"
rootdn "${ROOT_DN}"
rootpw ${ROOT_PASSWORD}
directory ${dir}/db
limits users size.soft=${SIZE_LIMIT} size.hard=${SIZE_LIMIT} size.pr=${SIZE_LIMIT} size.prtotal=unlimited
access to attrs=userPassword by anonymous auth by * none
access to * by users read by * none
overlay memberof
`,
  );
  const ldapUrl = `ldap://127.0.0.1:${ldapPort}`;
  const ldapsUrl = `ldaps://127.0.0.1:${ldapsPort}`;
  const child: ChildProcess = spawn(existsSync('/usr/sbin/slapd') ? '/usr/sbin/slapd' : 'slapd', ['-f', path.join(dir, 'slapd.conf'), '-h', `${ldapUrl}/ ${ldapsUrl}/`, '-d', '0'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += String(d)));
  const admin = async () => {
    const c = new Client({ url: ldapUrl });
    await c.bind(ROOT_DN, ROOT_PASSWORD);
    return c;
  };
  // Wait until it answers.
  for (let i = 0; ; i++) {
    try {
      const c = await admin();
      await c.unbind();
      break;
    } catch (err) {
      if (i > 100 || child.exitCode !== null) throw new Error(`slapd did not start: ${stderr || String(err)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  const withAdmin = async <T>(f: (c: Client) => Promise<T>) => {
    const c = await admin();
    try {
      return await f(c);
    } finally {
      await c.unbind();
    }
  };
  await withAdmin(async (c) => {
    await c.add(BASE_DN, { objectClass: ['top', 'dcObject', 'organization'], dc: 'example', o: 'Example' });
    for (const ou of ['people', 'groups', 'services']) await c.add(`ou=${ou},${BASE_DN}`, { objectClass: ['organizationalUnit'], ou });
    await c.add(SYNC_DN, { objectClass: ['person', 'simpleSecurityObject'], cn: 'sync', sn: 'sync', userPassword: SYNC_PASSWORD });
  });
  return {
    ...ca,
    ldapUrl,
    ldapsUrl,
    admin,
    async addUser(uid, attrs = {}) {
      const dn = `uid=${uid},ou=people,${BASE_DN}`;
      const entry: Record<string, string | string[]> = {
        objectClass: ['inetOrgPerson', 'adShapedUser'],
        uid,
        cn: attrs.cn ?? uid,
        sn: uid,
        mail: attrs.mail ?? `${uid}@example.test`,
      };
      if (attrs.mobile) entry.mobile = attrs.mobile;
      if (attrs.userAccountControl !== undefined) entry.userAccountControl = String(attrs.userAccountControl);
      // A binary value needs ldapts' Attribute form; the strings go along as they are.
      const attributes = Object.entries(entry).map(([type, v]) => new Attribute({ type, values: Array.isArray(v) ? v : [v] }));
      if (attrs.certificate) attributes.push(new Attribute({ type: 'userCertificate;binary', values: [attrs.certificate] }));
      await withAdmin((c) => c.add(dn, attributes));
      return dn;
    },
    async addGroup(cn, members) {
      const dn = `cn=${cn},ou=groups,${BASE_DN}`;
      await withAdmin((c) => c.add(dn, { objectClass: ['groupOfNames'], cn, member: members }));
      return dn;
    },
    async modify(dn, attr, values) {
      await withAdmin((c) => c.modify(dn, new Change({ operation: 'replace', modification: new Attribute({ type: attr, values }) })));
    },
    async remove(dn) {
      await withAdmin((c) => c.del(dn));
    },
    async entryUuid(dn) {
      return withAdmin(async (c) => {
        const { searchEntries } = await c.search(dn, { scope: 'base', attributes: ['entryUUID'] });
        return String(searchEntries[0].entryUUID);
      });
    },
    async close() {
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
