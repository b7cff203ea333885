// Signature blocks through the real app: blocks are signed in order, each by one of its named signers or by any
// member of its group (members are invited when the block opens, and only one of them signs it even when two
// click at once); each block's signature approves exactly its documents and message fields; the final PDFs list
// the blocks covering them; replacing a document withdraws the first block covering it and every later one.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { asc, eq, inArray } from 'drizzle-orm';
import { auditEvents, groups, processes, signatureBlocks, signers, users } from '../src/db/schema';
import { bearer, dbKinds, makePdf, processForm, startTestApp, type TestApp } from './harness';
import { readOutbox, signingPathFor } from './outbox-reader';

const form = { Origin: 'http://localhost', 'Content-Type': 'application/x-www-form-urlencoded' };

for (const kind of dbKinds) {
  describe(`signature blocks on ${kind}`, () => {
    let t: TestApp;
    let sender: Awaited<ReturnType<TestApp['user']>>;
    let n = 0;
    before(async () => {
      t = await startTestApp(kind);
      sender = await t.user();
    });
    after(() => t.close());

    const passwords = new Map<string, string>();
    /** A group with fresh members (accounts of this service: they re-enter their password to sign). */
    async function group(name: string, memberCount: number) {
      const id = randomUUID();
      await t.ctx.db.insert(groups).values({ id, name });
      const members: string[] = [];
      for (let i = 0; i < memberCount; i++) {
        const member = await t.user({ email: `${name.toLowerCase()}${i}-${n}@example.test` });
        await t.ctx.db.update(users).set({ groupId: id }).where(eq(users.id, member.id));
        members.push(member.email);
        passwords.set(member.email, member.password);
      }
      return { name, members };
    }
    async function start(process: Record<string, unknown>, docs = ['contract.pdf', 'annex.pdf']) {
      n++;
      return t.app.request('/api/v1/processes', {
        method: 'POST',
        headers: bearer(sender.token),
        body: processForm({ title: `Lease ${n}`, signatureMethods: ['button'], ...process }, await Promise.all(docs.map(async (name) => ({ name, bytes: await makePdf(`${name} ${n}`) })))),
      });
    }
    const page = async (email: string) => (await t.app.request(await signingPathFor(t.ctx, email))).text();
    const sign = async (email: string, blockId?: string) =>
      t.app.request(`${await signingPathFor(t.ctx, email)}/sign`, { method: 'POST', headers: form, body: new URLSearchParams({ method: 'button', ...(blockId ? { block: blockId } : {}), ...(passwords.has(email) ? { password: passwords.get(email)! } : {}) }).toString() });
    const blocksOf = (processId: string) => t.ctx.db.select().from(signatureBlocks).where(eq(signatureBlocks.processId, processId)).orderBy(asc(signatureBlocks.position));
    const statuses = async (processId: string) =>
      Object.fromEntries((await t.ctx.db.select().from(signers).where(eq(signers.processId, processId))).map((s) => [s.email, s.status]));
    const invitedSince = async (count: number) => (await readOutbox(t.ctx)).slice(count).filter((m) => m.template === 'invitation').map((m) => m.recipient).sort();

    test('blocks are signed in order, a group block by exactly one member, and each finals lists the blocks covering it', async () => {
      const finance = await group(`Finance${n}`, 2);
      const anna = `anna${n}@example.test`;
      const bert = `bert${n}@example.test`;
      const mailsBefore = (await readOutbox(t.ctx)).length;
      const res = await start({
        signers: [{ email: anna, name: 'Anna Landlord' }, { email: bert }],
        blocks: [
          { label: 'Approved by the landlord', documents: [0], fields: ['title'], signers: [anna] },
          { label: 'Accepted by Finance', group: finance.name },
          { label: 'Countersigned by the tenant', documents: [1], signers: [bert] },
        ],
      });
      assert.equal(res.status, 201, await res.clone().text());
      const p = await res.json();
      assert.deepEqual(p.blocks.map((b: { label: string; status: string; documents: string[] }) => [b.label, b.status, b.documents]), [
        ['Approved by the landlord', 'open', ['contract.pdf']],
        ['Accepted by Finance', 'waiting', ['contract.pdf', 'annex.pdf']],
        ['Countersigned by the tenant', 'waiting', ['annex.pdf']],
      ]);
      assert.deepEqual(await invitedSince(mailsBefore), [anna], 'only the first block’s signer is asked');
      assert.deepEqual(await statuses(p.id), { [anna]: 'invited', [bert]: 'waiting' });

      const annaPage = await page(anna);
      assert.match(annaPage, /<button type="submit" id="sign"[^>]*>\s*Approved by the landlord\s*<\/button>/, 'the block’s label is the sign button');
      assert.match(annaPage, /you approve exactly: contract\.pdf, the title/);
      const [first, second] = await blocksOf(p.id);

      // A page showing a block that is no longer open is refused rather than signing another block unseen.
      const stale = await sign(anna, second.id);
      assert.equal(stale.status, 409);
      assert.match(await stale.text(), /signed meanwhile/);
      assert.equal((await sign(anna, first.id)).status, 303);

      // The group's members are added as signers and invited; two click at the same moment: one signature.
      const afterFirst = await statuses(p.id);
      assert.equal(afterFirst[anna], 'signed');
      assert.deepEqual(finance.members.map((m) => afterFirst[m]), ['invited', 'invited']);
      const results = await Promise.all(finance.members.map((m) => sign(m, second.id)));
      assert.deepEqual(results.map((r) => r.status).sort(), [303, 409]);
      const loser = finance.members[results.findIndex((r) => r.status === 409)];
      const winner = finance.members.find((m) => m !== loser)!;
      const [, signedSecond] = await blocksOf(p.id);
      assert.equal(signedSecond.status, 'signed');
      assert.match(await page(loser), /Nothing is left for you to sign/);
      assert.equal((await statuses(p.id))[bert], 'invited');

      assert.equal((await sign(bert)).status, 303);
      const [done] = await t.ctx.db.select().from(processes).where(eq(processes.id, p.id));
      assert.equal(done.status, 'completed');
      const listed = (await (await t.app.request('/api/v1/processes?limit=all', { headers: bearer(sender.token) })).json()).processes.find((x: { id: string }) => x.id === p.id);
      assert.deepEqual([listed.signedCount, listed.blockCount, listed.signerCount], [3, 3, 4], 'the list counts blocks signed; the group’s members are signers');

      // Each signature approved exactly its block's documents and fields, and verifies.
      const records = (await blocksOf(p.id)).map((b) => JSON.parse(b.signRecord!));
      assert.deepEqual(records.map((r) => [r.block.label, r.documents.map((d: { filename: string }) => d.filename), r.fields]), [
        ['Approved by the landlord', ['contract.pdf'], { title: `Lease ${n}` }],
        ['Accepted by Finance', ['contract.pdf', 'annex.pdf'], {}],
        ['Countersigned by the tenant', ['annex.pdf'], {}],
      ]);
      const verify = await (await t.app.request(`/api/v1/processes/${p.id}/verify`, { headers: bearer(sender.token) })).json();
      assert.deepEqual(verify.signatures.map((s: { email: string; block: string; valid: boolean }) => [s.email, s.block, s.valid]), [
        [anna, 'Approved by the landlord', true],
        [winner, 'Accepted by Finance', true],
        [bert, 'Countersigned by the tenant', true],
      ]);
      // The title is part of the first block's signature: changing it shows.
      await t.ctx.db.update(processes).set({ title: 'Lease with other terms' }).where(eq(processes.id, p.id));
      const changed = await (await t.app.request(`/api/v1/processes/${p.id}/verify`, { headers: bearer(sender.token) })).json();
      assert.deepEqual(changed.signatures[0].problems, ['the title was changed after it was signed']);
      assert.ok(changed.signatures[1].valid);
      await t.ctx.db.update(processes).set({ title: `Lease ${n}` }).where(eq(processes.id, p.id));

      await t.drain();
      const dir = mkdtempSync(path.join(tmpdir(), 'blocks-'));
      const textOf = async (documentId: string) => {
        const file = path.join(dir, `${documentId}.pdf`);
        const bytes = await (await t.app.request(`/api/v1/processes/${p.id}/documents/${documentId}/final.pdf`, { headers: bearer(sender.token) })).arrayBuffer();
        writeFileSync(file, new Uint8Array(bytes));
        return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      };
      const contract = await textOf(p.documents[0].id);
      const annex = await textOf(p.documents[1].id);
      assert.match(contract, /1\. Approved by the landlord \(also approves the title of the process\)[\s\S]*Anna Landlord[\s\S]*2\. Accepted by Finance/);
      assert.doesNotMatch(contract, /Countersigned by the tenant/);
      assert.match(annex, /1\. Accepted by Finance[\s\S]*2\. Countersigned by the tenant/);
      assert.doesNotMatch(annex, /Approved by the landlord/);
      const finals = (await readOutbox(t.ctx)).filter((m) => m.template === 'completed').map((m) => m.recipient).sort();
      assert.deepEqual(finals, [anna, bert, sender.email, winner].sort(), 'the member who signed gets the finals; the other does not');
    });

    test('replacing a document withdraws the first block covering it and every later block; earlier blocks stay', async () => {
      const [anna, bert, carl] = ['anna', 'bert', 'carl'].map((x) => `${x}-r${n}@example.test`);
      const res = await start({
        signers: [{ email: anna }, { email: bert }, { email: carl }],
        blocks: [
          { label: 'Landlord', documents: [0], signers: [anna] },
          { label: 'Tenant', documents: [1], signers: [bert] },
          { label: 'Witness', fields: ['message'], documents: [], signers: [carl] },
        ],
        message: 'Signed in Helsinki',
      });
      assert.equal(res.status, 201, await res.clone().text());
      const p = await res.json();
      await sign(anna);
      await sign(bert);
      assert.deepEqual((await blocksOf(p.id)).map((b) => b.status), ['signed', 'signed', 'open']);
      const [contract, annex] = p.documents;
      const replace = async (documentId: string, confirm: boolean) => {
        const body = new FormData();
        body.set('file', new Blob([(await makePdf('corrected')) as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }), 'corrected.pdf');
        if (confirm) body.set('confirm', 'true');
        return t.app.request(`/api/v1/processes/${p.id}/documents/${documentId}`, { method: 'PUT', headers: bearer(sender.token), body });
      };

      const warned = await replace(annex.id, false);
      assert.equal(warned.status, 409);
      assert.match((await warned.json()).error.message, /withdraws the signatures of block "Tenant" \(bert-r\d+@example\.test\): they must sign again/);
      assert.deepEqual((await blocksOf(p.id)).map((b) => b.status), ['signed', 'signed', 'open'], 'nothing changes unconfirmed');

      const before = (await readOutbox(t.ctx)).length;
      const replaced = await replace(annex.id, true);
      assert.equal(replaced.status, 200, await replaced.clone().text());
      assert.deepEqual((await replaced.json()).withdrawn, [bert]);
      assert.deepEqual((await blocksOf(p.id)).map((b) => b.status), ['signed', 'open', 'waiting'], 'the landlord’s block did not cover the annex');
      assert.deepEqual(await statuses(p.id), { [anna]: 'signed', [bert]: 'invited', [carl]: 'waiting' });
      const told = (await readOutbox(t.ctx)).slice(before);
      assert.deepEqual(told.map((m) => m.recipient), [bert]);
      assert.match(told[0].text, /replaced the document corrected\.pdf with a new version/);

      // Replacing the contract now withdraws the landlord's block too (and the tenant's again, after it).
      await sign(bert);
      const again = await replace(contract.id, true);
      assert.deepEqual((await again.json()).withdrawn, [anna, bert]);
      assert.deepEqual((await blocksOf(p.id)).map((b) => b.status), ['open', 'waiting', 'waiting']);
      assert.deepEqual(await statuses(p.id), { [anna]: 'invited', [bert]: 'waiting', [carl]: 'waiting' });
      const audit = await t.ctx.db.select().from(auditEvents).where(eq(auditEvents.processId, p.id));
      assert.ok(audit.some((e) => e.type === 'signature_withdrawn' && e.message.includes(`${anna} on block 1 "Landlord"`)));
      assert.ok(audit.some((e) => e.type === 'invitation_sent' && e.message.startsWith(`Told ${bert}`)), 'the tenant is told now and asked when the block opens');
      const [row] = await t.ctx.db.select().from(processes).where(eq(processes.id, p.id));
      assert.equal(row.signedCount, 0);

      for (const who of [anna, bert, carl]) assert.equal((await sign(who)).status, 303, who);
      assert.equal((await t.ctx.db.select().from(processes).where(eq(processes.id, p.id)))[0].status, 'completed');
    });

    test('a signer named in two blocks is told their turn comes again, and is invited again when it does', async () => {
      const [anna, bert] = [`anna-twice${n}@example.test`, `bert-twice${n}@example.test`];
      const res = await start({
        signers: [{ email: anna }, { email: bert }],
        blocks: [{ label: 'Offer', signers: [anna] }, { label: 'Acceptance', signers: [bert] }, { label: 'Confirmation', signers: [anna] }],
      });
      const p = await res.json();
      await sign(anna);
      assert.match(await page(anna), /you will get an email when it is your turn/);
      const invitationsTo = async () => (await readOutbox(t.ctx)).filter((m) => m.template === 'invitation' && m.recipient === anna).length;
      assert.equal(await invitationsTo(), 1);
      await sign(bert);
      assert.equal(await invitationsTo(), 2, 'asked again for the confirmation');
      assert.match(await page(anna), />\s*Confirmation\s*<\/button>/);
      assert.equal((await sign(anna)).status, 303);
      assert.match(await page(anna), /Everyone has signed: this process is completed/);
      assert.deepEqual((await blocksOf(p.id)).map((b) => b.status), ['signed', 'signed', 'signed']);
    });

    test('a member who left the group can no longer sign its block; another member can', async () => {
      const legal = await group(`Legal${n}`, 2);
      const res = await start({ signers: [], blocks: [{ label: 'Legal review', group: legal.name }] });
      assert.equal(res.status, 201, await res.clone().text());
      const p = await res.json();
      const [leaver, stayer] = legal.members;
      await t.ctx.db.update(users).set({ groupId: null }).where(eq(users.email, leaver));
      const refused = await sign(leaver);
      assert.equal(refused.status, 409);
      assert.equal((await blocksOf(p.id))[0].status, 'open');
      assert.equal((await sign(stayer)).status, 303);
      assert.equal((await t.ctx.db.select().from(processes).where(eq(processes.id, p.id)))[0].status, 'completed');
    });

    test('a block is refused when it names someone who is not a signer, an unknown group, a missing document, or forwarding is on', async () => {
      const anna = 'anna-v@example.test';
      const refused = async (process: Record<string, unknown>, pattern: RegExp) => {
        const res = await start({ signers: [{ email: anna }], ...process });
        assert.equal(res.status, 400, await res.clone().text());
        assert.match(JSON.stringify(await res.json()), pattern);
      };
      await refused({ blocks: [{ label: 'A', signers: ['zed@example.test'] }] }, /zed@example\.test is not one of the signers/);
      await refused({ blocks: [{ label: 'A', signers: [anna] }, { label: 'B', group: 'Nobody' }] }, /there is no group Nobody/);
      await refused({ blocks: [{ label: 'A', signers: [anna], documents: [2] }] }, /there is no document number 3/);
      await refused({ blocks: [{ label: 'A', signers: [anna], documents: [] }] }, /covers nothing/);
      await refused({ allowForward: true, blocks: [{ label: 'A', signers: [anna] }] }, /cannot be forwarded/);
      await refused({ signers: [{ email: anna }, { email: 'bo@example.test' }], blocks: [{ label: 'A', signers: [anna] }] }, /signs no signature block/);
      const empty = randomUUID();
      await t.ctx.db.insert(groups).values({ id: empty, name: `Empty${n}` });
      await refused({ blocks: [{ label: 'A', signers: [anna] }, { label: 'B', group: `Empty${n}` }] }, /has no members/);
      const stillThere = await t.ctx.db.select().from(signers).where(inArray(signers.email, [anna]));
      assert.equal(stillThere.length, 0, 'nothing was stored');
    });
  });
}
