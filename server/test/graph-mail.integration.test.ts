// Email through Microsoft Graph, driven by the real MSAL (client credentials) and Graph client against a local
// HTTPS stand-in of Entra's token endpoint and Graph's sendMail: every message arrives once as MIME, S/MIME
// final documents stay encrypted, and a 429 or 503 from Graph is retried through the outbox, neither lost nor
// doubled. On PGlite and PostgreSQL.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { simpleParser } from 'mailparser';
import { documents, messages } from '../src/db/schema';
import { saveRecipientCertificate } from '../src/domain/secure-mail/save-recipient-certificate';
import { bearer, changeSettings, dbKinds, makePdf, processForm, startTestApp, type TestApp } from './harness';
import { startGraphStandIn, type GraphStandIn } from './graph-stand-in';
import { signingPathFor } from './outbox-reader';
import { makeRecipientCertificate, opensslDecrypt } from './smime-tools';

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

for (const kind of dbKinds) {
  describe(`Microsoft Graph mail on ${kind}`, () => {
    let t: TestApp;
    let graph: GraphStandIn;
    let admin: Awaited<ReturnType<TestApp['user']>>;
    let now = new Date(); // recipient certificates made by openssl are valid from the real now
    let n = 0;
    before(async () => {
      graph = await startGraphStandIn();
      // No SMTP_URL: with Graph chosen, mail goes out all the same.
      t = await startTestApp(kind, {}, { clock: () => now });
      admin = await t.user({ isAdmin: true });
      await changeSettings(t, admin.token, {
        mailTransport: {
          kind: 'graph',
          graphTenantId: graph.tenantId,
          graphClientId: graph.clientId,
          graphClientSecret: graph.clientSecret,
          graphSender: 'sign@contoso.test',
          graphAuthorityHost: graph.url,
          graphEndpoint: graph.url,
        },
        startForm: { senderAddress: 'Contoso Signatures <sign@contoso.test>' },
      });
    });
    after(async () => {
      await t.close();
      await graph.close();
    });

    async function start(title: string, signer: string) {
      const sender = await t.user();
      const res = await t.app.request('/api/v1/processes', { method: 'POST', headers: bearer(sender.token), body: processForm({ title, signers: [{ email: signer }] }, [{ name: 'deal.pdf', bytes: await makePdf(title) }]) });
      assert.equal(res.status, 201, await res.clone().text());
      return res.json();
    }
    const mimeTo = async (email: string) => {
      const out = [];
      for (const s of graph.sent) {
        const parsed = await simpleParser(s.mime);
        if (parsed.to && !Array.isArray(parsed.to) && parsed.to.value[0]?.address === email) out.push({ ...s, parsed });
      }
      return out;
    };

    test('an invitation goes through Graph sendMail once, as MIME from the configured mailbox, with an app token', async () => {
      const email = `graph${++n}@partner.test`;
      await start('Graph contract', email);
      await t.drain();
      const mails = await mimeTo(email);
      assert.equal(mails.length, 1);
      assert.equal(mails[0].sender, 'sign@contoso.test');
      assert.match(mails[0].parsed.subject ?? '', /Graph contract/);
      assert.match(mails[0].parsed.text ?? '', /http:\/\/localhost:3999\/s\/[A-Za-z0-9_-]{43}/);
      assert.match(mails[0].parsed.messageId ?? '', /@localhost>$/);
      assert.ok(graph.tokensIssued() >= 1, 'MSAL fetched a token from the token endpoint');
      const [row] = await t.ctx.db.select().from(messages).where(eq(messages.recipient, email));
      assert.equal(row.status, 'sent');
    });

    test('a 429 and then a 503 from Graph are retried through the outbox: the message arrives once', async () => {
      const email = `retry${++n}@partner.test`;
      graph.failNext(429, 503);
      const callsBefore = graph.sendMailCalls();
      await start('Retried contract', email);
      await t.drain();
      const [failed] = await t.ctx.db.select().from(messages).where(eq(messages.recipient, email));
      assert.equal(failed.status, 'queued', 'not lost: still to be sent');
      assert.equal((await mimeTo(email)).length, 0);
      for (let i = 0; i < 2; i++) {
        now = new Date(now.getTime() + 3600_000); // past the outbox's backoff
        await t.drain();
      }
      assert.equal(graph.sendMailCalls() - callsBefore, 3, 'three calls: 429, 503, accepted');
      assert.equal((await mimeTo(email)).length, 1, 'arrived exactly once');
      const [sent] = await t.ctx.db.select().from(messages).where(eq(messages.recipient, email));
      assert.equal(sent.status, 'sent');
      now = new Date(now.getTime() + 3600_000);
      await t.drain();
      assert.equal((await mimeTo(email)).length, 1, 'nothing sent again');
    });

    test('final documents for a recipient with a certificate go through Graph S/MIME-encrypted; openssl decrypts the stored final', async () => {
      const email = `graphenc${++n}@partner.test`;
      const cert = makeRecipientCertificate(email);
      now = new Date(Math.max(now.getTime(), Date.now() + 1000)); // the certificate is valid from the real now on
      await saveRecipientCertificate(t.ctx, { email, certificate: cert.certPem, source: 'directory' });
      await changeSettings(t, admin.token, { secureDelivery: { externalMode: 'smime_or_link' } });
      try {
        const process = await start('Encrypted through Graph', email);
        await t.drain();
        const signed = await t.app.request(`${await signingPathFor(t.ctx, email)}/sign`, {
          method: 'POST',
          headers: { Origin: 'http://localhost', 'Content-Type': 'application/x-www-form-urlencoded' },
          body: 'method=button',
        });
        assert.equal(signed.status, 303);
        await t.drain();
        const finals = (await mimeTo(email)).filter((m) => m.parsed.subject?.startsWith('Signed:'));
        assert.equal(finals.length, 1);
        assert.match(finals[0].mime.toString('latin1'), /application\/pkcs7-mime; smime-type=enveloped-data/);
        const inner = await simpleParser(opensslDecrypt(finals[0].mime, cert));
        const [doc] = await t.ctx.db.select().from(documents).where(eq(documents.processId, process.id));
        assert.equal(sha256(inner.attachments.find((a) => a.contentType === 'application/pdf')!.content), doc.finalSha256);
      } finally {
        await changeSettings(t, admin.token, { secureDelivery: { externalMode: 'attachments' } });
      }
    });

    test('a wrong client secret is a failure the outbox keeps retrying, with the reason and without the secret', async () => {
      const email = `badsecret${++n}@partner.test`;
      await changeSettings(t, admin.token, { mailTransport: { graphClientSecret: 'not-the-secret' } });
      try {
        await start('Refused contract', email);
        await t.drain();
        const [row] = await t.ctx.db.select().from(messages).where(eq(messages.recipient, email));
        assert.equal(row.status, 'queued');
        assert.equal((await mimeTo(email)).length, 0);
        const { outboxJobs } = await import('../src/db/schema');
        const jobs = await t.ctx.db.select().from(outboxJobs).where(eq(outboxJobs.kind, 'deliver-message'));
        const job = jobs.find((j) => (j.payload as { messageId: string }).messageId === row.id)!;
        assert.match(job.lastError ?? '', /invalid_client|AADSTS7000215/);
        assert.doesNotMatch(job.lastError ?? '', /not-the-secret/);
      } finally {
        await changeSettings(t, admin.token, { mailTransport: { graphClientSecret: graph.clientSecret } });
      }
    });
  });
}
