// Test directory server: a real Active Directory domain controller (Debian's Samba AD DC), provisioned into a
// temporary directory and started with only its LDAP service on loopback (ports 389 and 636, which AD cannot
// move), with a server certificate from the test CA. What OpenLDAP cannot show: objectGUID, userAccountControl,
// AD's user and group classes, and UPN binds.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Attribute, Change, Client } from 'ldapts';
import { makeTestCa } from './test-ca';

export const AD_BASE = 'DC=example,DC=test';
export const AD_ADMIN = 'Administrator@example.test';
export const AD_PASSWORD = 'Passw0rd!Test';

export interface SambaAd {
  ldapsUrl: string;
  ldapUrl: string;
  caPem: string;
  smbConf: string;
  admin(): Promise<Client>;
  close(): Promise<void>;
}

const portOpen = (port: number) =>
  new Promise<boolean>((resolve) => {
    const s = createConnection({ host: '127.0.0.1', port }, () => {
      s.destroy();
      resolve(true);
    }).on('error', () => resolve(false));
  });

/** Why the Samba DC cannot run here, or undefined when it can. */
export async function sambaUnavailable(): Promise<string | undefined> {
  try {
    execFileSync('samba-tool', ['--version'], { stdio: 'pipe' });
  } catch {
    return 'samba-tool is not installed (apt-get install samba)';
  }
  if ((await portOpen(389)) || (await portOpen(636))) return 'ports 389/636 on 127.0.0.1 are taken';
  return undefined;
}

export async function startSambaAd(): Promise<SambaAd> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ss-samba-'));
  const ca = makeTestCa(dir);
  const target = path.join(dir, 'dc');
  execFileSync(
    'samba-tool',
    [
      'domain', 'provision', '--realm=EXAMPLE.TEST', '--domain=EXAMPLE', '--server-role=dc', '--dns-backend=NONE', '--use-rfc2307',
      `--adminpass=${AD_PASSWORD}`, `--targetdir=${target}`,
      '--option=interfaces=lo', '--option=bind interfaces only=yes', '--option=server services=ldap',
      `--option=tls certfile=${dir}/server.pem`, `--option=tls keyfile=${dir}/server.key`, `--option=tls cafile=${dir}/ca.pem`,
      `--option=log file=${dir}/samba.log`,
    ],
    { stdio: 'pipe' },
  );
  const smbConf = path.join(target, 'etc', 'smb.conf');
  const child: ChildProcess = spawn(existsSync('/usr/sbin/samba') ? '/usr/sbin/samba' : 'samba', ['-i', '-s', smbConf], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += String(d)));
  const ldapsUrl = 'ldaps://127.0.0.1:636';
  const admin = async () => {
    const c = new Client({ url: ldapsUrl, tlsOptions: { ca: [ca.caPem] } });
    await c.bind(AD_ADMIN, AD_PASSWORD);
    return c;
  };
  for (let i = 0; ; i++) {
    try {
      await (await admin()).unbind();
      break;
    } catch (err) {
      if (i > 300 || child.exitCode !== null) {
        child.kill('SIGTERM');
        throw new Error(`samba did not start: ${stderr || String(err)}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    ldapsUrl,
    ldapUrl: 'ldap://127.0.0.1:389',
    caPem: ca.caPem,
    smbConf,
    admin,
    async close() {
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** AD's password attribute: the password in quotes, UTF-16LE, settable over TLS only. */
export const unicodePwd = (password: string) => Buffer.from(`"${password}"`, 'utf16le');

export async function addAdUser(c: Client, ou: string, name: string, attrs: { mail: string; mobile?: string; disabled?: boolean }): Promise<string> {
  const dn = `CN=${name},${ou}`;
  await c.add(dn, {
    objectClass: ['top', 'person', 'organizationalPerson', 'user'],
    sAMAccountName: name,
    userPrincipalName: `${name}@example.test`,
    displayName: `AD ${name}`,
    mail: attrs.mail,
    ...(attrs.mobile ? { mobile: attrs.mobile } : {}),
  });
  await c.modify(dn, new Change({ operation: 'replace', modification: new Attribute({ type: 'unicodePwd', values: [unicodePwd('User-Passw0rd!')] }) }));
  await setUserAccountControl(c, dn, attrs.disabled ? 514 : 512);
  return dn;
}

export async function setUserAccountControl(c: Client, dn: string, value: number): Promise<void> {
  await c.modify(dn, new Change({ operation: 'replace', modification: new Attribute({ type: 'userAccountControl', values: [String(value)] }) }));
}
