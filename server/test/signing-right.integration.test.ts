// Signing for a company (business ID) through the real app: after the signer authenticates with a real OpenID
// Connect provider on loopback, the signing-right service (a stand-in for the trade register) is asked; a yes
// lets the signature through with the right recorded, a no or an unavailable service signs nothing and says why.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { signers } from '../src/db/schema';
import { bearer, makePdf, processForm, startTestApp, type TestApp } from './harness';
import { startIdp, signInThrough, type IdpStandIn } from './oidc-idp';
import { signingPathFor } from './outbox-reader';
import { startSigningRightService } from './signing-right-service';

const PUBLIC_URL = 'http://localhost:3999';

describe('signing rights by business ID', () => {
  let t: TestApp;
  let idp: IdpStandIn;
  let rights: Awaited<ReturnType<typeof startSigningRightService>>;
  let admin: Awaited<ReturnType<TestApp['user']>>;
  let pdf: Uint8Array;
  let n = 0;
  before(async () => {
    [t, idp, rights, pdf] = await Promise.all([
      startTestApp('pglite'),
      startIdp({ redirectUri: `${PUBLIC_URL}/s/oidc/callback` }),
      startSigningRightService({ '1234567-8': ['010190-123A'] }),
      makePdf('Supply agreement', 1),
    ]);
    admin = await t.user({ isAdmin: true });
    const json = { ...bearer(admin.token), 'Content-Type': 'application/json' };
    await t.app.request('/api/v1/admin/identity-providers', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ id: 'testbank', name: 'Test bank ID', preset: 'ftn', issuer: idp.issuer, clientId: idp.clientId, clientSecret: idp.clientSecret }),
    });
    const current = await (await t.app.request('/api/v1/admin/settings', { headers: bearer(admin.token) })).json();
    current.signingRights = { url: rights.url, authorizationHeader: 'Bearer register-key', timeoutSeconds: 2 };
    assert.equal((await t.app.request('/api/v1/admin/settings', { method: 'PUT', headers: json, body: JSON.stringify(current) })).status, 200);
  });
  after(async () => {
    await t.close();
    await idp.close();
    await rights.close();
  });

  async function forCompany(businessId: string) {
    const email = `ceo${++n}@example.test`;
    const res = await t.app.request('/api/v1/processes', {
      method: 'POST',
      headers: bearer(admin.token),
      body: processForm({ signers: [{ email, businessId }], signatureMethods: ['button', 'oidc:testbank'] }, [{ name: 'supply.pdf', bytes: pdf }]),
    });
    assert.equal(res.status, 201, await res.clone().text());
    return { process: await res.json(), link: await signingPathFor(t.ctx, email) };
  }
  async function signAs(link: string, person: string) {
    const start = await t.app.request(`${link}/oidc/start`, { method: 'POST', headers: { Origin: 'http://localhost', 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'provider=testbank' });
    const cookie = start.headers.get('set-cookie')!.match(/ss_oidc=[^;]+/)![0];
    const back = await signInThrough(start.headers.get('location')!, person, PUBLIC_URL);
    return (await t.app.request(back.replace(PUBLIC_URL, ''), { headers: { Cookie: cookie } })).headers.get('location')!;
  }
  const signerOf = async (processId: string) => (await t.ctx.db.select().from(signers).where(eq(signers.processId, processId)))[0];
  const trail = async (processId: string) => (await (await t.app.request(`/api/v1/processes/${processId}`, { headers: bearer(admin.token) })).json()).auditTrail.map((e: { message: string }) => e.message);

  test('a person with the right signs; the right is asked with the verified identity and recorded', async () => {
    const { process, link } = await forCompany('1234567-8');
    const page = await (await t.app.request(link)).text();
    assert.match(page, /signs for 1234567-8/);
    assert.doesNotMatch(page, /id="sign"/, 'no click-to-sign for someone signing for a company');
    assert.equal(await signAs(link, 'maija'), `${link}?done=signed`);
    assert.deepEqual(rights.questions.at(-1), { businessId: '1234567-8', identityNumber: '010190-123A', name: 'Maija Meikäläinen', authorization: 'Bearer register-key' });
    const row = await signerOf(process.id);
    assert.equal(row.status, 'signed');
    assert.equal(row.identity!.signingRightFor, '1234567-8');
    assert.equal(JSON.parse(row.signRecord!).signer.businessId, '1234567-8');
    assert.ok((await trail(process.id)).includes('Signing right of Maija Meikäläinen for 1234567-8 confirmed'));
  });

  test('a person without the right cannot sign and is told why; the refusal is in the audit trail', async () => {
    const { process, link } = await forCompany('1234567-8');
    const back = await signAs(link, 'matti');
    assert.equal(back, `${link}?refused=sign.rightRefused`);
    const page = await (await t.app.request(back)).text();
    assert.match(page, /You cannot sign for 1234567-8: Matti Virtanen has no right to sign for 1234567-8 in the trade register\. Nothing was signed\./);
    assert.equal((await signerOf(process.id)).status, 'invited');
    assert.ok((await trail(process.id)).some((m: string) => /Signing right of Matti Virtanen for 1234567-8 refused/.test(m)));
  });

  test('when the service cannot answer, nothing is signed and the signer may try again', async () => {
    const { process, link } = await forCompany('1234567-8');
    rights.failNextAnswers(1);
    assert.equal(await signAs(link, 'maija'), `${link}?refused=sign.rightUnavailable`);
    assert.equal((await signerOf(process.id)).status, 'invited');
    assert.equal(await signAs(link, 'maija'), `${link}?done=signed`);
  });

  test('a click cannot stand in for the check, and a process for a company needs an identity provider', async () => {
    const { process, link } = await forCompany('1234567-8');
    const click = await t.app.request(`${link}/sign`, { method: 'POST', headers: { Origin: 'http://localhost', 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'method=button' });
    assert.equal(click.status, 409);
    assert.match(await click.text(), /sign with an identity provider, so that your right to sign can be checked/);
    assert.equal((await signerOf(process.id)).status, 'invited');
    const noIdp = await t.app.request('/api/v1/processes', {
      method: 'POST',
      headers: bearer(admin.token),
      body: processForm({ signers: [{ email: 'x@example.test', businessId: '1234567-8' }], signatureMethods: ['button'] }, [{ name: 'a.pdf', bytes: pdf }]),
    });
    assert.equal(noIdp.status, 400);
    assert.equal((await noIdp.json()).error.field, 'signers.0.businessId');
  });
});
