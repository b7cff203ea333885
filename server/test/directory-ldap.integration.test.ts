// Directory sync from a real OpenLDAP slapd (test/slapd.ts) on PGlite and PostgreSQL, through the admin pages:
// LDAPS and StartTLS with the CA bundle, a wrong CA refused with a clear message, paged reads past the server's
// size limit, nested group mapping, disabled (userAccountControl) and vanished users disabled and never deleted,
// the schedule, every page and action refused to non-admins, and userCertificate taken for S/MIME.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { and, desc, eq } from 'drizzle-orm';
import { Client } from 'ldapts';
import { adminAuditEvents, outboxJobs, recipientCertificates, users } from '../src/db/schema';
import { scheduleDirectorySyncs } from '../src/domain/directory/schedule-directory-syncs';
import { hashPassword } from '../src/domain/user/password';
import { bearer, changeSettings, dbKinds, signInHeaders, startTestApp, type TestApp } from './harness';
import { BASE_DN, SIZE_LIMIT, startSlapd, SYNC_DN, SYNC_PASSWORD, type Slapd } from './slapd';

for (const kind of dbKinds) {
  describe(`directory sync from LDAP on ${kind}`, () => {
    let slapd: Slapd;
    const dns: Record<string, string> = {};
    let t: TestApp;
    let admin: Awaited<ReturnType<TestApp['user']>>;
    let session: Record<string, string>;
    before(async () => {
      // A directory of its own: the tests below change it.
      slapd = await startSlapd();
      for (let i = 1; i <= 12; i++) dns[`u${i}`] = await slapd.addUser(`u${i}`, { cn: `User ${i}`, ...(i <= 3 ? { mobile: `+358 40 000 00${i}` } : {}), userAccountControl: 512 });
      const sales = await slapd.addGroup('sales', [dns.u1, dns.u2]);
      await slapd.addGroup('staff', [sales, dns.u5]);
      t = await startTestApp(kind);
      admin = await t.user({ isAdmin: true });
      session = await signInHeaders(t, admin.email, admin.password);
      await t.app.request('/api/v1/admin/groups', { method: 'POST', headers: { ...bearer(admin.token), 'Content-Type': 'application/json' }, body: JSON.stringify({ name: 'Sales', privileges: [] }) });
    });
    after(async () => {
      await t?.close();
      await slapd?.close();
    });

    const ldapSettings = (change: Record<string, unknown> = {}) => ({
      enabled: true,
      url: slapd.ldapsUrl,
      startTls: false,
      caBundle: slapd.caPem.trim().split('\n'),
      bindDn: SYNC_DN,
      bindPassword: SYNC_PASSWORD,
      baseDn: `ou=people,${BASE_DN}`,
      userFilter: '(objectClass=inetOrgPerson)',
      usernameAttribute: 'uid',
      groupMapping: [`cn=staff,ou=groups,${BASE_DN} => Sales`],
      pageSize: SIZE_LIMIT,
      intervalMinutes: 0,
      ...change,
    });
    const csrf = async (headers = session) => /name="_csrf" value="([^"]+)"/.exec(await (await t.app.request('/admin/directory', { headers })).text())![1];
    const post = async (path: string, fields: Record<string, string> = {}, headers = session) =>
      t.app.request(path, {
        method: 'POST',
        headers: { ...headers, Origin: 'http://localhost', 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ _csrf: await csrf(headers), ...fields }).toString(),
      });
    const testConnection = async () => (await (await post('/admin/directory/ldap/test')).text()).match(/Test connection: ([^<]*)/)?.[1] ?? '';
    const user = async (uid: string) => (await t.ctx.db.select().from(users).where(eq(users.email, `${uid}@example.test`)))[0];

    test('the editor saves the settings with the bind password masked and the change in the admin log', async () => {
      const res = await post('/admin/directory/ldap', {
        'ldap.enabled': 'on',
        'ldap.url': slapd.ldapUrl,
        'ldap.startTls': 'on',
        'ldap.caBundle': slapd.caPem,
        'ldap.bindDn': SYNC_DN,
        'ldap.bindPassword': SYNC_PASSWORD,
        'ldap.baseDn': `ou=people,${BASE_DN}`,
        'ldap.userFilter': '(objectClass=inetOrgPerson)',
        'ldap.idAttribute': 'entryUUID',
        'ldap.emailAttribute': 'mail',
        'ldap.nameAttribute': 'cn',
        'ldap.usernameAttribute': 'uid',
        'ldap.phoneAttribute': 'mobile',
        'ldap.groupMapping': `cn=staff,ou=groups,${BASE_DN} => Sales`,
        'ldap.pageSize': String(SIZE_LIMIT),
        'ldap.intervalMinutes': '0',
        'ldap.timeoutSeconds': '10',
      });
      assert.equal(res.status, 303);
      const html = await (await t.app.request('/admin/directory', { headers: session })).text();
      assert.ok(!html.includes(SYNC_PASSWORD), 'the bind password is never shown back');
      assert.match(html, /name="ldap.bindPassword"[^>]*value="•+"/);
      const events = await t.ctx.db.select().from(adminAuditEvents).where(eq(adminAuditEvents.action, 'setting_changed'));
      assert.ok(events.some((e) => e.details.setting === 'ldap.url' && e.details.to === slapd.ldapUrl));
      assert.ok(!JSON.stringify(events).includes(SYNC_PASSWORD), 'nor written to the admin log');

      const bad = await post('/admin/directory/ldap', { 'ldap.url': 'http://not-ldap', 'ldap.bindDn': 'typed by hand' });
      assert.equal(bad.status, 400);
      const badHtml = await bad.text();
      assert.match(badHtml, /ldap:\/\/host:port/);
      assert.match(badHtml, /value="typed by hand"/, 'what was typed is kept');
    });

    test('Test connection works over StartTLS and LDAPS with the CA bundle, and says clearly what is wrong', async () => {
      assert.match(await testConnection(), /^Connected\. 12 users match the filter, 3 of them in mapped groups\./);
      await changeSettings(t, admin.token, { ldap: ldapSettings() });
      assert.match(await testConnection(), /^Connected\. 12 users/);
      await changeSettings(t, admin.token, { ldap: ldapSettings({ caBundle: slapd.wrongCaPem.trim().split('\n') }) });
      assert.match(await testConnection(), /TLS certificate is not trusted .*check the CA certificates/);
      await changeSettings(t, admin.token, { ldap: ldapSettings({ url: slapd.ldapUrl, startTls: true, caBundle: slapd.wrongCaPem.trim().split('\n') }) });
      assert.match(await testConnection(), /TLS certificate is not trusted/);
      await changeSettings(t, admin.token, { ldap: ldapSettings({ bindPassword: 'wrong' }) });
      assert.match(await testConnection(), /refused the bind account or its password/);
      await changeSettings(t, admin.token, { ldap: ldapSettings({ baseDn: `ou=nowhere,${BASE_DN}` }) });
      assert.match(await testConnection(), /base DN ou=nowhere,dc=example,dc=test does not exist/);
      await changeSettings(t, admin.token, { ldap: ldapSettings() });
    });

    test('Sync now reads every page past the size limit and creates the users with phone, PIN login and mapped group', async () => {
      // The limit is real: without paging the server stops at SIZE_LIMIT entries.
      const probe = new Client({ url: slapd.ldapsUrl, tlsOptions: { ca: [slapd.caPem] } });
      await probe.bind(SYNC_DN, SYNC_PASSWORD);
      await assert.rejects(probe.search(`ou=people,${BASE_DN}`, { filter: '(objectClass=inetOrgPerson)' }), /SizeLimitExceeded/);
      await probe.unbind();

      // An account made here before, with a directory person's address, is taken over, not duplicated.
      const local = await t.user({ email: 'u8@example.test' });
      assert.equal((await post('/admin/directory/ldap/sync')).status, 303);
      assert.match(await (await t.app.request('/admin/directory?done=queued', { headers: session })).text(), /A sync is waiting to run/);
      await t.drain();
      const synced = (await t.ctx.db.select().from(users)).filter((u) => u.directorySource === 'ldap');
      assert.equal(synced.length, 12);
      const u1 = await user('u1');
      assert.equal(u1.directoryId, await slapd.entryUuid(dns.u1));
      assert.equal(u1.name, 'User 1');
      assert.equal(u1.username, 'u1');
      assert.equal(u1.phone, '+35840000001');
      assert.equal(u1.authMethod, 'sms_pin');
      assert.equal(u1.passwordHash, null);
      assert.equal((await user('u7')).authMethod, 'password', 'no phone: a password, set on first sign-in');
      const u8 = await user('u8');
      assert.equal(u8.id, local.id);
      assert.equal(u8.directoryId, await slapd.entryUuid(dns.u8));
      await signInHeaders(t, local.email, local.password);
      const sales = (await (await t.app.request('/api/v1/admin/groups', { headers: bearer(admin.token) })).json()).groups.find((g: { name: string }) => g.name === 'Sales');
      for (const uid of ['u1', 'u2', 'u5']) assert.equal((await user(uid)).groupId, sales.id, `${uid} is in Sales through the nested groups`);
      assert.equal((await user('u3')).groupId, null);

      const html = await (await t.app.request('/admin/directory', { headers: session })).text();
      assert.match(html, /11 created, 1 updated, 0 disabled, 0 unchanged/);
      const [event] = await t.ctx.db.select().from(adminAuditEvents).where(eq(adminAuditEvents.action, 'directory_synced')).orderBy(desc(adminAuditEvents.id)).limit(1);
      assert.equal(event.actor, admin.email);
      assert.equal(event.details.created, 11);
    });

    test('users the directory disables or no longer has are disabled, never deleted; changes are picked up', async () => {
      const u4 = await user('u4');
      await t.ctx.db.update(users).set({ passwordHash: await hashPassword('u4 password here') }).where(eq(users.id, u4.id));
      await signInHeaders(t, 'u4@example.test', 'u4 password here');
      const extra = await slapd.addUser('u13', { userAccountControl: 512 });
      await slapd.modify(dns.u4, 'userAccountControl', ['514']);
      await slapd.modify(dns.u6, 'cn', ['User Six Renamed']);
      await slapd.remove(dns.u12);
      try {
        await post('/admin/directory/ldap/sync');
        await t.drain();
      } finally {
        await slapd.remove(extra);
      }
      assert.match(await (await t.app.request('/admin/directory', { headers: session })).text(), /1 created, 1 updated, 2 disabled, 9 unchanged/);
      for (const uid of ['u4', 'u12']) {
        const u = await user(uid);
        assert.ok(u, `${uid} is kept`);
        assert.ok(u.disabledAt && u.locked, `${uid} is disabled`);
      }
      await assert.rejects(signInHeaders(t, 'u4@example.test', 'u4 password here'), /sign-in as u4@example.test failed/);
      assert.equal((await user('u6')).name, 'User Six Renamed');

      // Enabled again in the directory: the account works again.
      await slapd.modify(dns.u4, 'userAccountControl', ['512']);
      await post('/admin/directory/ldap/sync');
      await t.drain();
      assert.equal((await user('u4')).disabledAt, null);
      await signInHeaders(t, 'u4@example.test', 'u4 password here');
      await slapd.modify(dns.u6, 'cn', ['User 6']);
    });

    test('a directory that cannot be reached is an error on the page and in the admin log, not a retry loop', async () => {
      await changeSettings(t, admin.token, { ldap: ldapSettings({ url: 'ldaps://127.0.0.1:1' }) });
      await post('/admin/directory/ldap/sync');
      await t.drain();
      assert.match(await (await t.app.request('/admin/directory', { headers: session })).text(), /connection refused/);
      const [event] = await t.ctx.db.select().from(adminAuditEvents).orderBy(desc(adminAuditEvents.id)).limit(1);
      assert.equal(event.action, 'directory_sync_failed');
      const stuck = await t.ctx.db.select().from(outboxJobs).where(and(eq(outboxJobs.kind, 'directory-sync')));
      assert.ok(stuck.every((j) => j.doneAt), 'the job is done, not failing');
      assert.equal((await user('u1')).disabledAt, null, 'nobody is disabled because the directory was out of reach');
      await changeSettings(t, admin.token, { ldap: ldapSettings() });
    });

    test('the schedule writes one sync per interval, and none while the sync is off', async () => {
      const count = async () => (await t.ctx.db.select().from(outboxJobs).where(eq(outboxJobs.kind, 'directory-sync'))).length;
      const before = await count();
      await changeSettings(t, admin.token, { ldap: ldapSettings({ intervalMinutes: 30 }) });
      const at = (iso: string) => ({ ...t.ctx, clock: () => new Date(iso) });
      await scheduleDirectorySyncs(at('2030-01-01T10:01:00Z'));
      await scheduleDirectorySyncs(at('2030-01-01T10:29:00Z'));
      assert.equal(await count(), before + 1);
      await scheduleDirectorySyncs(at('2030-01-01T10:31:00Z'));
      assert.equal(await count(), before + 2);
      await changeSettings(t, admin.token, { ldap: ldapSettings({ intervalMinutes: 30, enabled: false }) });
      await scheduleDirectorySyncs(at('2030-01-01T11:31:00Z'));
      assert.equal(await count(), before + 2);
      await changeSettings(t, admin.token, { ldap: ldapSettings() });
    });

    test('non-admins get neither the page nor any of its actions', async () => {
      const u = await t.user();
      const headers = await signInHeaders(t, u.email, u.password);
      assert.equal((await t.app.request('/admin/directory', { headers })).status, 404);
      const token = /name="_csrf" value="([^"]+)"/.exec(await (await t.app.request('/account', { headers })).text())?.[1] ?? '';
      const jobsBefore = (await t.ctx.db.select().from(outboxJobs).where(eq(outboxJobs.kind, 'directory-sync'))).length;
      for (const path of ['/admin/directory/ldap', '/admin/directory/ldap/test', '/admin/directory/ldap/sync', '/admin/directory/entra', '/admin/directory/entra/sync']) {
        const res = await t.app.request(path, {
          method: 'POST',
          headers: { ...headers, Origin: 'http://localhost', 'Content-Type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ _csrf: token, 'ldap.url': 'ldap://evil.example' }).toString(),
        });
        assert.equal(res.status, 404, path);
      }
      assert.equal((await t.ctx.db.select().from(outboxJobs).where(eq(outboxJobs.kind, 'directory-sync'))).length, jobsBefore);
      const anonymous = await t.app.request('/admin/directory');
      assert.equal(anonymous.status, 303);
      assert.match(anonymous.headers.get('location') ?? '', /^\/login/);
    });

    test("a certificate in the directory's userCertificate becomes the person's S/MIME certificate; a signing-only one is reported", async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'ss-ldap-cert-'));
      const make = (uid: string, keyUsage: string) => {
        execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', path.join(dir, `${uid}.key`), '-outform', 'DER', '-out', path.join(dir, `${uid}.der`), '-days', '30', '-subj', `/CN=${uid}`, '-addext', `subjectAltName=email:${uid}@example.test`, '-addext', `keyUsage=critical,${keyUsage}`], { stdio: 'ignore' });
        return readFileSync(path.join(dir, `${uid}.der`));
      };
      try {
        await slapd.addUser('crypto1', { cn: 'Crypto One', certificate: make('crypto1', 'keyEncipherment') });
        await slapd.addUser('signer1', { cn: 'Signer One', certificate: make('signer1', 'digitalSignature') });
        await changeSettings(t, admin.token, { ldap: ldapSettings() });
        assert.equal((await post('/admin/directory/ldap/sync')).status, 303);
        await t.drain();
        const certs = await t.ctx.db.select().from(recipientCertificates);
        const crypto1 = certs.find((c) => c.email === 'crypto1@example.test');
        assert.ok(crypto1, 'stored for encryption');
        assert.equal(crypto1.source, 'directory');
        assert.match(crypto1.subject, /crypto1/);
        assert.equal(certs.find((c) => c.email === 'signer1@example.test'), undefined);
        const [event] = await t.ctx.db.select().from(adminAuditEvents).where(eq(adminAuditEvents.action, 'directory_synced')).orderBy(desc(adminAuditEvents.id)).limit(1);
        assert.ok((event.details.errors as string[]).some((e) => /signer1@example\.test: no userCertificate can be used for encryption/.test(e)), JSON.stringify(event.details.errors));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}
