// Benchmark: time to add the signatures page and seal (a) a 25 MB image-heavy PDF and (b) a 200-page text PDF,
// each beside a SHA-256 over the same bytes, and the upload check (inspectPdf) of each. Prints figures; asserts
// nothing. Run: npm run bench:seal (or npx tsx bench/seal.ts)
import { cpus } from 'node:os';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { inspectPdf } from '../server/src/pdf/inspect-pdf';
import { createSealCertificate } from '../server/src/seal/create-seal-certificate';
import { sealPdf } from '../server/src/seal/seal-pdf';
import { imageHeavyPdf, timeBesideSha256 } from './measure';

const RUNS = 25;

async function textPdf(pages: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 0; i < pages; i++) {
    const page = doc.addPage();
    for (let l = 0; l < 45; l++) page.drawText(`Page ${i + 1}, line ${l + 1}: the parties agree to the terms set out in this agreement.`, { x: 40, y: 800 - l * 17, size: 10, font });
  }
  return doc.save({ useObjectStreams: true });
}

const seal = await createSealCertificate({ commonName: 'Bench seal', organization: 'Bench Oy' });
const signatures = Array.from({ length: 3 }, (_, i) => ({ name: `Signer ${i + 1}`, email: `s${i + 1}@example.com`, signedAt: new Date(), method: 'OK button', ip: '192.0.2.1' }));

const ms = (v: number) => `${v.toFixed(1).padStart(6)} ms`;

async function measure(name: string, original: Uint8Array) {
  const t = await timeBesideSha256(RUNS, original, () =>
    sealPdf({ original, documentName: 'doc.pdf', processTitle: 'Benchmark', processId: 'bench', originalSha256: 'x'.repeat(64), signatures, position: 'last', seal, sealName: 'Bench Oy' }),
  );
  const inspect = await timeBesideSha256(RUNS, original, async () => inspectPdf(original));
  console.log(
    `${name.padEnd(24)} ${(original.length / 1048576).toFixed(1).padStart(5)} MB   seal ${ms(t.ms)} (best ${ms(t.bestMs)})   sha256 ${ms(t.sha256Ms)}   ` +
      `ratio ${(t.ms / t.sha256Ms).toFixed(2).padStart(6)}× (paired ${t.ratio.toFixed(2)}×)   inspectPdf ${ms(inspect.ms)}`,
  );
  return t;
}

console.log(`sealPdf and inspectPdf, medians of ${RUNS} runs after warm-up (RSA 3072 seal), node ${process.version}, ${cpus().length} × ${cpus()[0]?.model}`);
const a = await measure('(a) image-heavy PDF', await imageHeavyPdf());
const b = await measure('(b) 200-page text PDF', await textPdf(200));
const ratioA = a.ms / a.sha256Ms;
console.log(`(a) aim ≤ 3× SHA-256: ${ratioA <= 3 ? 'met' : 'MISSED'} (${ratioA.toFixed(2)}× median over median; fastest run ${(a.bestMs / a.sha256Ms).toFixed(2)}×)`);
console.log(`(b) aim ≤ 30 ms:      ${b.ms <= 30 ? 'met' : 'MISSED'} (${b.ms.toFixed(1)} ms median; fastest run ${b.bestMs.toFixed(1)} ms)`);
console.log('"paired" is the median of the ratios of runs taken side by side, steadier when other work shares the machine.');
