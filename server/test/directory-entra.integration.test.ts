// Directory sync from Microsoft Entra ID on PGlite and PostgreSQL: the real MSAL (client credentials) and Microsoft
// Graph client against a local HTTPS stand-in (test/entra-graph-stand-in.ts): paging with @odata.nextLink, a 429 with
// Retry-After waited out, nested group members, and a second run through the delta link that picks up a changed
// and a removed user.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { desc, eq } from 'drizzle-orm';
import { adminAuditEvents, users } from '../src/db/schema';
import { bearer, changeSettings, dbKinds, signInHeaders, startTestApp, type TestApp } from './harness';
import { startEntraGraphStandIn, type EntraGraphStandIn } from './entra-graph-stand-in';

for (const kind of dbKinds) {
  describe(`directory sync from Entra ID on ${kind}`, () => {
    let graph: EntraGraphStandIn;
    let t: TestApp;
    let admin: Awaited<ReturnType<TestApp['user']>>;
    let session: Record<string, string>;
    let salesId: string;
    before(async () => {
      graph = await startEntraGraphStandIn();
      for (let i = 1; i <= 5; i++) {
        graph.users.set(`u-${i}`, {
          id: `u-${i}`,
          displayName: `Entra User ${i}`,
          mail: i === 5 ? null : `entra${i}@example.test`,
          userPrincipalName: `entra${i}@example.test`,
          mobilePhone: i === 2 ? '+358 50 111 2222' : null,
          accountEnabled: i !== 3,
        });
      }
      graph.groups.set('g-sales', ['u-1', 'g-nested']);
      graph.groups.set('g-nested', ['u-4', 'u-5', 'g-sales']);
      t = await startTestApp(kind);
      admin = await t.user({ isAdmin: true });
      session = await signInHeaders(t, admin.email, admin.password);
      const res = await t.app.request('/api/v1/admin/groups', { method: 'POST', headers: { ...bearer(admin.token), 'Content-Type': 'application/json' }, body: JSON.stringify({ name: 'Sales', privileges: [] }) });
      salesId = (await res.json()).id;
      await changeSettings(t, admin.token, {
        microsoft: { tenantId: graph.tenantId, clientId: graph.clientId, authorityHost: graph.url },
        entraSync: { enabled: true, clientSecret: graph.clientSecret, graphUrl: graph.url, groupMapping: ['g-sales => Sales'], intervalMinutes: 0 },
      });
    });
    after(async () => {
      await t?.close();
      await graph?.close();
    });

    const post = async (path: string) => {
      const csrf = /name="_csrf" value="([^"]+)"/.exec(await (await t.app.request('/admin/directory', { headers: session })).text())![1];
      return t.app.request(path, { method: 'POST', headers: { ...session, Origin: 'http://localhost', 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ _csrf: csrf }).toString() });
    };
    const page = async () => (await t.app.request('/admin/directory', { headers: session })).text();
    const user = async (email: string) => (await t.ctx.db.select().from(users).where(eq(users.email, email)))[0];

    test('Test connection gets a token with the client secret and reads Graph; a wrong secret is named', async () => {
      assert.match(await (await post('/admin/directory/entra/test')).text(), /Test connection: Connected to Microsoft Graph/);
      await changeSettings(t, admin.token, { entraSync: { clientSecret: 'wrong' } });
      assert.match(await (await post('/admin/directory/entra/test')).text(), /Test connection: Entra ID refused the app&#39;s credentials: .*AADSTS7000215/);
      await changeSettings(t, admin.token, { entraSync: { clientSecret: graph.clientSecret } });
    });

    test('a certificate works instead of the secret, even pasted on one line; a key that does not fit is refused', async () => {
      const oneLine = graph.clientKeyPem.replace(/\n/g, '');
      await changeSettings(t, admin.token, { entraSync: { clientSecret: '', clientCertificate: graph.clientCertPem.trim().split('\n'), clientCertificateKey: oneLine } });
      assert.match(await (await post('/admin/directory/entra/test')).text(), /Test connection: Connected to Microsoft Graph/);
      const { privateKey } = (await import('node:crypto')).generateKeyPairSync('rsa', { modulusLength: 2048 });
      await changeSettings(t, admin.token, { entraSync: { clientCertificateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() } });
      assert.match(await (await post('/admin/directory/entra/test')).text(), /Test connection: Entra ID refused the app&#39;s credentials/);
      await changeSettings(t, admin.token, { entraSync: { clientSecret: graph.clientSecret, clientCertificate: [], clientCertificateKey: '' } });
    });

    test('the first sync pages through the users, waits out a 429, and maps nested group members', async () => {
      graph.throttleNext(1);
      graph.requests.length = 0;
      await post('/admin/directory/entra/sync');
      await t.drain();
      const [throttled, retried] = graph.requests;
      assert.equal(throttled.status, 429);
      assert.equal(retried.path, throttled.path, 'the same request again');
      assert.equal(retried.status, 200);
      assert.ok(retried.at - throttled.at >= 900, `waited for Retry-After (${retried.at - throttled.at} ms)`);
      assert.ok(graph.requests.filter((r) => r.path.startsWith('/v1.0/users/delta') && r.path.includes('skiptoken')).length >= 2, 'followed the nextLinks');

      assert.match(await page(), /5 created, 0 updated, 0 disabled, 0 unchanged/);
      const u1 = await user('entra1@example.test');
      assert.equal(u1.directorySource, 'entra');
      assert.equal(u1.directoryId, 'u-1');
      assert.equal(u1.name, 'Entra User 1');
      assert.equal(u1.groupId, salesId);
      assert.equal((await user('entra4@example.test')).groupId, salesId, 'member through the nested group');
      assert.equal((await user('entra5@example.test')).groupId, salesId, 'no mail: the user principal name is the address');
      assert.equal((await user('entra2@example.test')).groupId, null);
      const u2 = await user('entra2@example.test');
      assert.equal(u2.phone, '+358501112222');
      assert.equal(u2.authMethod, 'sms_pin');
      const u3 = await user('entra3@example.test');
      assert.ok(u3.disabledAt && u3.locked, 'accountEnabled false: disabled');
    });

    test('the next sync continues from the delta link: a changed and a removed user, and a group change', async () => {
      graph.change('u-2', { displayName: 'Entra User Two' });
      graph.remove('u-1');
      graph.groups.set('g-nested', ['u-5']);
      graph.requests.length = 0;
      await post('/admin/directory/entra/sync');
      await t.drain();
      assert.ok(graph.requests.some((r) => r.path.includes('deltatoken=')), 'the delta link was used');
      assert.ok(!graph.requests.some((r) => r.path.startsWith('/v1.0/users/delta') && !r.path.includes('deltatoken=')), 'not the whole list again');
      assert.match(await page(), /0 created, 2 updated, 1 disabled, 0 unchanged/);
      assert.equal((await user('entra2@example.test')).name, 'Entra User Two');
      const u1 = await user('entra1@example.test');
      assert.ok(u1, 'a removed user is kept');
      assert.ok(u1.disabledAt && u1.locked, 'and disabled');
      assert.equal((await user('entra4@example.test')).groupId, null, 'left the nested group');
      const [event] = await t.ctx.db.select().from(adminAuditEvents).where(eq(adminAuditEvents.action, 'directory_synced')).orderBy(desc(adminAuditEvents.id)).limit(1);
      assert.deepEqual(event.details.disabledUsers, ['entra1@example.test']);
    });
  });
}
