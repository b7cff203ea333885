// Benchmark: time to add the signatures page and seal (a) a 25 MB image-heavy PDF and (b) a 200-page text PDF,
// each beside a SHA-256 over the same bytes. Prints figures; asserts nothing. Run: npm run bench:seal
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { createSealCertificate } from '../server/src/seal/create-seal-certificate';
import { sealPdf } from '../server/src/seal/seal-pdf';
import { imageHeavyPdf, timeBesideSha256 } from './measure';

const RUNS = 15;

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

async function measure(name: string, original: Uint8Array, aim: string) {
  const { ms, sha256Ms } = await timeBesideSha256(RUNS, original, () =>
    sealPdf({ original, documentName: 'doc.pdf', processTitle: 'Benchmark', processId: 'bench', originalSha256: 'x'.repeat(64), signatures, position: 'last', seal, sealName: 'Bench Oy' }),
  );
  console.log(
    `${name.padEnd(28)} ${(original.length / 1048576).toFixed(1).padStart(6)} MB   seal ${ms.toFixed(1).padStart(6)} ms   sha256 ${sha256Ms.toFixed(1).padStart(6)} ms   ratio ${(ms / sha256Ms).toFixed(2).padStart(6)}×   aim: ${aim}`,
  );
  return { ms, sha256Ms };
}

console.log(`sealPdf, median of ${RUNS} runs (RSA 3072 seal), node ${process.version}`);
const a = await measure('(a) image-heavy PDF', await imageHeavyPdf(), '≤ 3× SHA-256');
const b = await measure('(b) 200-page text PDF', await textPdf(200), '≤ 30 ms');
console.log(`(a) ${a.ms / a.sha256Ms <= 3 ? 'meets' : 'misses'} its aim; (b) ${b.ms <= 30 ? 'meets' : 'misses'} its aim`);
