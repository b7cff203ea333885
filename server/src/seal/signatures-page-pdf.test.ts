// "Separate file": the document is sealed without an added page (same page count, seal valid over the whole file)
// and the signatures page is a sealed PDF of its own, checked by pdfsig, qpdf and pdftotext.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { textPdf } from '../pdf/test-pdfs.test-helper';
import { createSealCertificate } from './create-seal-certificate';
import { runPdfsig } from './pdfsig.test-helper';
import { sealPdf, type SealInput } from './seal-pdf';
import { sealedSignaturesPagePdf } from './signatures-page-pdf';

let dir: string;
let seal: { privateKeyPem: string; certificatePem: string };
before(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'ss-sigpage-'));
  seal = await createSealCertificate({ commonName: 'Acme seal', organization: 'Acme Oy' });
});
after(() => rmSync(dir, { recursive: true, force: true }));

const file = (bytes: Uint8Array) => {
  const f = path.join(dir, `${Math.random()}.pdf`);
  writeFileSync(f, bytes);
  return f;
};
const pages = (bytes: Uint8Array) => Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [file(bytes)]).toString())![1]);
const text = (bytes: Uint8Array) => execFileSync('pdftotext', ['-layout', file(bytes), '-']).toString();

test('the document keeps its pages and its seal; the signatures page is a sealed file of its own', async () => {
  const original = await textPdf(2);
  const input: SealInput = {
    original,
    documentName: 'supply.pdf',
    processTitle: 'Supply contract',
    processId: '0b7c8f1e-8d1a-4c55-9f6e-1f2a3b4c5d6e',
    originalSha256: createHash('sha256').update(original).digest('hex'),
    signatures: [{ name: 'Anna Virtanen', email: 'anna@example.com', signedAt: new Date('2026-11-22T10:00:00Z'), method: 'OK button', ip: '192.0.2.10' }],
    position: 'last',
    seal,
    sealName: 'Acme Oy',
    verification: { code: 'ABCD-EFGH', url: 'https://sign.example/verify/ABCD-EFGH' },
  };
  const document = await sealPdf({ ...input, withSignaturesPage: false });
  assert.deepEqual(Buffer.from(document.subarray(0, original.length)), Buffer.from(original), 'the original bytes are an exact prefix');
  assert.equal(pages(document), 2, 'no page added');
  assert.doesNotMatch(text(document), /Anna Virtanen/);
  execFileSync('qpdf', ['--check', file(document)], { stdio: 'pipe' });
  const docSig = await runPdfsig(document);
  assert.equal(docSig.signatures.length, 1);
  assert.ok(docSig.signatures[0].valid && docSig.signatures[0].wholeDocument, docSig.raw);

  const page = await sealedSignaturesPagePdf(input);
  assert.equal(pages(page), 1);
  const shown = text(page);
  assert.match(shown, /Anna Virtanen/);
  assert.match(shown, /supply\.pdf/);
  assert.ok(shown.includes(input.originalSha256.slice(0, 16)), 'names the document it belongs to by its SHA-256');
  execFileSync('qpdf', ['--check', file(page)], { stdio: 'pipe' });
  const pageSig = await runPdfsig(page);
  assert.equal(pageSig.signatures.length, 1);
  assert.ok(pageSig.signatures[0].valid && pageSig.signatures[0].wholeDocument, pageSig.raw);
});
