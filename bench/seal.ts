// Benchmark: time to add the signatures page and seal (a) a 25 MB image-heavy PDF and (b) a 200-page text PDF,
// each beside a SHA-256 over the same bytes. Prints figures; asserts nothing. Run: npm run bench:seal
import { createHash, randomBytes } from 'node:crypto';
import { PDFDocument, PDFName, StandardFonts } from 'pdf-lib';
import { createSealCertificate } from '../server/src/seal/create-seal-certificate';
import { sealPdf } from '../server/src/seal/seal-pdf';

const RUNS = 15;

async function imageHeavyPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  // Ten pages, each with a 2.5 MB raw image (random bytes: incompressible, like photos).
  for (let i = 0; i < 10; i++) {
    const page = doc.addPage();
    const pixels = randomBytes(2.5 * 1024 * 1024);
    const image = doc.context.register(
      doc.context.stream(pixels, { Type: 'XObject', Subtype: 'Image', Width: 1024, Height: pixels.length / 3072, ColorSpace: 'DeviceRGB', BitsPerComponent: 8 }),
    );
    page.node.setXObject(PDFName.of(`Im${i}`), image);
    page.drawText(`Photo ${i + 1}`, { x: 50, y: 800, size: 14, font });
  }
  return doc.save();
}

async function textPdf(pages: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 0; i < pages; i++) {
    const page = doc.addPage();
    for (let l = 0; l < 45; l++) page.drawText(`Page ${i + 1}, line ${l + 1}: the parties agree to the terms set out in this agreement.`, { x: 40, y: 800 - l * 17, size: 10, font });
  }
  return doc.save({ useObjectStreams: true });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function measure(name: string, original: Uint8Array, seal: { privateKeyPem: string; certificatePem: string }, aim: string) {
  const sealTimes: number[] = [];
  const shaTimes: number[] = [];
  const signatures = Array.from({ length: 3 }, (_, i) => ({ name: `Signer ${i + 1}`, email: `s${i + 1}@example.com`, signedAt: new Date(), method: 'OK button', ip: '192.0.2.1' }));
  for (let r = 0; r < RUNS + 2; r++) {
    let t = performance.now();
    await sealPdf({ original, documentName: 'doc.pdf', processTitle: 'Benchmark', processId: 'bench', originalSha256: 'x'.repeat(64), signatures, position: 'last', seal, sealName: 'Bench Oy' });
    const sealMs = performance.now() - t;
    t = performance.now();
    createHash('sha256').update(original).digest();
    const shaMs = performance.now() - t;
    if (r >= 2) {
      sealTimes.push(sealMs);
      shaTimes.push(shaMs);
    }
  }
  const s = median(sealTimes);
  const h = median(shaTimes);
  console.log(
    `${name.padEnd(28)} ${(original.length / 1048576).toFixed(1).padStart(6)} MB   seal ${s.toFixed(1).padStart(6)} ms   sha256 ${h.toFixed(1).padStart(6)} ms   ratio ${(s / h).toFixed(2).padStart(6)}×   aim: ${aim}`,
  );
  return { s, h };
}

const seal = await createSealCertificate({ commonName: 'Bench seal', organization: 'Bench Oy' });
console.log(`sealPdf, median of ${RUNS} runs (RSA 3072 seal), node ${process.version}`);
const a = await measure('(a) image-heavy PDF', await imageHeavyPdf(), seal, '≤ 3× SHA-256');
const b = await measure('(b) 200-page text PDF', await textPdf(200), seal, '≤ 30 ms');
console.log(`(a) ${a.s / a.h <= 3 ? 'meets' : 'misses'} its aim; (b) ${b.s <= 30 ? 'meets' : 'misses'} its aim`);
