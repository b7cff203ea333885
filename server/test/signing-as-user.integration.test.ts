// Signing as a user of this service, through the real app: the signer whose email belongs to an account re-enters
// its password (wrong ones count towards the account's lock), picks one of the admin's purposes, and the sign hash
// is made with the key the admin gave that user (checked independently with openssl against the user's public
// key). Key pairs that do not match, weak keys and non-admins are refused; a legacy DSA key works; a changed key
// shows as invalid.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { signers, userSigningKeys } from '../src/db/schema';
import { bearer, changeSettings, makePdf, processForm, startTestApp, type TestApp } from './harness';
import { signingPathFor } from './outbox-reader';

describe('signing as a user with their own key and a purpose', () => {
  let t: TestApp;
  let admin: Awaited<ReturnType<TestApp['user']>>;
  let dir: string;
  const file = (name: string) => path.join(dir, name);
  const ossl = (...args: string[]) => execFileSync('openssl', args, { stdio: 'pipe' }).toString();

  before(async () => {
    t = await startTestApp('pglite');
    admin = await t.user({ isAdmin: true });
    dir = mkdtempSync(path.join(tmpdir(), 'ss-userkey-'));
    await changeSettings(t, admin.token, { signingPurposes: { purposes: ['Approved', 'Reviewed'] } });
    // An ECDSA key with a certificate, a second one that does not match it, a weak RSA key and a legacy DSA key.
    ossl('req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', file('ec.key'), '-out', file('ec.crt'), '-days', '30', '-subj', '/CN=Ulla User');
    ossl('genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', file('other.key'));
    ossl('genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:1024', '-out', file('weak.key'));
    ossl('pkey', '-in', file('weak.key'), '-pubout', '-out', file('weak.pub'));
    ossl('genpkey', '-genparam', '-algorithm', 'DSA', '-pkeyopt', 'dsa_paramgen_bits:2048', '-out', file('dsa.params'));
    ossl('genpkey', '-paramfile', file('dsa.params'), '-out', file('dsa.key'));
    ossl('pkey', '-in', file('dsa.key'), '-pubout', '-out', file('dsa.pub'));
  });
  after(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const setKey = (userId: string, privateKey: string, publicKey: string, token = admin.token) =>
    t.app.request(`/api/v1/admin/users/${userId}/signing-key`, {
      method: 'PUT',
      headers: { ...bearer(token), 'Content-Type': 'application/json' },
      body: JSON.stringify({ privateKey: readFileSync(file(privateKey), 'utf8'), publicKey: readFileSync(file(publicKey), 'utf8') }),
    });
  const sign = (link: string, fields: Record<string, string>) =>
    t.app.request(`${link}/sign`, { method: 'POST', headers: { Origin: 'http://localhost', 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });
  async function startFor(email: string) {
    const res = await t.app.request('/api/v1/processes', {
      method: 'POST',
      headers: bearer(admin.token),
      body: processForm({ signers: [{ email }], signatureMethods: ['button'] }, [{ name: 'policy.pdf', bytes: await makePdf('Policy', 1) }]),
    });
    const process = await res.json();
    return { id: process.id as string, link: await signingPathFor(t.ctx, email.toLowerCase()) };
  }
  const verify = async (processId: string) => (await (await t.app.request(`/api/v1/processes/${processId}/verify`, { headers: bearer(admin.token) })).json()).signatures;

  test('pairs that do not match, weak keys and non-admins are refused with a clear message', async () => {
    const ulla = await t.user({ email: 'ulla@example.test' });
    const mismatch = await setKey(ulla.id, 'other.key', 'ec.crt');
    assert.equal(mismatch.status, 400);
    assert.match((await mismatch.json()).error.message, /does not belong to this private key/);
    const weak = await setKey(ulla.id, 'weak.key', 'weak.pub');
    assert.equal(weak.status, 400);
    assert.match((await weak.json()).error.message, /at least 2048 bits/);
    assert.equal((await setKey(ulla.id, 'ec.key', 'ec.crt', ulla.token)).status, 404);
    const keys = await (await t.app.request('/api/v1/admin/signing-keys', { headers: bearer(admin.token) })).json();
    assert.deepEqual(keys.keys, []);
  });

  test('a user signs with password and purpose; the sign hash is made with their own key and openssl verifies it', async () => {
    const user = await t.user({ email: 'ulrika@example.test' });
    const saved = await setKey(user.id, 'ec.key', 'ec.crt');
    assert.equal(saved.status, 200, await saved.clone().text());
    assert.equal((await saved.json()).algorithm, 'ec');

    const { id, link } = await startFor('Ulrika@example.test');
    const page = await (await t.app.request(link)).text();
    assert.match(page, /name="password" type="password"/, 'the page asks for the account password');
    assert.match(page, /<option value="Reviewed">Reviewed<\/option>/, 'and for a purpose');

    const missing = await sign(link, { method: 'button', purpose: 'Reviewed' });
    assert.equal(missing.status, 400);
    assert.match(await missing.text(), /Enter the password of your account to sign/);
    const wrong = await sign(link, { method: 'button', purpose: 'Reviewed', password: 'not it' });
    assert.equal(wrong.status, 400);
    assert.match(await wrong.text(), /Wrong password/);
    const noPurpose = await sign(link, { method: 'button', password: user.password });
    assert.equal(noPurpose.status, 400);
    assert.match(await noPurpose.text(), /Choose the purpose of your signature/);
    const unknownPurpose = await sign(link, { method: 'button', password: user.password, purpose: 'Vetoed' });
    assert.equal(unknownPurpose.status, 400);

    assert.equal((await sign(link, { method: 'button', password: user.password, purpose: 'Reviewed' })).status, 303);
    const [row] = await t.ctx.db.select().from(signers).where(eq(signers.processId, id));
    assert.equal(row.status, 'signed');
    assert.equal(row.purpose, 'Reviewed');
    assert.ok(row.userSigningKeyId, 'made with the user key');
    const record = JSON.parse(row.signRecord!);
    assert.equal(record.purpose, 'Reviewed');
    assert.deepEqual(record.identity, { account: 'ulrika@example.test', authenticatedBy: 'account password' });

    // Independently: openssl checks the sign hash over the record with the public key from the user's certificate.
    writeFileSync(file('record.json'), row.signRecord!);
    writeFileSync(file('hash.sig'), Buffer.from(row.signHash!, 'base64'));
    ossl('x509', '-in', file('ec.crt'), '-pubkey', '-noout', '-out', file('ec.pub'));
    assert.match(ossl('dgst', '-sha256', '-verify', file('ec.pub'), '-signature', file('hash.sig'), file('record.json')), /Verified OK/);

    const [check] = await verify(id);
    assert.ok(check.valid, check.problems.join('; '));
    // Swapping the stored public key (a forged key) makes the signature show as invalid.
    const [key] = await t.ctx.db.select().from(userSigningKeys).where(eq(userSigningKeys.id, row.userSigningKeyId!));
    await t.ctx.db.update(userSigningKeys).set({ publicKeyPem: ossl('pkey', '-in', file('other.key'), '-pubout') }).where(eq(userSigningKeys.id, key.id));
    const [forged] = await verify(id);
    assert.equal(forged.valid, false);
    assert.match(forged.problems.join(' '), /forged or altered/);
    await t.ctx.db.update(userSigningKeys).set({ publicKeyPem: key.publicKeyPem }).where(eq(userSigningKeys.id, key.id));

    // Removing the key later does not break the signatures it made.
    assert.equal((await t.app.request(`/api/v1/admin/users/${user.id}/signing-key`, { method: 'DELETE', headers: bearer(admin.token) })).status, 204);
    const [after] = await verify(id);
    assert.ok(after.valid);
  });

  test('a legacy DSA key is accepted and its sign hashes verify; signers without an account need no password', async () => {
    const user = await t.user({ email: 'dora@example.test' });
    assert.equal((await setKey(user.id, 'dsa.key', 'dsa.pub')).status, 200);
    const { id, link } = await startFor('dora@example.test');
    assert.equal((await sign(link, { method: 'button', password: user.password, purpose: 'Approved' })).status, 303);
    const [check] = await verify(id);
    assert.ok(check.valid, check.problems.join('; '));
    const [row] = await t.ctx.db.select().from(signers).where(eq(signers.processId, id));
    writeFileSync(file('record.json'), row.signRecord!);
    writeFileSync(file('hash.sig'), Buffer.from(row.signHash!, 'base64'));
    assert.match(ossl('dgst', '-sha256', '-verify', file('dsa.pub'), '-signature', file('hash.sig'), file('record.json')), /Verified OK/);

    const outsider = await startFor('guest@example.test');
    const page = await (await t.app.request(outsider.link)).text();
    assert.doesNotMatch(page, /name="password"/);
    assert.equal((await sign(outsider.link, { method: 'button', purpose: 'Approved' })).status, 303);
    const [guest] = await t.ctx.db.select().from(signers).where(eq(signers.processId, outsider.id));
    assert.equal(guest.userSigningKeyId, null, "the organisation's key");
    assert.ok(guest.signKeyId);
  });

  test("wrong passwords at signing lock the account like wrong sign-ins do", async () => {
    await changeSettings(t, admin.token, { authentication: { passwordTries: 3 } });
    const user = await t.user({ email: 'lena@example.test' });
    const { link } = await startFor('lena@example.test');
    for (let i = 0; i < 3; i++) assert.match(await (await sign(link, { method: 'button', purpose: 'Approved', password: `guess ${i}` })).text(), /Wrong password/);
    const locked = await sign(link, { method: 'button', purpose: 'Approved', password: user.password });
    assert.equal(locked.status, 429);
    assert.match(await locked.text(), /Your account is locked/);
  });
});
