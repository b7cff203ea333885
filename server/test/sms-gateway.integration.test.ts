// SMS through the HTTP gateway setting, against a local HTTP peer: the PIN SMS is sent once with the configured
// method, body template and credentials; a failing or silent gateway is retried by the outbox until it answers,
// and the error says what happened without leaking the credentials.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { desc, eq } from 'drizzle-orm';
import { adminAuditEvents, messages, outboxJobs } from '../src/db/schema';
import { SECRET_MASK } from '@secure-signature/shared';
import { bearer, changeSettings, makePdf, processForm, startTestApp, type TestApp } from './harness';
import { signingPathFor } from './outbox-reader';
import { startSmsPeer } from './sms-peer';

describe('HTTP SMS gateway', () => {
  let t: TestApp;
  let peer: Awaited<ReturnType<typeof startSmsPeer>>;
  let admin: Awaited<ReturnType<TestApp['user']>>;
  let now = new Date('2026-11-23T09:00:00Z');
  let n = 0;
  before(async () => {
    [t, peer] = await Promise.all([startTestApp('pglite', {}, { clock: () => now }), startSmsPeer()]);
    admin = await t.user({ isAdmin: true });
  });
  after(async () => {
    await t.close();
    await peer.close();
  });

  const putSettings = async (gateway: Record<string, unknown>) => {
    await changeSettings(t, admin.token, { smsGateway: gateway });
    return (await t.app.request('/api/v1/admin/settings', { headers: bearer(admin.token) })).json();
  };
  /** A signer with a phone orders a PIN; returns the SMS's message row id. */
  async function orderPin(phone: string) {
    const email = `gw${++n}@example.test`;
    const pdf = await makePdf('Contract');
    const res = await t.app.request('/api/v1/processes', { method: 'POST', headers: bearer(admin.token), body: processForm({ signers: [{ email, phone }] }, [{ name: 'c.pdf', bytes: pdf }]) });
    assert.equal(res.status, 201);
    const link = await signingPathFor(t.ctx, email);
    const ordered = await t.app.request(`${link}/pin/order`, { method: 'POST', headers: { Origin: 'http://localhost', 'Content-Type': 'application/x-www-form-urlencoded' }, body: '' });
    assert.equal(ordered.status, 303);
    const [sms] = await t.ctx.db.select().from(messages).where(eq(messages.recipient, phone));
    return sms.id;
  }
  const messageRow = async (id: string) => (await t.ctx.db.select().from(messages).where(eq(messages.id, id)))[0];
  const jobOf = async (id: string) => (await t.ctx.db.select().from(outboxJobs).where(eq(outboxJobs.dedupeKey, `deliver:${id}`)))[0];

  test('a JSON POST with Basic credentials, the number normalised, sent once; the password is never shown back or logged', async () => {
    const saved = await putSettings({ kind: 'http', url: `${peer.url}/sms/send`, method: 'POST', username: 'acme', password: 's3cret-pw' });
    assert.equal(saved.smsGateway.password, SECRET_MASK);
    const shown = await (await t.app.request('/api/v1/admin/settings', { headers: bearer(admin.token) })).json();
    assert.equal(shown.smsGateway.password, SECRET_MASK);
    const [logged] = await t.ctx.db.select().from(adminAuditEvents).where(eq(adminAuditEvents.action, 'setting_changed')).orderBy(desc(adminAuditEvents.id)).limit(1);
    assert.doesNotMatch(JSON.stringify(logged.details), /s3cret/);
    // Saving the form again with the mask keeps the secret.
    await putSettings({ timeoutSeconds: 2 });

    const id = await orderPin('+358 (40) 111-2233');
    assert.equal((await messageRow(id)).status, 'queued');
    await t.drain();
    assert.equal(peer.requests.length, 1);
    const [req] = peer.requests;
    assert.equal(req.method, 'POST');
    assert.equal(req.url, '/sms/send');
    assert.equal(req.headers.authorization, `Basic ${Buffer.from('acme:s3cret-pw').toString('base64')}`);
    assert.equal(req.headers['content-type'], 'application/json');
    const body = JSON.parse(req.body);
    assert.equal(body.to, '+358401112233');
    assert.match(body.text, /^Your signing PIN: \d{4}\. Valid for 10 minutes\. "Employment contract"\. Do not share it\.$/);
    assert.equal(body.id, id);
    assert.equal((await messageRow(id)).status, 'sent');
    await t.drain();
    assert.equal(peer.requests.length, 1, 'sent exactly once');
  });

  test('a gateway that fails or does not answer is retried until it accepts; the error names the host, not the URL', async () => {
    await putSettings({ kind: 'http', url: `${peer.url}/send?key=topsecret`, timeoutSeconds: 1 });
    peer.requests.length = 0;
    peer.answerNext({ status: 503, body: 'busy' }, 'hang');
    const id = await orderPin('+46701234567');

    await t.drain();
    let job = await jobOf(id);
    assert.match(job.lastError!, /^The SMS gateway at 127\.0\.0\.1:\d+ answered 503: busy$/);
    assert.equal((await messageRow(id)).status, 'queued');

    now = new Date(job.runAt.getTime() + 1000);
    await t.drain();
    job = await jobOf(id);
    assert.match(job.lastError!, /did not answer within 1 s/);
    assert.doesNotMatch(job.lastError!, /topsecret/);

    now = new Date(job.runAt.getTime() + 1000);
    await t.drain();
    assert.equal((await messageRow(id)).status, 'sent');
    assert.equal(peer.requests.length, 3);
    assert.ok(peer.requests.every((r) => JSON.parse(r.body).id === id), 'every try carries the same id for the gateway to drop duplicates');
  });

  test('a GET gateway gets the values URL-encoded in its URL; a form body is form-encoded', async () => {
    peer.requests.length = 0;
    await putSettings({ kind: 'http', method: 'GET', url: `${peer.url}/get?to={{to}}&msg={{text}}`, username: '', password: '', authorizationHeader: 'Bearer tok' });
    await orderPin('+4512345678');
    await t.drain();
    const url = new URL(peer.requests[0].url, peer.url);
    assert.equal(url.searchParams.get('to'), '+4512345678');
    assert.match(url.searchParams.get('msg')!, /^Your signing PIN: \d{4}\./);
    assert.equal(peer.requests[0].headers.authorization, 'Bearer tok');

    await putSettings({ method: 'POST', url: `${peer.url}/form`, contentType: 'application/x-www-form-urlencoded', bodyTemplate: 'to={{to}}&text={{text}}' });
    await orderPin('+4798765432');
    await t.drain();
    const form = new URLSearchParams(peer.requests[1].body);
    assert.equal(form.get('to'), '+4798765432');
    assert.match(form.get('text')!, /"Employment contract"/);
  });
});
