// The Email API through the real app on PGlite and PostgreSQL: our smtp-server listener on a loopback port, driven
// by nodemailer over STARTTLS (trusting the server's self-signed certificate as its CA). A valid message starts a
// process through the one start path; each refusal comes at its SMTP stage with the reason in the reply and
// leaves no process, no stored file, no message behind. The listener follows setting changes without a restart.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { asc, eq } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer';
import { auditEvents, blobs, documents, messages, processes, signers } from '../src/db/schema';
import { emailApiTls } from '../src/email-api/email-api-tls';
import { emailApiStatus, startEmailApi, type EmailApiListener } from '../src/email-api/start-email-api';
import { changeSettings, dbKinds, makePdf, startTestApp, type TestApp } from './harness';
import { readOutbox } from './outbox-reader';

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const { port } = s.address() as { port: number };
  await new Promise((resolve) => s.close(resolve));
  return port;
}

function encrypt(pdf: Uint8Array): Uint8Array {
  const dir = mkdtempSync(path.join(tmpdir(), 'ss-enc-'));
  try {
    writeFileSync(path.join(dir, 'in.pdf'), pdf);
    execFileSync('qpdf', ['--encrypt', 'user', 'owner', '256', '--', path.join(dir, 'in.pdf'), path.join(dir, 'out.pdf')]);
    return readFileSync(path.join(dir, 'out.pdf'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const SIGNERS = 'X-Secure-Signature-Signers';
const OPTIONS = 'X-Secure-Signature-Options';

for (const kind of dbKinds) {
  describe(`Email API on ${kind}`, () => {
    let t: TestApp;
    let listener: EmailApiListener;
    let admin: Awaited<ReturnType<TestApp['user']>>;
    let port: number;
    let pdf: Uint8Array;
    before(async () => {
      t = await startTestApp(kind);
      admin = await t.user({ isAdmin: true });
      await t.user({ email: 'sender@corp.test' });
      await t.user({ email: 'pia@partner.test' });
      pdf = await makePdf('Lease', 1);
      port = await freePort();
      // Polled rarely: the tests call refresh() after each change, as the timer would.
      listener = startEmailApi(t.ctx, { pollMs: 3_600_000 });
      await listener.refresh();
    });
    after(async () => {
      await listener.stop();
      await t.close();
    });

    const send = (mail: Mail.Options, opts: { startTls?: boolean } = {}) => {
      const transport = nodemailer.createTransport({
        host: '127.0.0.1',
        port,
        secure: false,
        ...(opts.startTls === false ? { ignoreTLS: true } : { requireTLS: true }),
        tls: { ca: emailApiTls({ tlsCertificate: '', tlsKey: '', host: '127.0.0.1' }).cert },
      });
      return transport.sendMail({ from: 'sender@corp.test', to: 'sign@secure-signature.test', subject: 'Lease 2026', text: 'Please sign by Friday.', ...mail });
    };
    const validHeaders = { [SIGNERS]: '"Anna A" <anna@example.test>; bert@example.test +358401234567', [OPTIONS]: 'signing-order=yes; methods=button; language=fi; page=first' };
    const counts = async () => ({
      processes: (await t.ctx.db.select({ id: processes.id }).from(processes)).length,
      blobs: (await t.ctx.db.select({ sha256: blobs.sha256 }).from(blobs)).length,
      messages: (await t.ctx.db.select({ id: messages.id }).from(messages)).length,
    });
    const refused = async (mail: Mail.Options, code: number, reason: RegExp, opts: { startTls?: boolean } = {}) => {
      const before = await counts();
      const err = (await send(mail, opts).then(
        () => assert.fail('the message was accepted'),
        (e: unknown) => e,
      )) as { responseCode?: number; response?: string };
      assert.equal(err.responseCode, code, err.response ?? String(err));
      assert.match(err.response ?? '', reason);
      assert.deepEqual(await counts(), before, 'nothing stored');
    };

    test('off by default: nothing listens', async () => {
      assert.deepEqual(emailApiStatus(), { state: 'off' });
      await assert.rejects(send({ headers: validHeaders, attachments: [{ filename: 'a.pdf', content: Buffer.from(pdf) }] }), /ECONNREFUSED/);
    });

    test('turned on, it listens on the configured port and offers STARTTLS with a self-signed certificate', async () => {
      await changeSettings(t, admin.token, { emailApi: { enabled: true, port, allowedSenders: ['sender@corp.test', '@partner.test'], maxMessageMb: 1 } });
      await listener.refresh();
      const status = emailApiStatus();
      assert.equal(status.state, 'listening');
      assert.equal(status.state === 'listening' && status.port, port);
      assert.equal(status.state === 'listening' && status.selfSigned, true);
    });

    test('a valid message starts a process: signers, title, message, documents and invitations', async () => {
      const second = await makePdf('Annex', 2);
      const info = await send({ headers: validHeaders, attachments: [{ filename: 'lease.pdf', content: Buffer.from(pdf) }, { filename: 'annex.pdf', content: Buffer.from(second), contentType: 'application/pdf' }] });
      assert.match(info.response, /^250 Process [0-9a-f-]{36} started/);
      const processId = info.response.match(/Process ([0-9a-f-]{36})/)![1];
      const [p] = await t.ctx.db.select().from(processes).where(eq(processes.id, processId));
      assert.equal(p.title, 'Lease 2026');
      assert.equal(p.message, 'Please sign by Friday.');
      assert.equal(p.component, 'email');
      assert.equal(p.signingOrder, true);
      assert.equal(p.signaturePagePosition, 'first');
      assert.deepEqual(p.signatureMethods, ['button']);
      const s = await t.ctx.db.select().from(signers).where(eq(signers.processId, processId)).orderBy(asc(signers.position));
      assert.deepEqual(s.map((x) => [x.email, x.name, x.phone, x.language]), [['anna@example.test', 'Anna A', null, 'fi'], ['bert@example.test', null, '+358401234567', 'fi']]);
      const docs = await t.ctx.db.select().from(documents).where(eq(documents.processId, processId)).orderBy(asc(documents.position));
      assert.deepEqual(docs.map((d) => [d.kind, d.filename, d.sha256]), [['document', 'lease.pdf', sha256(pdf)], ['document', 'annex.pdf', sha256(second)]]);
      const invitations = (await readOutbox(t.ctx)).filter((m) => m.processId === processId && m.template === 'invitation');
      assert.deepEqual(invitations.map((m) => m.recipient), ['anna@example.test'], 'signing order: only the first is invited');
      const audit = await t.ctx.db.select().from(auditEvents).where(eq(auditEvents.processId, processId));
      const byEmail = audit.find((e) => e.type === 'received_by_email');
      assert.ok(byEmail, 'audit event of the email');
      assert.match(byEmail.message, /from sender@corp\.test/);
      assert.ok(byEmail.message.includes(info.messageId), 'names the Message-ID');
    });

    test('a sender not on the list, or not a user, is refused at MAIL FROM with 550', async () => {
      await refused({ from: 'mallory@evil.test', headers: validHeaders, attachments: [{ filename: 'a.pdf', content: Buffer.from(pdf) }] }, 550, /5\.7\.1 The sender mallory@evil\.test may not start processes by email/);
      await refused({ from: 'stranger@partner.test', headers: validHeaders, attachments: [{ filename: 'a.pdf', content: Buffer.from(pdf) }] }, 550, /5\.7\.1 The sender stranger@partner\.test may not start processes by email/);
    });

    test('a user of an allowed domain may send; an address case differing from the list still matches', async () => {
      const info = await send({ from: 'Pia@Partner.test', headers: validHeaders, attachments: [{ filename: 'a.pdf', content: Buffer.from(pdf) }] });
      assert.match(info.response, /^250 Process/);
    });

    test('the same message delivered again (same sender and Message-ID) starts nothing new', async () => {
      const mail = { messageId: '<retry-1@corp.test>', subject: 'Delivered twice', headers: validHeaders, attachments: [{ filename: 'a.pdf', content: Buffer.from(pdf) }] };
      const first = await send(mail);
      const id = first.response.match(/^250 Process ([0-9a-f-]{36}) started/)![1];
      const before = await counts();
      const again = await send(mail);
      assert.match(again.response, new RegExp(`^250 Process ${id} was already started by this message`));
      assert.deepEqual(await counts(), before);
      // Another sender's message with the same Message-ID is its own.
      assert.match((await send({ ...mail, from: 'pia@partner.test' })).response, /^250 Process [0-9a-f-]{36} started/);
    });

    test('a message over the size limit is refused with 552', async () => {
      const big = randomBytes(1_200_000);
      await refused({ headers: validHeaders, attachments: [{ filename: 'a.pdf', content: Buffer.from(pdf) }, { filename: 'big.bin', content: big }] }, 552, /5\.3\.4/);
    });

    test('a message that cannot start a process is refused with 554 and the reason', async () => {
      const attachments = [{ filename: 'a.pdf', content: Buffer.from(pdf) }];
      await refused({ attachments }, 554, /5\.6\.0 The header X-Secure-Signature-Signers is missing/);
      await refused({ headers: validHeaders }, 554, /5\.6\.0 The message has no PDF attachment/);
      await refused({ headers: validHeaders, attachments: [{ filename: 'secret.pdf', content: Buffer.from(encrypt(pdf)) }] }, 554, /"secret\.pdf" is encrypted/);
      await refused({ headers: { ...validHeaders, [OPTIONS]: 'colour=blue' }, attachments }, 554, /unknown option "colour"/);
      await refused({ headers: { [SIGNERS]: 'not an address' }, attachments }, 554, /cannot read the signer "not an address"/);
      await refused({ subject: '', headers: validHeaders, attachments }, 554, /subject \(the title\): is required/);
    });

    test('without STARTTLS the sender is refused when it is required', async () => {
      await refused({ headers: validHeaders, attachments: [{ filename: 'a.pdf', content: Buffer.from(pdf) }] }, 530, /Must issue a STARTTLS command first/, { startTls: false });
    });

    test('turned off, the listener stops without a restart', async () => {
      await changeSettings(t, admin.token, { emailApi: { enabled: false } });
      await listener.refresh();
      assert.deepEqual(emailApiStatus(), { state: 'off' });
      await assert.rejects(send({ headers: validHeaders, attachments: [{ filename: 'a.pdf', content: Buffer.from(pdf) }] }), /ECONNREFUSED/);
    });
  });
}
