// Signing with an OpenID Connect identity provider through the real app on PGlite and PostgreSQL, against a real
// provider on loopback (oidc-provider): the admin configures it, the signer authenticates (code flow with PKCE,
// state and nonce), the verified name and identity number land in the signature, the audit trail and the sealed
// signatures page; another person, a replayed or foreign-browser callback, a cancel and a missing state sign nothing.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { SECRET_MASK } from '@secure-signature/shared';
import { signatureBlocks, signers } from '../src/db/schema';
import { bearer, dbKinds, makePdf, processForm, startTestApp, type ProcessRequest, type TestApp } from './harness';
import { startIdp, signInThrough, type IdpStandIn } from './oidc-idp';
import { signingPathFor } from './outbox-reader';

const PUBLIC_URL = 'http://localhost:3999';

for (const kind of dbKinds) {
  describe(`identity-provider signing on ${kind}`, () => {
    let t: TestApp;
    let idp: IdpStandIn;
    let admin: Awaited<ReturnType<TestApp['user']>>;
    let pdf: Uint8Array;
    let n = 0;
    before(async () => {
      [t, idp, pdf] = await Promise.all([startTestApp(kind), startIdp({ redirectUri: `${PUBLIC_URL}/s/oidc/callback` }), makePdf('Loan', 1)]);
      admin = await t.user({ isAdmin: true });
      const added = await t.app.request('/api/v1/admin/identity-providers', {
        method: 'POST',
        headers: { ...bearer(admin.token), 'Content-Type': 'application/json' },
        body: JSON.stringify({ id: 'testbank', name: 'Test bank ID', preset: 'ftn', issuer: idp.issuer, clientId: idp.clientId, clientSecret: idp.clientSecret, acrValues: 'none' }),
      });
      assert.equal(added.status, 201, await added.clone().text());
    });
    after(async () => {
      await t.close();
      await idp.close();
    });

    async function start(req: ProcessRequest) {
      const email = req.signers?.[0]?.email ?? `idp${++n}@example.test`;
      const res = await t.app.request('/api/v1/processes', {
        method: 'POST',
        headers: bearer(admin.token),
        body: processForm({ signatureMethods: ['oidc:testbank'], ...req, signers: [{ identityNumber: '010190-123A', ...(req.signers?.[0] ?? {}), email }] }, [{ name: 'loan.pdf', bytes: pdf }]),
      });
      assert.equal(res.status, 201, await res.clone().text());
      return { process: await res.json(), link: await signingPathFor(t.ctx, email) };
    }
    /** Starts the sign-in on the signing page; returns the provider URL and the browser cookie. */
    async function begin(link: string) {
      const res = await t.app.request(`${link}/oidc/start`, {
        method: 'POST',
        headers: { Origin: 'http://localhost', 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'provider=testbank',
      });
      assert.equal(res.status, 303, await res.clone().text());
      const cookie = res.headers.get('set-cookie')!.match(/ss_oidc=[^;]+/)![0];
      return { url: res.headers.get('location')!, cookie };
    }
    const callback = (url: string, cookie?: string) => t.app.request(url.replace(PUBLIC_URL, ''), { headers: cookie ? { Cookie: cookie } : {} });
    const signerOf = async (processId: string) => (await t.ctx.db.select().from(signers).where(eq(signers.processId, processId)))[0];

    test('the admin sees the provider with its secret masked, and senders get it as a method', async () => {
      const list = await (await t.app.request('/api/v1/admin/identity-providers', { headers: bearer(admin.token) })).json();
      assert.equal(list.redirectUri, `${PUBLIC_URL}/s/oidc/callback`);
      assert.deepEqual(
        list.providers.map((p: Record<string, unknown>) => [p.id, p.clientSecret, p.scopes, p.idNumberClaim]),
        [['testbank', SECRET_MASK, 'openid profile personal_identity_code', 'personal_identity_code']],
        'the FTN preset filled in the scopes and the identity claim',
      );
      const config = await (await t.app.request('/api/v1/start-form/config')).json();
      assert.ok(config.options.signatureMethods.some((m: { id: string; label: string }) => m.id === 'oidc:testbank' && m.label === 'Test bank ID'));
      const insecure = await t.app.request('/api/v1/admin/identity-providers', {
        method: 'POST',
        headers: { ...bearer(admin.token), 'Content-Type': 'application/json' },
        body: JSON.stringify({ id: 'plain', name: 'Plain', issuer: 'http://idp.example.com', clientId: 'x' }),
      });
      assert.equal(insecure.status, 400);
      assert.equal((await insecure.json()).error.field, 'issuer');
    });

    test('the right person signs: code flow with PKCE, verified name and identity number in the signature and on the sealed page', async () => {
      const { process, link } = await start({});
      const page = await (await t.app.request(link)).text();
      assert.match(page, /Sign with Test bank ID/);
      assert.doesNotMatch(page, /id="sign"/, 'only the identity provider is offered');
      const { url, cookie } = await begin(link);
      const auth = new URL(url);
      assert.equal(auth.origin, idp.issuer);
      assert.equal(auth.searchParams.get('code_challenge_method'), 'S256');
      assert.equal(auth.searchParams.get('prompt'), 'login', 'every signature is a fresh authentication');
      for (const p of ['state', 'nonce', 'code_challenge']) assert.ok(auth.searchParams.get(p), p);
      assert.equal(auth.searchParams.get('redirect_uri'), `${PUBLIC_URL}/s/oidc/callback`);

      const back = await signInThrough(url, 'maija', PUBLIC_URL);
      const res = await callback(back, cookie);
      assert.equal(res.status, 303);
      assert.equal(res.headers.get('location'), `${link}?done=signed`);
      const row = await signerOf(process.id);
      assert.equal(row.status, 'signed');
      assert.equal(row.method, 'oidc:testbank');
      assert.deepEqual(row.identity, { provider: 'Test bank ID', name: 'Maija Meikäläinen', idNumber: '010190-123A', subject: 'maija' });
      assert.deepEqual(JSON.parse(row.signRecord!).identity, row.identity, 'the identity is part of what the signature approves');
      const listed = await (await t.app.request(`/api/v1/processes?q=${process.id}`, { headers: bearer(admin.token) })).json();
      assert.equal(listed.totals.strongSignatures, 1, 'counted as a signature with strong authentication');

      await t.drain();
      const view = await (await t.app.request(`/api/v1/processes/${process.id}`, { headers: bearer(admin.token) })).json();
      assert.ok(view.auditTrail.some((e: { message: string }) => /verified by Test bank ID: Maija Meikäläinen, 010190-123A/.test(e.message)));
      const final = await (await t.app.request(`/api/v1/processes/${process.id}/documents/${view.documents[0].id}/final.pdf`, { headers: bearer(admin.token) })).arrayBuffer();
      const dir = mkdtempSync(path.join(tmpdir(), 'ss-idp-'));
      try {
        writeFileSync(path.join(dir, 'final.pdf'), new Uint8Array(final));
        const text = execFileSync('pdftotext', [path.join(dir, 'final.pdf'), '-'], { encoding: 'utf8' });
        assert.match(text, /Method: Test bank ID \(identity provider\)/);
        assert.match(text, /Verified by Test bank ID: Maija Meikäläinen, identity number 010190-123A/);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    test('a signature block signed through the provider: the block shown before the redirect gets the verified identity', async () => {
      const email = `idp-block${++n}@example.test`;
      const { process, link } = await start({ signers: [{ email }], blocks: [{ label: 'Borrower', fields: [], signers: [email] }, { label: 'Guarantor', fields: [], signers: [email] }] });
      const startWith = (blockId: string) =>
        t.app.request(`${link}/oidc/start`, { method: 'POST', headers: { Origin: 'http://localhost', 'Content-Type': 'application/x-www-form-urlencoded' }, body: `provider=testbank&block=${blockId}` });
      // A page showing a block that is not the open one is refused before the provider is even asked.
      const stale = await startWith(process.blocks[1].id);
      assert.equal(stale.status, 409);
      assert.match(await stale.text(), /signed meanwhile/);

      const res = await startWith(process.blocks[0].id);
      assert.equal(res.status, 303, await res.clone().text());
      const cookie = res.headers.get('set-cookie')!.match(/ss_oidc=[^;]+/)![0];
      const back = await callback(await signInThrough(res.headers.get('location')!, 'maija', PUBLIC_URL), cookie);
      assert.equal(back.headers.get('location'), `${link}?done=signed`);
      const view = await (await t.app.request(`/api/v1/processes/${process.id}`, { headers: bearer(admin.token) })).json();
      assert.deepEqual(view.blocks.map((b: { status: string; method: string | null }) => [b.status, b.method]), [['signed', 'oidc:testbank'], ['open', null]]);
      const checked = await (await t.app.request(`/api/v1/processes/${process.id}/verify`, { headers: bearer(admin.token) })).json();
      assert.deepEqual(checked.signatures.map((s: { block: string; valid: boolean }) => [s.block, s.valid]), [['Borrower', true]]);
      assert.equal(JSON.parse((await t.ctx.db.select().from(signatureBlocks).where(eq(signatureBlocks.id, process.blocks[0].id)))[0].signRecord!).identity.idNumber, '010190-123A');
    });

    test('a user of this service re-enters their account password before the redirect; it is part of the signature', async () => {
      const user = await t.user({ email: `idp-user${++n}@example.test` });
      const { process, link } = await start({ signers: [{ email: user.email }] });
      const startWith = (password?: string) =>
        t.app.request(`${link}/oidc/start`, {
          method: 'POST',
          headers: { Origin: 'http://localhost', 'Content-Type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ provider: 'testbank', ...(password !== undefined ? { password } : {}) }).toString(),
        });
      assert.match(await (await t.app.request(link)).text(), /id="accountPassword"/);
      const missing = await startWith();
      assert.equal(missing.status, 400);
      assert.match(await missing.text(), /Enter the password of your account to sign/);
      const wrong = await startWith('not-it');
      assert.equal(wrong.status, 400);
      assert.match(await wrong.text(), /Wrong password/);

      const res = await startWith(user.password);
      assert.equal(res.status, 303, await res.clone().text());
      const cookie = res.headers.get('set-cookie')!.match(/ss_oidc=[^;]+/)![0];
      const back = await callback(await signInThrough(res.headers.get('location')!, 'maija', PUBLIC_URL), cookie);
      assert.equal(back.headers.get('location'), `${link}?done=signed`);
      const row = await signerOf(process.id);
      assert.equal(row.status, 'signed');
      assert.equal(JSON.parse(row.signRecord!).identity.account, user.email);
      const view = await (await t.app.request(`/api/v1/processes/${process.id}`, { headers: bearer(admin.token) })).json();
      assert.ok(view.auditTrail.some((e: { message: string }) => /verified by Test bank ID: Maija Meikäläinen, 010190-123A; account password re-entered/.test(e.message)));
    });

    test('another person is refused, recorded in the audit trail, and nothing is signed', async () => {
      const { process, link } = await start({});
      const { url, cookie } = await begin(link);
      const res = await callback(await signInThrough(url, 'matti', PUBLIC_URL), cookie);
      assert.equal(res.headers.get('location'), `${link}?refused=sign.identityMismatch`);
      const page = await (await t.app.request(res.headers.get('location')!)).text();
      assert.match(page, /The identity you authenticated with is not that of the person asked to sign\. Nothing was signed\./);
      assert.equal((await signerOf(process.id)).status, 'invited');
      const view = await (await t.app.request(`/api/v1/processes/${process.id}`, { headers: bearer(admin.token) })).json();
      assert.ok(view.auditTrail.some((e: { type: string; message: string }) => e.type === 'identity_refused' && /Matti Virtanen authenticated with Test bank ID/.test(e.message)));
    });

    test('a replayed callback, one from another browser, and a cancel sign nothing', async () => {
      const { process, link } = await start({ signers: [{ email: `r${++n}@example.test`, identityNumber: '020285-987B' }] });
      const first = await begin(link);
      const back = await signInThrough(first.url, 'matti', PUBLIC_URL);
      const stolen = await callback(back); // the code and state, without this browser's cookie
      assert.equal(stolen.headers.get('location'), `${link}?refused=sign.oidcOtherBrowser`);
      const replay = await callback(back, first.cookie);
      assert.equal(replay.headers.get('location'), `${link}?refused=sign.oidcUsed`, 'the request was used up by the first answer');

      const second = await begin(link);
      const cancelled = await callback(await signInThrough(second.url, 'cancel', PUBLIC_URL), second.cookie);
      assert.equal(cancelled.headers.get('location'), `${link}?refused=sign.oidcFailed`);
      assert.equal((await signerOf(process.id)).status, 'invited');

      const third = await begin(link);
      const ok = await callback(await signInThrough(third.url, 'matti', PUBLIC_URL), third.cookie);
      assert.equal(ok.headers.get('location'), `${link}?done=signed`, 'a fresh sign-in still works');
    });

    test('a callback without state is a clear error page; a method the process does not offer is refused', async () => {
      const missing = await t.app.request('/s/oidc/callback?code=abc');
      assert.equal(missing.status, 400);
      assert.match(await missing.text(), /has no state: start again from the link in your invitation/);
      const unknown = await t.app.request('/s/oidc/callback?code=abc&state=forged');
      assert.equal(unknown.status, 400);

      const { link } = await start({ signatureMethods: ['button'] });
      const res = await t.app.request(`${link}/oidc/start`, { method: 'POST', headers: { Origin: 'http://localhost', 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'provider=testbank' });
      assert.equal(res.status, 409);
      assert.match(await res.text(), /This way of signing is not offered for this process\./);
      const direct = await t.app.request(`${link}/sign`, { method: 'POST', headers: { Origin: 'http://localhost', 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'method=oidc%3Atestbank' });
      assert.equal(direct.status, 409, 'an identity-provider method cannot be claimed without the provider');
    });
  });
}
