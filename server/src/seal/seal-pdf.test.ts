import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { inspectPdf } from '../pdf/inspect-pdf';
import { formPdf, hybridPdf, nestedTreePdf, qpdf, textPdf } from '../pdf/test-pdfs.test-helper';
import { createSealCertificate } from './create-seal-certificate';
import { runPdfsig } from './pdfsig.test-helper';
import { CONTENTS_BYTES, sealPdf, type SealInput } from './seal-pdf';

let dir: string;
let seal: { privateKeyPem: string; certificatePem: string };
before(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'ss-seal-'));
  seal = await createSealCertificate({ commonName: 'Acme seal', organization: 'Acme Oy' });
});
after(() => rmSync(dir, { recursive: true, force: true }));

const signatures = [
  { name: 'Anna Virtanen', email: 'anna@example.com', signedAt: new Date('2026-11-22T10:00:00Z'), method: 'OK button', ip: '192.0.2.10' },
  { name: 'Łukasz Żółć', email: 'lukasz@example.com', signedAt: new Date('2026-11-22T11:30:05Z'), method: 'OK button', ip: '2001:db8::1' },
];
const input = (original: Uint8Array, over: Partial<SealInput> = {}): SealInput => ({
  original,
  documentName: 'contract.pdf',
  processTitle: 'Employment contract',
  processId: '0b7c8f1e-8d1a-4c55-9f6e-1f2a3b4c5d6e',
  originalSha256: createHash('sha256').update(original).digest('hex'),
  signatures,
  position: 'last',
  seal,
  sealName: 'Acme Oy',
  ...over,
});

function pageText(bytes: Uint8Array, page: number): string {
  const file = path.join(dir, `p${Math.random()}.pdf`);
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-layout', file, '-']).toString();
}
/** Page sizes as pdfinfo reports them ("612 x 792"), page 1 first. */
function pageSizes(bytes: Uint8Array): string[] {
  const file = path.join(dir, `s${Math.random()}.pdf`);
  writeFileSync(file, bytes);
  const out = execFileSync('pdfinfo', ['-f', '1', '-l', '9999', file]).toString();
  return [...out.matchAll(/^Page\s+\d+ size:\s+([\d.]+ x [\d.]+)/gm)].map((m) => m[1]);
}
function qpdfCheck(bytes: Uint8Array): void {
  const file = path.join(dir, `c${Math.random()}.pdf`);
  writeFileSync(file, bytes);
  execFileSync('qpdf', ['--check', file], { stdio: 'pipe' });
}

/** The form fields qpdf sees: full name, type and annotation flags. */
function formFields(bytes: Uint8Array): { name: string; type: string; flags: number }[] {
  const file = path.join(dir, `f${Math.random()}.pdf`);
  writeFileSync(file, bytes);
  const json = JSON.parse(execFileSync('qpdf', ['--json', '--json-key=acroform', file]).toString());
  return json.acroform.fields.map((f: any) => ({ name: f.fullname, type: f.fieldtype, flags: f.annotation.annotationflags }));
}

const shapes = ['classic xref', 'object streams', 'qpdf xref stream', 'hybrid xref', 'linearized', 'incremental update', 'nested page tree'] as const;
for (const shape of shapes) {
  test(`${shape}: the original is an exact prefix, the seal verifies and covers the whole file`, async () => {
    const classic = await textPdf(2, { size: [400, 600] });
    const original =
      shape === 'classic xref' ? classic
      : shape === 'object streams' ? await textPdf(2, { objectStreams: true })
      : shape === 'qpdf xref stream' ? qpdf(classic, ['--object-streams=generate'])
      : shape === 'hybrid xref' ? hybridPdf()
      : shape === 'linearized' ? qpdf(classic, ['--linearize', '--object-streams=generate'])
      : shape === 'incremental update' ? await sealPdf(input(classic))
      : nestedTreePdf();
    const before = inspectPdf(original).pageCount;
    for (const position of ['first', 'last'] as const) {
      const out = await sealPdf(input(original, { position }));
      assert.ok(Buffer.from(out.subarray(0, original.length)).equals(Buffer.from(original)), 'original bytes untouched');
      const check = await runPdfsig(out);
      const newest = check.signatures.at(-1)!;
      assert.ok(newest.valid && newest.wholeDocument, check.raw);
      // Self-signed: untrusted until installed, but nothing in it that a validator rejects.
      assert.equal(newest.certificate, 'Certificate issuer is unknown.');
      assert.ok(check.signatures.every((s) => s.valid), 'earlier signatures stay valid');
      qpdfCheck(out);
      assert.equal(inspectPdf(out).pageCount, before + 1);
      const sigPage = position === 'first' ? 1 : before + 1;
      const text = pageText(out, sigPage);
      assert.match(text, /Signatures/);
      assert.match(text, /Anna Virtanen/);
      assert.match(text, /2026-11-22 11:30:05 UTC/);
      assert.match(text, /2001:db8::1/);
      assert.ok(text.replace(/\s+/g, '').includes(input(original).originalSha256), 'the original SHA-256 is printed');
      assert.doesNotMatch(pageText(out, position === 'first' ? 2 : 1), /Signatures/);
      // The signatures page takes the size of the first page, even when that page inherits its MediaBox.
      const sizes = pageSizes(out);
      assert.equal(sizes.length, before + 1);
      assert.equal(sizes[sigPage - 1], sizes[position === 'first' ? 1 : 0]);
    }
  });
}

test('changing one byte anywhere in the signed range breaks the seal', async () => {
  const original = await textPdf(1);
  const out = Buffer.from(await sealPdf(input(original)));
  // In the original, in the signatures page, and in the final trailer: all inside the ByteRange.
  for (const at of [10, Math.floor(original.length / 2), original.length + 200, out.length - 20]) {
    const tampered = Buffer.from(out);
    tampered[at] ^= 0x01;
    const check = await runPdfsig(tampered);
    assert.equal(check.signatures.at(-1)?.valid, false, `byte ${at}: ${check.raw}`);
  }
});

test('a document that was already signed keeps that signature valid after sealing', async () => {
  const other = await createSealCertificate({ commonName: 'Other signer', organization: 'Elsewhere Ltd', algorithm: 'ecdsa-p256' });
  const signedElsewhere = await sealPdf(input(await textPdf(1), { seal: other, sealName: 'Elsewhere Ltd' }));
  const out = await sealPdf(input(signedElsewhere));
  const check = await runPdfsig(out);
  assert.equal(check.signatures.length, 2);
  assert.ok(check.signatures[0].valid && !check.signatures[0].wholeDocument, 'the earlier signature covers its own revision');
  assert.ok(check.signatures[1].valid && check.signatures[1].wholeDocument);
  assert.deepEqual(formFields(out).map((f) => f.name).sort(), ['Seal 1', 'Seal 2']);
});

test('a form keeps its fields; the seal joins them as an invisible, locked signature field', async () => {
  const original = await formPdf();
  const out = await sealPdf(input(original));
  const fields = formFields(out);
  assert.deepEqual(fields.map((f) => f.name).sort(), ['Seal 1', 'employee.name']);
  assert.deepEqual(fields.find((f) => f.name === 'Seal 1'), { name: 'Seal 1', type: '/Sig', flags: 132 });
  assert.match(pageText(out, 1), /Anna Virtanen/, 'the filled-in value is still drawn');
  const check = await runPdfsig(out);
  assert.ok(check.signatures[0].valid && check.signatures[0].wholeDocument, check.raw);
  qpdfCheck(out);
  // The AcroForm was an indirect object: it gets a new version under its own number, and the catalog stays as it was.
  const before = Buffer.from(original).toString('latin1');
  const formRef = /\/AcroForm (\d+) 0 R/.exec(before)![1];
  const rootRef = /\/Root (\d+) 0 R/.exec(before)![1];
  const update = Buffer.from(out.subarray(original.length)).toString('latin1');
  assert.match(update, new RegExp(`\\n${formRef} 0 obj\\n<<(?:(?!endobj)[^])*/SigFlags 3`));
  assert.doesNotMatch(update, new RegExp(`\\n${rootRef} 0 obj`));
});

test('the CMS verifies with openssl and has signing-certificate-v2 and no signing-time (PAdES B-B)', async () => {
  const out = Buffer.from(await sealPdf(input(await textPdf(1))));
  const sigAt = out.lastIndexOf('/ByteRange [');
  const range = out.toString('latin1', sigAt, sigAt + 80).match(/\[(\d+) (\d+) (\d+) (\d+)\s*\]/)!.slice(1).map(Number);
  const cmsHex = out.toString('latin1', range[1] + 1, range[2] - 1).replace(/(00)+$/, '');
  writeFileSync(path.join(dir, 'sig.der'), Buffer.from(cmsHex.length % 2 ? cmsHex + '0' : cmsHex, 'hex'));
  writeFileSync(path.join(dir, 'content.bin'), Buffer.concat([out.subarray(0, range[1]), out.subarray(range[2], range[2] + range[3])]));
  execFileSync('openssl', ['cms', '-verify', '-binary', '-inform', 'DER', '-in', path.join(dir, 'sig.der'), '-content', path.join(dir, 'content.bin'), '-noverify', '-purpose', 'any', '-out', '/dev/null'], { stdio: 'pipe' });
  const printed = execFileSync('openssl', ['cms', '-cmsout', '-print', '-inform', 'DER', '-in', path.join(dir, 'sig.der')]).toString();
  assert.match(printed, /signingCertificateV2/);
  assert.doesNotMatch(printed, /signingTime/);
  assert.match(out.toString('latin1', sigAt - 400, sigAt + 300 + CONTENTS_BYTES * 2), /\/SubFilter \/ETSI\.CAdES\.detached/);
});

test('many signers flow onto more signatures pages', async () => {
  const many = Array.from({ length: 30 }, (_, i) => ({ ...signatures[0], name: `Signer ${i + 1}`, email: `s${i + 1}@example.com` }));
  const original = await textPdf(1);
  const out = await sealPdf(input(original, { signatures: many, position: 'first' }));
  const pages = inspectPdf(out).pageCount;
  assert.ok(pages >= 4, `${pages} pages`);
  assert.match(pageText(out, 1), /Signer 1\b/);
  assert.match(pageText(out, pages - 1), /Signer 30/);
  assert.match(pageText(out, pages), /Original page 1/);
  assert.ok((await runPdfsig(out)).signatures[0].valid);
});
