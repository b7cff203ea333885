// Attacks on the XML API through a real HTTP server: DTD tricks (external entities to a file and to a local
// server that must see no request, billion laughs, entities hidden in numeric references) answer 400 before any
// parser expands anything; oversized bodies answer 413 before they are read; the client address comes from the
// connection unless it arrives through a trusted proxy, so a spoofed X-Forwarded-For changes nothing (even with
// TRUST_PROXY on for the rest of the site). On PGlite only: none of this depends on the database.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { serve } from '@hono/node-server';
import { createXmlApiKey } from '../src/domain/xml-api/create-xml-api-key';
import { changeSettings, startTestApp, type TestApp } from './harness';

const NS = 'urn:secure-signature:xml-api:1';
const UNKNOWN = '3f2504e0-4f89-11d3-9a0c-0305e82c3301';
const status = (inner = UNKNOWN) => `<StatusRequest xmlns="${NS}"><ProcessId>${inner}</ProcessId></StatusRequest>`;
const tag = (xml: string, name: string) => xml.match(new RegExp(`<${name}>([^<]*)</${name}>`))?.[1];

describe('XML API against attacks', () => {
  let t: TestApp;
  let admin: Awaited<ReturnType<TestApp['user']>>;
  let key: string;
  let base: string;
  let server: ReturnType<typeof serve>;
  let bait: Server;
  let baitHits = 0;
  let baitUrl: string;
  const actor = () => ({ id: admin.id, email: admin.email, name: null, isAdmin: true, privileges: [] });

  before(async () => {
    t = await startTestApp('pglite', { TRUST_PROXY: 'true', MAX_REQUEST_MB: '1' });
    admin = await t.user({ isAdmin: true });
    key = (await createXmlApiKey({ ...t.ctx, actor: actor() }, { name: 'ERP', allowedIps: [] })).key;
    await changeSettings(t, admin.token, { xmlApi: { enabled: true } });
    server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((r) => server.once('listening', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    bait = createServer((_req, res) => {
      baitHits++;
      res.end('<!ENTITY leak "x">');
    });
    await new Promise<void>((r) => bait.listen(0, '127.0.0.1', r));
    baitUrl = `http://127.0.0.1:${(bait.address() as AddressInfo).port}/evil.dtd`;
  });
  after(async () => {
    await new Promise((r) => server.close(r));
    await new Promise((r) => bait.close(r));
    await t.close();
  });

  const post = (body: string | Uint8Array<ArrayBuffer>, headers: Record<string, string> = {}, k = key) =>
    fetch(`${base}/api/xml`, { method: 'POST', headers: { 'Content-Type': 'application/xml', Authorization: `Bearer ${k}`, ...headers }, body });

  test('DTD attacks are refused with 400 before anything is expanded or fetched', async () => {
    const payloads = {
      'external entity to a file': `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>${status('&x;')}`,
      'external entity to a server': `<!DOCTYPE r [<!ENTITY x SYSTEM "${baitUrl}">]>${status('&x;')}`,
      'external parameter entity': `<!DOCTYPE r [<!ENTITY % p SYSTEM "${baitUrl}"> %p;]>${status()}`,
      'external DTD': `<!DOCTYPE StatusRequest SYSTEM "${baitUrl}">${status()}`,
      'billion laughs': `<!DOCTYPE r [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;"><!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;"><!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;"><!ENTITY i "&h;&h;&h;&h;&h;&h;&h;&h;&h;&h;">]>${status('&i;')}`,
      'entity hidden in numeric references': `<!DOCTYPE r [<!ENTITY % a "&#x3C;!ENTITY &#x25; b SYSTEM '${baitUrl}'>"> %a; %b;]>${status()}`,
      'lower-case doctype': `<!doctype r [<!ENTITY x SYSTEM "file:///etc/passwd">]>${status('&x;')}`,
    };
    for (const [name, xml] of Object.entries(payloads)) {
      const res = await post(xml);
      const body = await res.text();
      assert.equal(res.status, 400, `${name}: ${body}`);
      assert.equal(tag(body, 'Code'), 'invalid_input', name);
      assert.match(tag(body, 'Message')!, /DOCTYPE/, name);
      assert.doesNotMatch(body, /root:/, name);
    }
    assert.equal(baitHits, 0, 'the bait server was never asked');
  });

  test('numeric character references in content are plain characters and work', async () => {
    // Any other text than a process id fails the schema, so the reference was read as a character, not expanded.
    const res = await post(status('&#x33;f2504e0-4f89-11d3-9a0c-0305e82c3301'));
    assert.equal(res.status, 404, await res.clone().text());
    assert.equal(tag(await res.text(), 'Code'), 'not_found');
  });

  test('documents that are not UTF-8 are refused', async () => {
    const utf16 = new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(status(), 'utf16le')]));
    const res = await post(utf16);
    assert.equal(res.status, 400);
    assert.match(tag(await res.text(), 'Message')!, /UTF-8/);
    const latin1 = await post(`<?xml version="1.0" encoding="ISO-8859-1"?>${status()}`);
    assert.equal(latin1.status, 400);
  });

  test('a body over the limit is refused with 413 before it is read', async () => {
    let pulled = 0;
    const chunk = new Uint8Array(64 * 1024).fill(0x20);
    const total = 8 * 1024 * 1024;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled >= total) return controller.close();
        pulled += chunk.length;
        controller.enqueue(chunk);
      },
    });
    // No Content-Length (chunked): read only until the limit is passed.
    const res = await t.app.request('/api/xml', { method: 'POST', headers: { Authorization: `Bearer ${key}` }, body, duplex: 'half' } as RequestInit);
    assert.equal(res.status, 413);
    assert.equal(tag(await res.text(), 'Code'), 'too_large');
    assert.ok(pulled < total / 2, `read ${pulled} of ${total} bytes`);
    // With a Content-Length over the limit, nothing is read at all.
    let read = 0;
    const declared = new ReadableStream<Uint8Array>({ pull: (c) => void ((read += chunk.length), c.enqueue(chunk)) });
    const big = await t.app.request('/api/xml', { method: 'POST', headers: { Authorization: `Bearer ${key}`, 'Content-Length': String(total) }, body: declared, duplex: 'half' } as RequestInit);
    assert.equal(big.status, 413);
    assert.ok(read <= chunk.length * 2, `read ${read} bytes`);
  });

  test('allowed addresses use the connection address; X-Forwarded-For counts only from a trusted proxy', async () => {
    await changeSettings(t, admin.token, { xmlApi: { enabled: true, allowedIps: ['192.0.2.0/24'], trustedProxies: [] } });
    const spoofed = await post(status(), { 'X-Forwarded-For': '192.0.2.9' });
    assert.equal(spoofed.status, 403);
    assert.match(tag(await spoofed.text(), 'Message')!, /address/);

    // Our own address is a trusted proxy: now the forwarded client counts, read from the right.
    await changeSettings(t, admin.token, { xmlApi: { enabled: true, allowedIps: ['192.0.2.0/24'], trustedProxies: ['127.0.0.1'] } });
    assert.equal((await post(status(), { 'X-Forwarded-For': '192.0.2.9' })).status, 404);
    assert.equal((await post(status(), { 'X-Forwarded-For': '192.0.2.9, 127.0.0.1' })).status, 404);
    // A client that prepends an allowed address to its real one gains nothing.
    assert.equal((await post(status(), { 'X-Forwarded-For': '192.0.2.9, 203.0.113.5' })).status, 403);
    assert.equal((await post(status())).status, 403);

    // A key's own list narrows further.
    const narrow = (await createXmlApiKey({ ...t.ctx, actor: actor() }, { name: 'Narrow', allowedIps: ['192.0.2.128/25'] })).key;
    const refused = await post(status(), { 'X-Forwarded-For': '192.0.2.9' }, narrow);
    assert.equal(refused.status, 403);
    assert.match(tag(await refused.text(), 'Message')!, /key may not be used from this address/);
    assert.equal((await post(status(), { 'X-Forwarded-For': '192.0.2.200' }, narrow)).status, 404);
    await changeSettings(t, admin.token, { xmlApi: { enabled: true, allowedIps: [], trustedProxies: [] } });
  });

  test('bad addresses in the settings are refused with the field named', async () => {
    await assert.rejects(changeSettings(t, admin.token, { xmlApi: { enabled: true, allowedIps: ['not-an-address'] } }), /xmlApi\.allowedIps/);
    await assert.rejects(createXmlApiKey({ ...t.ctx, actor: actor() }, { name: 'x', allowedIps: ['300.1.1.1'] }), /not an IP address/);
  });
});
