import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inspectPdf } from './inspect-pdf';
import { PdfError } from './pdf-error';
import { hybridPdf, nestedTreePdf, qpdf, textPdf } from './test-pdfs.test-helper';

const fails = (bytes: Uint8Array, code: PdfError['code']) =>
  assert.throws(() => inspectPdf(bytes), (err: unknown) => err instanceof PdfError && err.code === code);

test('reads the page count of PDFs of every common shape', async () => {
  const classic = await textPdf(3);
  assert.equal(inspectPdf(classic).pageCount, 3);
  assert.equal(inspectPdf(await textPdf(5, { objectStreams: true })).pageCount, 5);
  assert.equal(inspectPdf(qpdf(classic, ['--object-streams=generate'])).pageCount, 3);
  assert.equal(inspectPdf(qpdf(classic, ['--linearize'])).pageCount, 3);
  assert.equal(inspectPdf(nestedTreePdf()).pageCount, 2);
  assert.equal(inspectPdf(hybridPdf()).pageCount, 1);
  assert.equal(inspectPdf(hybridPdf()).version, '1.5');
  assert.equal(inspectPdf(classic).version, '1.7');
});

test('refuses what is not a PDF, an encrypted PDF, and a damaged one', async () => {
  const classic = await textPdf(1);
  fails(new TextEncoder().encode('Dear Sir, this is a letter.'), 'not_pdf');
  fails(new Uint8Array(0), 'not_pdf');
  fails(qpdf(classic, ['--encrypt', 'user', 'owner', '256', '--']), 'encrypted');
  fails(classic.slice(0, classic.length - 100), 'unreadable');
  const wrongOffset = new TextDecoder('latin1').decode(classic).replace(/startxref\n(\d+)/, (_, n) => `startxref\n${Number(n) - 7}`);
  fails(Buffer.from(wrongOffset, 'latin1'), 'unreadable');
  fails(new TextEncoder().encode('%PDF-1.7\n%%EOF\n'), 'unreadable');
  // A cross-reference stream whose compressed data is damaged.
  const streams = Buffer.from(await textPdf(1, { objectStreams: true }));
  const xrefAt = streams.lastIndexOf('/Type /XRef');
  const dataAt = streams.indexOf('stream\n', xrefAt) + 7;
  for (let i = 2; i < 12; i++) streams[dataAt + i] ^= 0x5a;
  fails(streams, 'unreadable');
  // An xref table with garbage where its entries should be.
  const garbled = new TextDecoder('latin1').decode(classic).replace(/xref\n0 (\d+)\n/, 'xref\n0 $1\nthis is not a table\n');
  fails(Buffer.from(garbled, 'latin1'), 'unreadable');
});
