// The XML API through the real app on PGlite and PostgreSQL: off by default, keys (hashed, revocable, per-key
// addresses), start / status / final documents through the one start path, schema validation (also checked with
// the xmllint command), XML errors, authorisation per process, and refusal of DTD attacks without any fetch.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { processes, xmlApiKeys } from '../src/db/schema';
import { createXmlApiKey } from '../src/domain/xml-api/create-xml-api-key';
import { revokeXmlApiKey } from '../src/domain/xml-api/revoke-xml-api-key';
import { hashToken } from '../src/domain/secrets';
import { bearer, changeSettings, dbKinds, makePdf, processForm, startTestApp, type TestApp } from './harness';
import { signingPathFor } from './outbox-reader';

const NS = 'urn:secure-signature:xml-api:1';
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

export function startRequestXml(pdf: Uint8Array, o: { title?: string; emails?: string[]; phone?: string } = {}): string {
  const signers = (o.emails ?? ['anna@example.test', 'bob@example.test'])
    .map(
      (email, i) =>
        `<Signer><Email>${email}</Email><Name>Signer ${i + 1}</Name>${i === 0 ? `${o.phone ? `<Phone>${o.phone}</Phone>` : ''}<Organization>Acme &amp; Co</Organization><JobTitle>CFO</JobTitle>` : ''}</Signer>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<StartProcessRequest xmlns="${NS}">
  <Title>${o.title ?? 'Lease &lt;2026&gt;'}</Title>
  <Message>Please sign</Message>
  <Language>en</Language>
  <Signers>${signers}</Signers>
  <SigningOrder>true</SigningOrder>
  <SignatureMethods><Method>button</Method></SignatureMethods>
  <Options><ForceDownload>true</ForceDownload><SignaturePagePosition>first</SignaturePagePosition></Options>
  <Documents><Document filename="lease.pdf">${Buffer.from(pdf).toString('base64')}</Document></Documents>
</StartProcessRequest>`;
}

const statusXml = (id: string, root = 'StatusRequest') => `<${root} xmlns="${NS}"><ProcessId>${id}</ProcessId></${root}>`;
const tag = (xml: string, name: string) => xml.match(new RegExp(`<${name}>([^<]*)</${name}>`))?.[1];

for (const kind of dbKinds) {
  describe(`XML API on ${kind}`, () => {
    let t: TestApp;
    let pdf: Uint8Array;
    let admin: Awaited<ReturnType<TestApp['user']>>;
    let key: string;
    before(async () => {
      t = await startTestApp(kind);
      pdf = await makePdf('Lease', 1);
      admin = await t.user({ isAdmin: true });
      key = (await createXmlApiKey({ ...t.ctx, actor: { id: admin.id, email: admin.email, name: null, isAdmin: true, privileges: [] } }, { name: 'ERP', allowedIps: [] })).key;
    });
    after(() => t.close());

    const post = (body: string, k: string | null = key, headers: Record<string, string> = {}) =>
      t.app.request('/api/xml', { method: 'POST', headers: { 'Content-Type': 'application/xml', ...(k ? bearer(k) : {}), ...headers }, body });
    const countProcesses = async () => (await t.ctx.db.select({ id: processes.id }).from(processes)).length;

    test('the API is off by default and answers with an XML error', async () => {
      const res = await post(statusXml('3f2504e0-4f89-11d3-9a0c-0305e82c3301'));
      assert.equal(res.status, 403);
      assert.match(res.headers.get('content-type')!, /application\/xml/);
      const body = await res.text();
      assert.equal(tag(body, 'Code'), 'forbidden');
      assert.match(tag(body, 'Message')!, /not enabled/);
      await changeSettings(t, admin.token, { xmlApi: { enabled: true } });
    });

    test('the key is stored only as its hash', async () => {
      const rows = await t.ctx.db.select().from(xmlApiKeys);
      assert.equal(rows.length, 1);
      assert.equal(rows[0].keyHash, hashToken(key));
      assert.ok(!JSON.stringify(rows).includes(key));
    });

    test('a start request starts a process through the same path as the REST API; status and final documents follow', async () => {
      const res = await post(startRequestXml(pdf));
      const body = await res.text();
      assert.equal(res.status, 201, body);
      const id = tag(body, 'ProcessId')!;
      assert.equal(tag(body, 'Status'), 'pending');
      assert.equal(tag(body, 'Title'), 'Lease &lt;2026&gt;');
      // Signing order: the first is invited, the second waits.
      assert.deepEqual([...body.matchAll(/<Status>(\w+)<\/Status>/g)].map((m) => m[1]), ['pending', 'invited', 'waiting']);

      // The admin who created the key is the sender and sees the process in the REST API with every detail.
      const view = await (await t.app.request(`/api/v1/processes/${id}`, { headers: bearer(admin.token) })).json();
      assert.equal(view.title, 'Lease <2026>');
      assert.equal(view.sender.email, admin.email);
      assert.equal(view.signingOrder, true);
      assert.equal(view.forceDownload, true);
      assert.equal(view.signaturePagePosition, 'first');
      assert.deepEqual(view.signatureMethods, ['button']);
      assert.deepEqual(
        view.signers.map((s: any) => [s.email, s.name, s.phone, s.organization, s.jobTitle]),
        [['anna@example.test', 'Signer 1', null, 'Acme & Co', 'CFO'], ['bob@example.test', 'Signer 2', null, null, null]],
      );
      assert.equal(view.documents[0].sha256, sha256(pdf));
      const withPhone = tag(await (await post(startRequestXml(pdf, { title: 'Phone', phone: '+358 40 123 4567', emails: ['phone@example.test'] }))).text(), 'ProcessId');
      const phoneView = await (await t.app.request(`/api/v1/processes/${withPhone}`, { headers: bearer(admin.token) })).json();
      assert.equal(phoneView.signers[0].phone, '+358 40 123 4567');

      const early = await post(statusXml(id, 'DocumentsRequest'));
      assert.equal(early.status, 409);
      assert.equal(tag(await early.text(), 'Code'), 'conflict');

      for (const email of ['anna@example.test', 'bob@example.test']) {
        const link = await signingPathFor(t.ctx, email);
        // forceDownload: the signer downloads first.
        await t.app.request(link);
        await t.app.request(`${link}/documents/${view.documents[0].id}?download=1`);
        const signed = await t.app.request(`${link}/sign`, { method: 'POST', headers: { Origin: 'http://localhost', 'Content-Type': 'application/x-www-form-urlencoded' }, body: '' });
        assert.equal(signed.status, 303, await signed.text());
      }
      await t.drain();

      const status = await (await post(statusXml(id))).text();
      assert.deepEqual([...status.matchAll(/<Status>(\w+)<\/Status>/g)].map((m) => m[1]), ['completed', 'signed', 'signed']);
      const docs = await post(statusXml(id, 'DocumentsRequest'));
      const docsXml = await docs.text();
      assert.equal(docs.status, 200, docsXml);
      const m = docsXml.match(/<Document filename="([^"]+)" sha256="([0-9a-f]{64})">([^<]+)<\/Document>/)!;
      const final = new Uint8Array(Buffer.from(m[3], 'base64'));
      assert.equal(sha256(final), m[2]);
      // The sealed PDF is an incremental update: the uploaded bytes are its exact prefix.
      assert.deepEqual(final.subarray(0, pdf.length), pdf);
      assert.match(m[1], /\.pdf$/);
      // The documents answer matches the published schema too (the xmllint command as an independent check).
      const dir = mkdtempSync(path.join(tmpdir(), 'ss-xsd-'));
      try {
        writeFileSync(path.join(dir, 'schema.xsd'), await (await t.app.request('/api/xml/schema.xsd')).text());
        writeFileSync(path.join(dir, 'documents.xml'), docsXml);
        execFileSync('xmllint', ['--noout', '--nonet', '--schema', path.join(dir, 'schema.xsd'), path.join(dir, 'documents.xml')], { stdio: 'pipe' });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    test('the published schema accepts the example and our answers, checked with the xmllint command too', async () => {
      const xsd = await t.app.request('/api/xml/schema.xsd');
      assert.equal(xsd.status, 200);
      const dir = mkdtempSync(path.join(tmpdir(), 'ss-xsd-'));
      try {
        writeFileSync(path.join(dir, 'schema.xsd'), await xsd.text());
        const started = await (await post(startRequestXml(pdf, { title: 'Schema check' }))).text();
        const files = { 'request.xml': startRequestXml(pdf), 'answer.xml': started, 'error.xml': await (await post('<nope/>')).text() };
        for (const [name, xml] of Object.entries(files)) {
          writeFileSync(path.join(dir, name), xml);
          execFileSync('xmllint', ['--noout', '--nonet', '--schema', path.join(dir, 'schema.xsd'), path.join(dir, name)], { stdio: 'pipe' });
        }
        writeFileSync(path.join(dir, 'bad.xml'), startRequestXml(pdf).replace(/<Title>.*<\/Title>/, ''));
        assert.throws(() => execFileSync('xmllint', ['--noout', '--schema', path.join(dir, 'schema.xsd'), path.join(dir, 'bad.xml')], { stdio: 'pipe' }));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    test('signature blocks by XML: documents numbered from 1, message fields, named signers; the answer shows each block, valid by xmllint', async () => {
      const pdf2 = await makePdf('Annex', 1);
      const request = startRequestXml(pdf, { title: 'Blocks by XML', emails: ['xa@example.test', 'xb@example.test'] })
        .replace('<SigningOrder>true</SigningOrder>', '')
        .replace(
          '<Documents>',
          '<SignatureBlocks><Block><Label>Landlord</Label><DocumentNumber>2</DocumentNumber><Field>title</Field><Signer>xa@example.test</Signer></Block>' +
            '<Block><Label>Tenant</Label><Signer>xb@example.test</Signer></Block></SignatureBlocks><Documents>',
        )
        .replace('</Documents>', `<Document filename="annex.pdf">${Buffer.from(pdf2).toString('base64')}</Document></Documents>`);
      const res = await post(request);
      const body = await res.text();
      assert.equal(res.status, 201, body);
      assert.match(body, /<SignatureBlocks><Block><Position>1<\/Position><Label>Landlord<\/Label><Status>open<\/Status><\/Block><Block><Position>2<\/Position><Label>Tenant<\/Label><Status>waiting<\/Status><\/Block><\/SignatureBlocks>/);
      const view = await (await t.app.request(`/api/v1/processes/${tag(body, 'ProcessId')}`, { headers: bearer(admin.token) })).json();
      assert.deepEqual(view.blocks.map((b: { label: string; documents: string[]; fields: string[]; signers: string[] }) => [b.label, b.documents, b.fields, b.signers]), [
        ['Landlord', ['annex.pdf'], ['title'], ['xa@example.test']],
        ['Tenant', ['lease.pdf', 'annex.pdf'], [], ['xb@example.test']],
      ]);
      const dir = mkdtempSync(path.join(tmpdir(), 'ss-xsd-blocks-'));
      try {
        writeFileSync(path.join(dir, 'schema.xsd'), await (await t.app.request('/api/xml/schema.xsd')).text());
        for (const [name, xml] of Object.entries({ 'request.xml': request, 'answer.xml': body })) {
          writeFileSync(path.join(dir, name), xml);
          execFileSync('xmllint', ['--noout', '--nonet', '--schema', path.join(dir, 'schema.xsd'), path.join(dir, name)], { stdio: 'pipe' });
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
      // A block naming both signers and a group does not match the schema.
      const both = await post(request.replace('<Signer>xb@example.test</Signer></Block>', '<Signer>xb@example.test</Signer><Group>Legal</Group></Block>'));
      assert.equal(both.status, 400);
    });

    test('a request that does not match the schema is refused with the reason, and nothing is stored', async () => {
      const before = await countProcesses();
      const noTitle = await post(startRequestXml(pdf).replace(/<Title>.*<\/Title>/, ''));
      assert.equal(noTitle.status, 400);
      const body = await noTitle.text();
      assert.equal(tag(body, 'Code'), 'invalid_input');
      assert.match(tag(body, 'Message')!, /schema.*Title/s);
      const badEmail = await post(startRequestXml(pdf, { emails: ['not-an-email'] }));
      assert.equal(badEmail.status, 400);
      const notPdf = await post(startRequestXml(new TextEncoder().encode('hello, not a PDF')));
      assert.equal(notPdf.status, 415);
      assert.match(tag(await notPdf.text(), 'Message')!, /not a PDF/);
      // The report template id reaches the start policy (an unknown one is refused there, naming the field).
      const template = await post(startRequestXml(pdf).replace('<Options>', '<ReportTemplateId>3f2504e0-4f89-11d3-9a0c-0305e82c3301</ReportTemplateId><Options>'));
      assert.equal(template.status, 400);
      assert.equal(tag(await template.text(), 'Field'), 'reportTemplateId');
      const broken = await post('<StartProcessRequest xmlns="urn:secure-signature:xml-api:1"><Title>');
      assert.equal(broken.status, 400);
      assert.equal(await countProcesses(), before);
    });

    test('a report template is chosen by name or id, as the start policy allows', async () => {
      const created = await t.app.request('/api/v1/admin/report-templates', {
        method: 'POST',
        headers: { ...bearer(admin.token), 'Content-Type': 'application/json' },
        body: JSON.stringify({ name: 'Board & co', emailRecipients: ['board@example.test'] }),
      });
      assert.equal(created.status, 201, await created.clone().text());
      const templateId = (await created.json()).id;
      await changeSettings(t, admin.token, { reports: { templateChoice: 'user_chooses' } });
      const byName = await post(startRequestXml(pdf, { title: 'Named' }).replace('<Options>', '<ReportTemplate>Board &amp; co</ReportTemplate><Options>'));
      assert.equal(byName.status, 201, await byName.clone().text());
      const [row] = await t.ctx.db.select().from(processes).where(eq(processes.id, tag(await byName.text(), 'ProcessId')!));
      assert.equal(row.reportTemplateId, templateId);
      const unknown = await post(startRequestXml(pdf).replace('<Options>', '<ReportTemplate>Nobody</ReportTemplate><Options>'));
      assert.equal(unknown.status, 400);
      assert.equal(tag(await unknown.text(), 'Field'), 'reportTemplate');
      await changeSettings(t, admin.token, { reports: { templateChoice: 'default_forced' } });
    });

    test('no key, an unknown key and a revoked key are refused', async () => {
      const id = tag(await (await post(startRequestXml(pdf, { title: 'Revocable' }))).text(), 'ProcessId')!;
      assert.equal((await post(statusXml(id), null)).status, 401);
      assert.equal((await post(statusXml(id), 'ssx_' + 'A'.repeat(43))).status, 401);
      const actor = { id: admin.id, email: admin.email, name: null, isAdmin: true, privileges: [] };
      const other = await createXmlApiKey({ ...t.ctx, actor }, { name: 'Temporary', allowedIps: [] });
      // Any key of the organisation reads the processes started with another.
      assert.equal((await post(statusXml(id), other.key)).status, 200);
      await revokeXmlApiKey({ ...t.ctx, actor }, { keyId: other.id });
      const revoked = await post(statusXml(id), other.key);
      assert.equal(revoked.status, 401);
      assert.equal(tag(await revoked.text(), 'Code'), 'unauthorized');
      assert.equal((await t.ctx.db.select().from(xmlApiKeys).where(eq(xmlApiKeys.id, other.id)))[0].revokedAt instanceof Date, true);
    });

    test('processes not started through the XML API are not found, like unknown ids', async () => {
      const u = await t.user();
      const rest = await t.app.request('/api/v1/processes', { method: 'POST', headers: bearer(u.token), body: processForm({ title: 'REST', signers: [{ email: 'c@example.test' }] }, [{ name: 'a.pdf', bytes: pdf }]) });
      assert.equal(rest.status, 201);
      const restId = (await rest.json()).id;
      for (const id of [restId, '3f2504e0-4f89-11d3-9a0c-0305e82c3301']) {
        for (const root of ['StatusRequest', 'DocumentsRequest']) {
          const res = await post(statusXml(id, root));
          assert.equal(res.status, 404);
          assert.equal(tag(await res.text(), 'Code'), 'not_found');
        }
      }
    });
  });
}
