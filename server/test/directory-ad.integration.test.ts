// Directory sync from a real Active Directory (Samba AD DC, test/samba-ad.ts) on PGlite and PostgreSQL: LDAPS and
// StartTLS with the CA bundle, a UPN bind, objectGUID as the id (checked against samba-tool's own rendering),
// userAccountControl's disabled flag, and nested AD groups. Skipped, saying why, where Samba cannot run.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { users } from '../src/db/schema';
import { bearer, changeSettings, dbKinds, startTestApp, type TestApp } from './harness';
import { AD_ADMIN, AD_BASE, AD_PASSWORD, addAdUser, sambaUnavailable, setUserAccountControl, startSambaAd, type SambaAd } from './samba-ad';
import { runDirectorySync } from '../src/domain/directory/run-directory-sync';

const unavailable = await sambaUnavailable();
let ad: SambaAd;
before(async () => {
  if (!unavailable) ad = await startSambaAd();
});
after(() => ad?.close());

for (const kind of dbKinds) {
  describe(`directory sync from Active Directory (Samba) on ${kind}`, { skip: unavailable }, () => {
    let t: TestApp;
    let admin: Awaited<ReturnType<TestApp['user']>>;
    const ou = `OU=${kind},${AD_BASE}`;
    const dns: Record<string, string> = {};
    before(async () => {
      t = await startTestApp(kind);
      admin = await t.user({ isAdmin: true });
      await t.app.request('/api/v1/admin/groups', { method: 'POST', headers: { ...bearer(admin.token), 'Content-Type': 'application/json' }, body: JSON.stringify({ name: 'Sales', privileges: [] }) });
      const c = await ad.admin();
      try {
        await c.add(ou, { objectClass: ['top', 'organizationalUnit'], ou: kind });
        dns.alice = await addAdUser(c, ou, `alice-${kind}`, { mail: `alice-${kind}@example.test`, mobile: '+358 40 765 4321' });
        dns.bob = await addAdUser(c, ou, `bob-${kind}`, { mail: `bob-${kind}@example.test` });
        dns.carol = await addAdUser(c, ou, `carol-${kind}`, { mail: `carol-${kind}@example.test`, disabled: true });
        const inner = `CN=inner-${kind},${ou}`;
        await c.add(inner, { objectClass: ['top', 'group'], sAMAccountName: `inner-${kind}`, member: [dns.bob] });
        await c.add(`CN=staff-${kind},${ou}`, { objectClass: ['top', 'group'], sAMAccountName: `staff-${kind}`, member: [inner] });
      } finally {
        await c.unbind();
      }
      await changeSettings(t, admin.token, {
        ldap: {
          enabled: true,
          url: ad.ldapsUrl,
          caBundle: ad.caPem.trim().split('\n'),
          bindDn: AD_ADMIN,
          bindPassword: AD_PASSWORD,
          baseDn: ou,
          userFilter: '(&(objectCategory=person)(objectClass=user)(mail=*))',
          idAttribute: 'objectGUID',
          nameAttribute: 'displayName',
          usernameAttribute: 'sAMAccountName',
          groupMapping: [`CN=staff-${kind},${ou} => Sales`],
          intervalMinutes: 0,
        },
      });
    });
    after(() => t?.close());

    const user = async (name: string) => (await t.ctx.db.select().from(users).where(eq(users.email, `${name}-${kind}@example.test`)))[0];

    test('users come with objectGUID as their id, disabled ones disabled, and nested group members mapped', async () => {
      const result = await runDirectorySync(t.ctx, { source: 'ldap' });
      assert.deepEqual(result.errors, []);
      assert.equal(result.created, 3);
      const alice = await user('alice');
      const shown = execFileSync('samba-tool', ['user', 'show', `alice-${kind}`, '-s', ad.smbConf, '--attributes=objectGUID'], { encoding: 'utf8' });
      assert.equal(alice.directoryId, /objectGUID: (\S+)/.exec(shown)![1], 'the GUID as AD tools show it');
      assert.equal(alice.name, `AD alice-${kind}`);
      assert.equal(alice.username, `alice-${kind}`);
      assert.equal(alice.authMethod, 'sms_pin');
      assert.equal(alice.phone, '+358407654321');
      assert.ok((await user('carol')).disabledAt, 'ACCOUNTDISABLE in userAccountControl');
      assert.equal((await user('alice')).disabledAt, null);
      const sales = (await (await t.app.request('/api/v1/admin/groups', { headers: bearer(admin.token) })).json()).groups.find((g: { name: string }) => g.name === 'Sales');
      assert.equal((await user('bob')).groupId, sales.id, 'bob is in staff through the nested group');
      assert.equal(alice.groupId, null);
    });

    test('disabling in AD disables here; StartTLS works as well as LDAPS', async () => {
      const c = await ad.admin();
      await setUserAccountControl(c, dns.alice, 514);
      await c.unbind();
      await changeSettings(t, admin.token, { ldap: { url: ad.ldapUrl, startTls: true } });
      const result = await runDirectorySync(t.ctx, { source: 'ldap' });
      assert.deepEqual(result.errors, []);
      assert.equal(result.disabled, 1);
      const alice = await user('alice');
      assert.ok(alice.disabledAt && alice.locked);
    });
  });
}
