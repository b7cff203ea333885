// Seals with RFC 3161 timestamps (PAdES B-T) against a real `openssl ts` authority on loopback.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { startTsaResponder, type TsaResponder } from '../../test/tsa-responder';
import { readPdf } from '../pdf/read-pdf';
import { readSignatures } from '../pdf/read-signatures';
import { textPdf } from '../pdf/test-pdfs.test-helper';
import { createSealCertificate } from './create-seal-certificate';
import { runPdfsig } from './pdfsig.test-helper';
import { requestTimestamp, timestampNonce } from './request-timestamp';
import { sealPdf } from './seal-pdf';
import { verifyCms } from './verify-cms';

let tsa: TsaResponder;
let dir: string;
before(async () => {
  tsa = await startTsaResponder();
  dir = mkdtempSync(path.join(tmpdir(), 'ss-ts-'));
});
after(async () => {
  await tsa.close();
  rmSync(dir, { recursive: true, force: true });
});

async function sealWith(urls: string[]) {
  const seal = await createSealCertificate({ commonName: 'Acme seal', organization: 'Acme Oy' });
  const original = await textPdf(1);
  return sealPdf({
    original, documentName: 'a.pdf', processTitle: 'T', processId: 'p', originalSha256: 'x', signatures: [], position: 'last', seal, sealName: 'Acme Oy',
    timestamp: async (data) => (await requestTimestamp({ urls, data })).token,
  });
}

test('the seal carries a signature timestamp that openssl ts verifies against the signature value', async () => {
  const before = Date.now();
  const out = await sealWith([tsa.url]);
  const check = await runPdfsig(out);
  assert.ok(check.signatures[0].valid && check.signatures[0].wholeDocument, check.raw);

  const [sig] = readSignatures(readPdf(out));
  const [a, b, c, d] = sig.byteRange;
  const result = verifyCms({ cms: sig.contents, signedParts: [out.subarray(a, a + b), out.subarray(c, c + d)] });
  assert.ok(result.timestamp?.valid, 'the token stamps this signature');
  assert.equal(result.timestamp?.authority, 'Test Timestamp Authority');
  assert.ok(Math.abs(new Date(result.timestamp!.time).getTime() - before) < 60_000);

  // Independently: openssl ts -verify on the token, with the signature value as the stamped data.
  const signed = new pkijs.SignedData({ schema: new pkijs.ContentInfo({ schema: asn1js.fromBER(sig.contents).result }).content });
  const signer = signed.signerInfos[0];
  const token = signer.unsignedAttrs!.attributes.find((x) => x.type === '1.2.840.113549.1.9.16.2.14')!.values[0];
  writeFileSync(path.join(dir, 'token.der'), new Uint8Array(token.toBER()));
  writeFileSync(path.join(dir, 'data.bin'), signer.signature.valueBlock.valueHexView);
  const out2 = execFileSync('openssl', ['ts', '-verify', '-token_in', '-in', path.join(dir, 'token.der'), '-data', path.join(dir, 'data.bin'), '-CAfile', tsa.certificateFile], { stdio: 'pipe' }).toString();
  assert.match(out2, /Verification: OK/);
});

test('authorities are tried in order: a refusing one is skipped, and none answering fails loudly', async () => {
  const busy = await startTsaResponder({ failFirst: 100 });
  try {
    const stamp = await requestTimestamp({ urls: ['http://127.0.0.1:1/unreachable', busy.url, tsa.url], data: new Uint8Array([1, 2, 3]) });
    assert.equal(stamp.url, tsa.url);
    assert.equal(busy.requests, 1);
    await assert.rejects(requestTimestamp({ urls: [busy.url], data: new Uint8Array([1]) }), /no timestamp authority answered: .*HTTP 503/);
  } finally {
    await busy.close();
  }
});

test('nonces are minimal positive DER integers whatever the random bytes (a leading 0 or 0x80 once made openssl refuse)', async () => {
  for (const first of [0x00, 0x01, 0x7f, 0x80, 0xff]) {
    const nonce = timestampNonce(Buffer.from([first, 0x00, 0x12, 0x34, 0, 0, 0, 1]));
    const encoded = Buffer.from(new asn1js.Integer({ valueHex: nonce }).toBER());
    assert.equal(encoded[1], 8, 'eight content bytes, no padding');
    assert.ok(nonce[0] > 0 && nonce[0] < 0x80);
    assert.equal(BigInt(`0x${nonce.toString('hex')}`) > 0n, true);
  }
  // And a real authority grants a request whose random bytes start with zero.
  const stamp = await requestTimestamp({ urls: [tsa.url], data: new Uint8Array([9]), random: () => Buffer.from([0, 0, 0, 0, 0, 0, 0, 7]) });
  assert.equal(stamp.url, tsa.url);
});
