// What the Outlook pane and /start rely on, through the real app on PGlite and PostgreSQL: the public form
// configuration, /me, the address book, the admin's start policy, X-Client, and sign-in with a Microsoft Entra
// token checked against a JWKS served over HTTP by a local stand-in key.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { adminAuditEvents, users } from '../src/db/schema';
import { startEntraStandIn, type EntraStandIn } from './entra-idp';
import { bearer, changeSettings, dbKinds, makePdf, processForm, startTestApp, type ProcessRequest, type TestApp } from './harness';

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const PARTNER_TENANT = '0f2c1a34-5b6c-4d7e-8f90-a1b2c3d4e5f6';
const CLIENT = '5e9f0b7a-2c3d-4e5f-9a8b-7c6d5e4f3a2b';
const DAY = 86_400_000;

for (const kind of dbKinds) {
  describe(`start form API on ${kind}`, () => {
    let t: TestApp;
    let admin: Awaited<ReturnType<TestApp['user']>>;
    let entra: EntraStandIn;
    let now = new Date('2026-11-20T10:00:00Z');
    let pdf: Uint8Array;
    before(async () => {
      [t, entra, pdf] = await Promise.all([startTestApp(kind, {}, { clock: () => now }), startEntraStandIn(), makePdf('Offer')]);
      admin = await t.user({ isAdmin: true });
    });
    after(async () => {
      await t.close();
      await entra.close();
    });

    const settings = (change: Record<string, Record<string, unknown>>) => changeSettings(t, admin.token, change);
    const start = (token: string, process: ProcessRequest, client?: string) =>
      t.app.request('/api/v1/processes', {
        method: 'POST',
        headers: { ...bearer(token), ...(client ? { 'X-Client': client } : {}) },
        body: processForm(process, [{ name: 'offer.pdf', bytes: pdf }]),
      });
    const me = (token: string) => t.app.request('/api/v1/me', { headers: bearer(token) });
    const configureEntra = (extra: Record<string, unknown> = {}) =>
      settings({ microsoft: { tenantId: TENANT, clientId: CLIENT, authorityHost: entra.authority, allowedTenants: [], createUsers: false, ...extra } });

    test('the form configuration is public and says what the admin allows; Entra appears once configured', async () => {
      const before = await (await t.app.request('/api/v1/start-form/config')).json();
      assert.equal(before.entra, null);
      assert.deepEqual(before.options, {
        allowSigningOrder: true,
        allowSignaturePageChoice: true,
        signaturePagePosition: 'last',
        allowSenderSigns: true,
        signatureMethods: [
          { id: 'button', label: 'Click to sign (OK button)' },
          { id: 'handwritten', label: 'Handwritten signature' },
        ],
        chooseMethods: true,
        allowForceDownload: true,
        allowSmsNotifications: true,
        allowForwarding: true,
        attachments: 'off',
        signerDetails: true,
        requirePhone: false,
        warnSingleSigner: false,
        reminders: { firstAfterDays: 0, repeatEveryDays: 3, maxReminders: 3, sendersOverride: true },
      });
      assert.equal(before.maxUploadBytes, t.config.maxUploadBytes);

      await settings({ startForm: { allowSigningOrder: false, signaturePagePosition: 'first' } });
      await configureEntra();
      const after = await (await t.app.request('/api/v1/start-form/config')).json();
      assert.equal(after.options.allowSigningOrder, false);
      assert.equal(after.options.signaturePagePosition, 'first');
      assert.deepEqual(after.entra, {
        clientId: CLIENT,
        authority: `${entra.authority}/${TENANT}`,
        scope: `api://localhost:3999/${CLIENT}/access_as_user`,
      });
      await settings({ startForm: { allowSigningOrder: true, signaturePagePosition: 'last' } });
    });

    test('/me names the token\'s user; without a token it is refused', async () => {
      const user = await t.user({ email: 'mona@example.test' });
      const res = await me(user.token);
      assert.equal(res.status, 200);
      const body = await res.json();
      assert.deepEqual({ id: body.id, email: body.email, isAdmin: body.isAdmin }, { id: user.id, email: 'mona@example.test', isAdmin: false });
      assert.equal((await t.app.request('/api/v1/me')).status, 401);
    });

    test('the address book: my signers of the last 180 days, newest first, then the global addresses', async () => {
      const sender = await t.user();
      const other = await t.user();
      now = new Date('2026-03-01T10:00:00Z');
      assert.equal((await start(sender.token, { signers: [{ email: 'old@example.test', name: 'Old Friend' }] })).status, 201);
      now = new Date('2026-10-01T10:00:00Z');
      assert.equal((await start(sender.token, { signers: [{ email: 'anna@example.test', name: 'Anna A' }] })).status, 201);
      now = new Date('2026-11-01T10:00:00Z');
      assert.equal((await start(sender.token, { signers: [{ email: 'Bert@Example.test' }, { email: 'anna@example.test' }] })).status, 201);
      assert.equal((await start(other.token, { signers: [{ email: 'secret@example.test' }] })).status, 201);
      now = new Date('2026-11-20T10:00:00Z');
      await settings({ startForm: { globalAddresses: ['Legal Team <legal@example.test>', 'anna@example.test', 'hr@example.test, "Board" <board@example.test>', 'not an address'] } });

      const { entries } = await (await t.app.request('/api/v1/address-book', { headers: bearer(sender.token) })).json();
      assert.deepEqual(entries, [
        { email: 'anna@example.test', name: 'Anna A', source: 'recent' },
        { email: 'bert@example.test', name: null, source: 'recent' },
        { email: 'legal@example.test', name: 'Legal Team', source: 'global' },
        { email: 'hr@example.test', name: null, source: 'global' },
        { email: 'board@example.test', name: 'Board', source: 'global' },
      ]);
      assert.equal((await t.app.request('/api/v1/address-book')).status, 401);
    });

    test('X-Client records where a process was started; anything else counts as the API', async () => {
      const sender = await t.user();
      for (const [client, component] of [
        ['outlook', 'outlook'],
        ['web', 'web'],
        ['<script>', 'api'],
        [undefined, 'api'],
      ] as const) {
        const res = await start(sender.token, { signers: [{ email: 'x@example.test' }] }, client);
        assert.equal(res.status, 201);
        const { id } = await res.json();
        const list = await (await t.app.request(`/api/v1/processes?component=${component}`, { headers: bearer(sender.token) })).json();
        assert.ok(list.processes.some((p: { id: string }) => p.id === id), `${client} → ${component}`);
      }
    });

    test("the admin's start policy holds for the API too", async () => {
      const sender = await t.user();
      await settings({ startForm: { allowSigningOrder: false, allowSenderSigns: false, allowSignaturePageChoice: false, signaturePagePosition: 'first' } });
      const ordered = await start(sender.token, { signers: [{ email: 'a@example.test' }, { email: 'b@example.test' }], signingOrder: true });
      assert.equal(ordered.status, 400);
      assert.equal((await ordered.json()).error.field, 'signingOrder');
      const self = await start(sender.token, { signers: [{ email: sender.email.toUpperCase() }] });
      assert.equal(self.status, 400);
      assert.match((await self.json()).error.message, /senders to sign their own processes/);
      const placed = await start(sender.token, { signers: [{ email: 'a@example.test' }], signaturePagePosition: 'last' });
      assert.equal(placed.status, 201);
      assert.equal((await placed.json()).signaturePagePosition, 'first');
      await settings({ startForm: { allowSigningOrder: true, allowSenderSigns: true, allowSignaturePageChoice: true, signaturePagePosition: 'last' } });
    });

    test('with "every signer needs a phone number" the form says so and a signer without one is refused', async () => {
      const sender = await t.user();
      await settings({ startForm: { requirePhone: true } });
      assert.equal((await (await t.app.request('/api/v1/start-form/config')).json()).options.requirePhone, true);
      const refused = await start(sender.token, { signers: [{ email: 'a@example.test', phone: '+358401234567' }, { email: 'b@example.test' }] });
      assert.equal(refused.status, 400);
      const error = (await refused.json()).error;
      assert.equal(error.field, 'signers.1.phone');
      assert.match(error.message, /Signer 2 needs a phone number: the administrator requires one/);
      assert.equal((await start(sender.token, { signers: [{ email: 'a@example.test', phone: '+358401234567' }] })).status, 201);
      await settings({ startForm: { requirePhone: false } });
    });

    describe('Microsoft Entra tokens', () => {
      before(() => configureEntra());
      const claims = (over: Partial<Parameters<EntraStandIn['token']>[0]> = {}) => ({
        tid: TENANT,
        oid: '11111111-2222-3333-4444-555555555555',
        preferred_username: 'Erin.Entra@Example.test',
        name: 'Erin Entra',
        aud: `api://localhost:3999/${CLIENT}`,
        ...over,
      });
      const refusal = async (res: Response) => ({ status: res.status, message: (await res.json()).error.message as string });

      test('a token for an unknown user is refused unless the admin lets Entra create accounts', async () => {
        const token = await entra.token(claims());
        const refused = await refusal(await me(token));
        assert.equal(refused.status, 403);
        assert.match(refused.message, /erin\.entra@example\.test has no Secure Signature account/);

        await configureEntra({ createUsers: true });
        const res = await me(token);
        assert.equal(res.status, 200);
        const user = await res.json();
        assert.deepEqual({ email: user.email, name: user.name, isAdmin: user.isAdmin }, { email: 'erin.entra@example.test', name: 'Erin Entra', isAdmin: false });
        const [row] = await t.ctx.db.select().from(users).where(eq(users.id, user.id));
        assert.deepEqual([row.entraTenantId, row.entraObjectId], [TENANT, '11111111-2222-3333-4444-555555555555']);
        const events = await t.ctx.db.select().from(adminAuditEvents).where(eq(adminAuditEvents.action, 'user.created_by_entra'));
        assert.equal(events.length, 1);

        // The next sign-in finds the same account by tenant + object id, even after the user's name changed.
        const renamed = await me(await entra.token(claims({ preferred_username: 'erin.married@example.test' })));
        assert.equal((await renamed.json()).id, user.id);
        await configureEntra();
      });

      test('a process started with an Entra token belongs to that user', async () => {
        const token = await entra.token(claims());
        const res = await start(token, { signers: [{ email: 'client@example.test' }] }, 'outlook');
        assert.equal(res.status, 201);
        const view = await res.json();
        assert.equal(view.sender.email, 'erin.entra@example.test');
      });

      test('an existing account is linked by email on first use; a second Microsoft account for it is refused', async () => {
        const known = await t.user({ email: 'kim@example.test' });
        const first = await me(await entra.token(claims({ oid: 'aaaaaaaa-0000-0000-0000-000000000001', preferred_username: 'kim@example.test' })));
        assert.equal((await first.json()).id, known.id);
        const second = await refusal(await me(await entra.token(claims({ oid: 'aaaaaaaa-0000-0000-0000-000000000002', preferred_username: 'KIM@example.test' }))));
        assert.equal(second.status, 403);
        assert.match(second.message, /linked to another Microsoft account/);
      });

      test('wrong audience, foreign signature, other tenant, expired: each refused with the reason', async () => {
        const cases: [string, Promise<string>, RegExp][] = [
          ['wrong audience', entra.token(claims({ aud: 'api://localhost:3999/00000000-0000-0000-0000-000000000000' })), /aud is not accepted here/],
          ['foreign key', entra.token(claims(), { foreignKey: true }), /signature is not from Microsoft Entra ID/],
          ['other tenant', entra.token(claims({ tid: PARTNER_TENANT })), /iss is not accepted here/],
          ['expired', entra.token(claims({ expiresIn: Math.floor(now.getTime() / 1000) - 3600 })), /it has expired/],
        ];
        for (const [what, token, reason] of cases) {
          const refused = await refusal(await me(await token));
          assert.equal(refused.status, 401, what);
          assert.match(refused.message, reason, what);
        }
      });

      test('an allowed partner tenant may sign in; the bare client id is an accepted audience too', async () => {
        const known = await t.user({ email: 'pat@partner.test' });
        const token = entra.token(claims({ tid: PARTNER_TENANT, oid: 'bbbbbbbb-0000-0000-0000-000000000001', preferred_username: 'pat@partner.test', aud: CLIENT }));
        assert.equal((await me(await token)).status, 401);
        await configureEntra({ allowedTenants: [PARTNER_TENANT] });
        const res = await me(await token);
        assert.equal(res.status, 200);
        assert.equal((await res.json()).id, known.id);
        await configureEntra();
      });

      test('with Entra switched off, a token is refused as not configured', async () => {
        await settings({ microsoft: { tenantId: '', clientId: '' } });
        const refused = await refusal(await me(await entra.token(claims())));
        assert.equal(refused.status, 401);
        assert.match(refused.message, /not configured/);
        await configureEntra();
      });
    });
  });
}
