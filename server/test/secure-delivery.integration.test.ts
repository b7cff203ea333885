// Secure delivery of final documents through the real app on PGlite and PostgreSQL, with a real SMTP peer and
// openssl as the independent reader: S/MIME-encrypted (and signed) mail that openssl decrypts and verifies, with
// the attachment equal to the stored final; protected download links with one-time codes, lockout and audit;
// the recipient's own certificate; Admin → Secure mail and its refusal to non-admins.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import forge from 'node-forge';
import { simpleParser } from 'mailparser';
import { adminAuditEvents, auditEvents, documents, recipientCertificates } from '../src/db/schema';
import { loadSealKey } from '../src/domain/seal/load-seal-key';
import { bearer, changeSettings, dbKinds, makePdf, processForm, signInHeaders, startTestApp, type TestApp } from './harness';
import { lastPinFor, signingPathFor } from './outbox-reader';
import { startSmsPeer } from './sms-peer';
import { startSmtpPeer, type SmtpPeer } from './smtp-peer';
import { derOf, makeRecipientCertificate, opensslDecrypt, opensslVerify } from './smime-tools';

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

for (const kind of dbKinds) {
  describe(`secure delivery on ${kind}`, () => {
    let t: TestApp;
    let smtp: SmtpPeer;
    let admin: Awaited<ReturnType<TestApp['user']>>;
    let adminHeaders: { Cookie: string; 'User-Agent': string };
    let n = 0;
    before(async () => {
      smtp = await startSmtpPeer();
      t = await startTestApp(kind, { SMTP_URL: smtp.url });
      admin = await t.user({ isAdmin: true });
      adminHeaders = await signInHeaders(t, admin.email, admin.password);
    });
    after(async () => {
      await t.close();
      await smtp.close();
    });

    const settings = (change: Record<string, Record<string, unknown>>) => changeSettings(t, admin.token, change);
    const post = (path: string, fields: Record<string, string> = {}, cookie = '') =>
      t.app.request(path, {
        method: 'POST',
        headers: { Origin: 'http://localhost', 'Content-Type': 'application/x-www-form-urlencoded', ...(cookie ? { Cookie: cookie } : {}) },
        body: new URLSearchParams(fields).toString(),
      });
    const get = (path: string, cookie = '') => t.app.request(path, { headers: cookie ? { Cookie: cookie } : {} });

    /** A process signed by `signers`, sealed and its mails delivered; returns the process and its final's SHA-256. */
    async function completed(signers: { email: string; phone?: string; language?: 'fi' }[], title = 'Supply agreement') {
      const sender = await t.user();
      const res = await t.app.request('/api/v1/processes', { method: 'POST', headers: bearer(sender.token), body: processForm({ title, signers }, [{ name: 'supply.pdf', bytes: await makePdf(title) }]) });
      assert.equal(res.status, 201, await res.clone().text());
      const process = await res.json();
      await t.drain();
      for (const s of signers) {
        const link = await signingPathFor(t.ctx, s.email);
        let cookie = '';
        if (s.phone) {
          // The signer's SMS PIN step first.
          await post(`${link}/pin/order`);
          const pin = await post(`${link}/pin`, { pin: await lastPinFor(t.ctx, s.phone) });
          cookie = pin.headers.get('set-cookie')?.match(/ss_pin=[^;]+/)?.[0] ?? '';
        }
        const signed = await post(`${link}/sign`, { method: 'button' }, cookie);
        assert.equal(signed.status, 303);
      }
      await t.drain();
      const [doc] = await t.ctx.db.select().from(documents).where(eq(documents.processId, process.id));
      assert.ok(doc.finalSha256, 'sealed');
      return { process, sender, finalSha256: doc.finalSha256! };
    }
    const mailsTo = (email: string) => smtp.mails.filter((m) => m.to === email);
    /** The final documents' mails to `email` (attached, encrypted or a link): not the invitations or codes. */
    const finalsTo = (email: string) => mailsTo(email).filter((m) => m.subject.startsWith('Signed:'));
    const auditOf = async (processId: string) => (await t.ctx.db.select().from(auditEvents).where(eq(auditEvents.processId, processId))).map((e) => `${e.type}: ${e.message}`);

    test('with the defaults, external recipients get the final documents attached as before', async () => {
      const email = `plain${++n}@partner.test`;
      const { finalSha256 } = await completed([{ email }]);
      const [mail] = finalsTo(email);
      assert.equal(mail.attachments.length, 1);
      assert.equal(sha256(mail.attachments[0].content), finalSha256);
    });

    test('an external recipient with a known certificate gets S/MIME that openssl decrypts and verifies; the attachment is the stored final', async () => {
      const email = `enc${++n}@partner.test`;
      const cert = makeRecipientCertificate(email);
      await t.app.request('/admin/secure-mail/certificates', { method: 'POST', headers: { ...adminHeaders, Origin: 'http://localhost' }, body: await uploadForm(email, cert.certPem, adminHeaders) });
      const [stored] = await t.ctx.db.select().from(recipientCertificates).where(eq(recipientCertificates.email, email));
      assert.equal(stored?.source, 'admin');
      await settings({ secureDelivery: { externalMode: 'smime_or_link', signMessages: true } });
      try {
        const { process, sender, finalSha256 } = await completed([{ email }], 'Encrypted supply agreement');
        const [mail] = finalsTo(email);
        assert.equal(finalsTo(email).length, 1, 'sent once');
        assert.match(mail.raw.toString(), /Content-Type: application\/pkcs7-mime; smime-type=enveloped-data/);
        assert.doesNotMatch(mail.raw.toString(), /supply\.pdf|%PDF/, 'nothing readable outside the envelope');
        assert.match(mail.subject, /Encrypted supply agreement/);

        const decrypted = opensslDecrypt(mail.raw, cert);
        const content = opensslVerify(decrypted, (await loadSealKey(t.ctx)).certificatePem);
        const inner = await simpleParser(content);
        const pdf = inner.attachments.find((a) => a.contentType === 'application/pdf');
        assert.ok(pdf, 'the final document is inside');
        assert.equal(sha256(pdf.content), finalSha256);
        assert.match(inner.text ?? '', /signed by everyone|completed|signed/i);

        // Another key for the same address cannot decrypt it.
        assert.throws(() => opensslDecrypt(mail.raw, makeRecipientCertificate(email)));

        // The sender is a user here: attachments as before, signed but not encrypted.
        const [own] = finalsTo(sender.email);
        assert.doesNotMatch(own.raw.toString(), /enveloped-data/);
        assert.equal(sha256(own.attachments.find((a) => a.filename.endsWith('.pdf'))!.content), finalSha256);
        opensslVerify(own.raw, (await loadSealKey(t.ctx)).certificatePem);
        assert.ok((await auditOf(process.id)).some((e) => e.startsWith(`final_sent: Final documents sent S/MIME-encrypted to: ${email}`)));
      } finally {
        await settings({ secureDelivery: { externalMode: 'attachments', signMessages: false } });
      }
    });

    test('without a certificate the recipient gets a link; the code goes by email, wrong codes count, the right one opens the download, which is audited', async () => {
      const email = `link${++n}@partner.test`;
      await settings({ secureDelivery: { externalMode: 'smime_or_link', maxWrongCodes: 3 } });
      try {
        const { process, finalSha256 } = await completed([{ email }], 'Linked <agreement>');
        const [mail] = finalsTo(email);
        assert.equal(mail.attachments.length, 0, 'no documents in the email');
        const link = mail.text.match(/http:\/\/localhost:3999(\/d\/[A-Za-z0-9_-]+)/)?.[1];
        assert.ok(link, mail.text);

        const first = await (await get(link)).text();
        assert.match(first, /Linked &lt;agreement&gt;/, 'title escaped');
        assert.doesNotMatch(first, /supply\.pdf|Supply/);
        assert.match(first, /id="code-order"/);
        const [docRow] = await t.ctx.db.select().from(documents).where(eq(documents.processId, process.id));
        assert.equal((await get(`${link}/files/${docRow.id}`)).status, 403, 'no download before the code');

        assert.equal((await post(`${link}/order`)).status, 303);
        await t.drain();
        const codeMail = mailsTo(email).find((m) => /Your code/.test(m.subject));
        assert.ok(codeMail, 'the code came by a second email');
        const code = codeMail.text.match(/is: (\d{8})/)![1];

        const wrong = await post(`${link}/code`, { code: code.replace(/^./, (d) => String((Number(d) + 1) % 10)) });
        assert.equal(wrong.status, 400);
        assert.match(await wrong.text(), /not right \(2 tries left\)/);

        const right = await post(`${link}/code`, { code });
        assert.equal(right.status, 303);
        const cookie = right.headers.get('set-cookie')!.match(/ss_download=[^;]+/)![0];
        assert.match(right.headers.get('set-cookie')!, new RegExp(`Path=${link}`));
        const page = await (await get(link, cookie)).text();
        assert.match(page, /Supply agreement|Linked/);
        const file = await get(`${link}/files/${docRow.id}`, cookie);
        assert.equal(file.status, 200);
        assert.equal(sha256(new Uint8Array(await file.arrayBuffer())), finalSha256);
        const again = await post(`${link}/code`, { code });
        assert.equal(again.status, 409, 'a code works once');
        assert.match(await again.text(), /No code is waiting/);
        const audit = await auditOf(process.id);
        assert.ok(audit.some((e) => e.startsWith(`final_downloaded:`) && e.includes(email) && e.includes(finalSha256)), audit.join('\n'));
        assert.ok(audit.some((e) => e.startsWith('download_code_failed:')));
      } finally {
        await settings({ secureDelivery: { externalMode: 'attachments', maxWrongCodes: 5 } });
      }
    });

    test('the link email, the page and the code email are in the recipient\'s language', async () => {
      const email = `fi${++n}@partner.test`;
      await settings({ secureDelivery: { externalMode: 'link' } });
      try {
        await completed([{ email, language: 'fi' }], 'Toimitussopimus');
        const [mail] = mailsTo(email).filter((m) => m.subject.startsWith('Allekirjoitettu:'));
        assert.ok(mail, 'the link email in Finnish');
        assert.match(mail.text, /Kaikki ovat allekirjoittaneet asiakirjan "Toimitussopimus"/);
        const link = mail.text.match(/(\/d\/[A-Za-z0-9_-]+\?lang=fi)/)![1];
        const page = await (await get(link)).text();
        assert.match(page, /<html lang="fi"/);
        assert.match(page, /Lähetä minulle koodi/);
        const ordered = await post(link.replace('?lang=fi', '/order'), {}, 'ss_lang=fi');
        assert.equal(ordered.status, 303);
        await t.drain();
        assert.ok(mailsTo(email).some((m) => m.subject === 'Koodisi: Toimitussopimus' && /Kertakäyttöinen koodisi/.test(m.text)));
        const wrong = await post(link.replace('?lang=fi', '/code'), { code: '1' }, 'ss_lang=fi');
        assert.match(await wrong.text(), /Koodi ei ole oikein \(4 yritystä jäljellä\)/);
      } finally {
        await settings({ secureDelivery: { externalMode: 'attachments' } });
      }
    });

    test('a recipient who signed with a phone number gets the code by SMS through the gateway (by email without one); wrong codes lock the link', async () => {
      const sms = await startSmsPeer();
      await settings({ secureDelivery: { externalMode: 'link', maxWrongCodes: 2 } });
      try {
        // Without an SMS gateway a code by SMS would never arrive: it goes by email instead.
        const unreachable = `nogateway${++n}@partner.test`;
        await completed([{ email: unreachable, phone: `+358 40 ${1000000 + n}` }]);
        const first = finalsTo(unreachable)[0].text.match(/(\/d\/[A-Za-z0-9_-]+)/)![1];
        assert.match(await (await get(first)).text(), new RegExp(`email to ${unreachable}`));

        await settings({ smsGateway: { kind: 'http', url: `${sms.url}/send` } });
        const email = `sms${++n}@partner.test`;
        const phone = `+358 40 ${1000000 + n}`;
        const { process } = await completed([{ email, phone }]);
        const link = finalsTo(email)[0].text.match(/(\/d\/[A-Za-z0-9_-]+)/)![1];
        assert.match(await (await get(link)).text(), /SMS to \+•+\d\d/);
        await post(`${link}/order`);
        await t.drain();
        const sent = JSON.parse(sms.requests.at(-1)!.body) as { to: string; text: string };
        assert.equal(sent.to, phone.replace(/ /g, ''));
        const code = sent.text.match(/: (\d{8})/)![1];
        assert.equal((await post(`${link}/code`, { code: '00000000' })).status, 400);
        const locked = await post(`${link}/code`, { code: '00000001' });
        assert.equal(locked.status, 403);
        assert.match(await locked.text(), /link is locked/);
        assert.equal((await post(`${link}/code`, { code })).status, 403, 'the right code does not open a locked link');
        assert.ok((await auditOf(process.id)).some((e) => e.startsWith('download_locked:')));
      } finally {
        await settings({ secureDelivery: { externalMode: 'attachments', maxWrongCodes: 5 }, smsGateway: { kind: 'outbox', url: '' } });
        await sms.close();
      }
    });

    test('past the code, the recipient sends their certificate once, and the next documents come encrypted', async () => {
      const email = `self${++n}@partner.test`;
      await settings({ secureDelivery: { externalMode: 'smime_or_link' } });
      try {
        await completed([{ email }]);
        const link = finalsTo(email)[0].text.match(/(\/d\/[A-Za-z0-9_-]+)/)![1];
        const cert = makeRecipientCertificate(email);
        const form = new FormData();
        form.set('certificate', new Blob([new Uint8Array(derOf(cert))]), 'me.cer');
        const before = await t.app.request(`${link}/certificate`, { method: 'POST', headers: { Origin: 'http://localhost' }, body: form });
        assert.equal(before.status, 403, 'not before the code');

        await post(`${link}/order`);
        await t.drain();
        const code = mailsTo(email).find((m) => /Your code/.test(m.subject))!.text.match(/is: (\d{8})/)![1];
        const cookie = (await post(`${link}/code`, { code })).headers.get('set-cookie')!.match(/ss_download=[^;]+/)![0];
        const other = makeRecipientCertificate(`someone.else${n}@partner.test`);
        const wrongOwner = new FormData();
        wrongOwner.set('certificate', new Blob([other.certPem]), 'x.pem');
        const refused = await t.app.request(`${link}/certificate`, { method: 'POST', headers: { Origin: 'http://localhost', Cookie: cookie }, body: wrongOwner });
        assert.equal(refused.status, 400);
        assert.match(await refused.text(), /is for someone\.else/);
        const sent = await t.app.request(`${link}/certificate`, { method: 'POST', headers: { Origin: 'http://localhost', Cookie: cookie }, body: form });
        assert.equal(sent.status, 303);
        const [stored] = await t.ctx.db.select().from(recipientCertificates).where(eq(recipientCertificates.email, email));
        assert.equal(stored.source, 'recipient');

        const { finalSha256 } = await completed([{ email }], 'Second agreement');
        const second = finalsTo(email).find((m) => m.subject.includes('Second agreement'))!;
        const inner = await simpleParser(opensslDecrypt(second.raw, cert));
        assert.equal(sha256(inner.attachments.find((a) => a.contentType === 'application/pdf')!.content), finalSha256);
      } finally {
        await settings({ secureDelivery: { externalMode: 'attachments' } });
      }
    });

    test('Admin → Secure mail: certificates are checked, listed and deleted (logged); settings saved there leave other settings alone', async () => {
      const page = async () => (await t.app.request('/admin/secure-mail', { headers: adminHeaders })).text();
      const upload = async (email: string, bytes: string | Buffer) =>
        t.app.request('/admin/secure-mail/certificates', { method: 'POST', headers: { ...adminHeaders, Origin: 'http://localhost' }, body: await uploadForm(email, bytes, adminHeaders) });

      const ec = await upload(`ec${++n}@partner.test`, makeRecipientCertificate(`ec${n}@partner.test`, { key: 'ec' }).certPem);
      assert.equal(ec.status, 400);
      assert.match(await ec.text(), /not RSA/);
      const signOnly = await upload(`so${++n}@partner.test`, makeRecipientCertificate(`so${n}@partner.test`, { signOnly: true }).certPem);
      assert.match(await signOnly.text(), /may not be used for encryption/);
      assert.match(await (await upload(`x${++n}@partner.test`, 'hello')).text(), /Not a certificate/);
      assert.match(await (await upload(`old${++n}@partner.test`, expiredCertificate(`old${n}@partner.test`))).text(), /expired on 2021-01-01/);

      const email = `der${++n}@partner.test`;
      const cert = makeRecipientCertificate(email);
      assert.equal((await upload(email, derOf(cert))).status, 303, 'DER accepted');
      const listed = await page();
      assert.match(listed, new RegExp(email.replace('.', '\\.')));
      const [row] = await t.ctx.db.select().from(recipientCertificates).where(eq(recipientCertificates.email, email));
      const csrf = listed.match(/name="_csrf" value="([^"]+)"/)![1];
      const del = await t.app.request(`/admin/secure-mail/certificates/${row.id}/delete`, {
        method: 'POST',
        headers: { ...adminHeaders, Origin: 'http://localhost', 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ _csrf: csrf }).toString(),
      });
      assert.equal(del.status, 303);
      assert.doesNotMatch(await page(), new RegExp(email.replace('.', '\\.')));
      const log = await t.ctx.db.select().from(adminAuditEvents).where(and(eq(adminAuditEvents.action, 'recipient_certificate_deleted')));
      assert.ok(log.some((e) => (e.details as { email: string }).email === email));

      // The page's settings form: Graph settings saved, the secret masked and kept, other sections untouched.
      await settings({ startForm: { allowSigningOrder: false } });
      const fields = {
        _csrf: csrf,
        'secureDelivery.externalMode': 'link',
        'secureDelivery.codeChannel': 'email',
        'secureDelivery.linkValidDays': '7',
        'secureDelivery.codeValidMinutes': '15',
        'secureDelivery.maxWrongCodes': '5',
        'mailTransport.kind': 'smtp',
        'mailTransport.graphTenantId': 'contoso-tenant',
        'mailTransport.graphClientId': 'app-id',
        'mailTransport.graphClientSecret': 'very secret value',
        'mailTransport.graphSender': 'sign@contoso.test',
        'mailTransport.graphAuthorityHost': 'https://login.microsoftonline.com',
        'mailTransport.graphEndpoint': 'https://graph.microsoft.com',
      };
      const save = (f: Record<string, string>) =>
        t.app.request('/admin/secure-mail/settings', { method: 'POST', headers: { ...adminHeaders, Origin: 'http://localhost', 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(f).toString() });
      assert.equal((await save(fields)).status, 303);
      const shown = await page();
      assert.doesNotMatch(shown, /very secret value/);
      assert.match(shown, /value="contoso-tenant"/);
      assert.equal((await save({ ...fields, 'mailTransport.graphClientSecret': '••••••••', 'secureDelivery.linkValidDays': '8' })).status, 303);
      const api = await (await t.app.request('/api/v1/admin/settings', { headers: bearer(admin.token) })).json();
      assert.equal(api.secureDelivery.linkValidDays, 8);
      assert.equal(api.startForm.allowSigningOrder, false, 'other sections untouched');
      const { getSettings } = await import('../src/domain/settings/get-settings');
      assert.equal((await getSettings(t.ctx)).mailTransport.graphClientSecret, 'very secret value', 'the mask kept the secret');
      const bad = await save({ ...fields, 'secureDelivery.linkValidDays': '0' });
      assert.equal(bad.status, 400);
      assert.match(await bad.text(), /linkValidDays/);
      const changes = await t.ctx.db.select().from(adminAuditEvents).where(eq(adminAuditEvents.action, 'setting_changed'));
      assert.ok(changes.some((e) => (e.details as { setting: string }).setting === 'secureDelivery.linkValidDays'));
      assert.ok(!JSON.stringify(changes).includes('very secret value'), 'no secret in the admin log');
      await settings({ secureDelivery: { externalMode: 'attachments', codeChannel: 'sms_or_email', linkValidDays: 30 }, startForm: { allowSigningOrder: true } });
    });

    test('Admin → Secure mail is refused to users who are not admins', async () => {
      const user = await t.user();
      const headers = await signInHeaders(t, user.email, user.password);
      assert.equal((await t.app.request('/admin/secure-mail', { headers })).status, 404);
      const page = await (await t.app.request('/processes', { headers })).text();
      const csrf = page.match(/name="_csrf" value="([^"]+)"/)?.[1] ?? '';
      const email = `sneaky${++n}@partner.test`;
      const res = await t.app.request('/admin/secure-mail/certificates', { method: 'POST', headers: { ...headers, Origin: 'http://localhost' }, body: await uploadForm(email, makeRecipientCertificate(email).certPem, headers, csrf) });
      assert.equal(res.status, 404);
      assert.equal((await t.ctx.db.select().from(recipientCertificates).where(eq(recipientCertificates.email, email))).length, 0);
      assert.equal((await t.app.request('/admin/secure-mail')).status, 303, 'signed out: to the login page');
    });

    /** The certificate upload form, with the CSRF token of the signed-in user's admin page (or the one given). */
    async function uploadForm(email: string, certificate: string | Buffer, headers: { Cookie: string; 'User-Agent': string }, csrf?: string) {
      const token = csrf ?? (await (await t.app.request('/admin/secure-mail', { headers })).text()).match(/name="_csrf" value="([^"]+)"/)![1];
      const form = new FormData();
      form.set('_csrf', token);
      form.set('email', email);
      form.set('certificate', new Blob([typeof certificate === 'string' ? certificate : new Uint8Array(certificate)]), 'cert.pem');
      return form;
    }
  });
}

/** An RSA certificate that expired on 2021-01-01 (openssl 3.0 cannot backdate one; forge can). */
function expiredCertificate(email: string): string {
  const keys = forge.pki.rsa.generateKeyPair(1024);
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = '01';
  cert.validity.notBefore = new Date('2020-01-01T00:00:00Z');
  cert.validity.notAfter = new Date('2021-01-01T00:00:00Z');
  cert.setSubject([{ name: 'commonName', value: email }]);
  cert.setIssuer([{ name: 'commonName', value: email }]);
  cert.sign(keys.privateKey, forge.md.sha256.create());
  return forge.pki.certificateToPem(cert);
}
