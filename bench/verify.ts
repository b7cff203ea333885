// Benchmark: time to verify a 25 MB sealed PDF (every signature checked, and the file looked up by its SHA-256),
// beside a SHA-256 over the same bytes. Prints figures; asserts nothing. Run: npm run bench:verify
import { createHash, randomBytes } from 'node:crypto';
import { PDFDocument, PDFName, StandardFonts } from 'pdf-lib';
import { loadConfig } from '../server/src/config/config';
import { openDatabase } from '../server/src/db/database';
import { sealKeys } from '../server/src/db/schema';
import { createSecrets } from '../server/src/domain/secrets';
import { verifyDocument } from '../server/src/domain/verify/verify-document';
import { createLogger } from '../server/src/logger';
import { createSealCertificate } from '../server/src/seal/create-seal-certificate';
import { sealPdf } from '../server/src/seal/seal-pdf';
import { createBlobStore } from '../server/src/storage/blob-store';

const RUNS = 15;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const doc = await PDFDocument.create();
const font = await doc.embedFont(StandardFonts.Helvetica);
for (let i = 0; i < 10; i++) {
  const pixels = randomBytes(2.5 * 1024 * 1024);
  const image = doc.context.register(doc.context.stream(pixels, { Type: 'XObject', Subtype: 'Image', Width: 1024, Height: pixels.length / 3072, ColorSpace: 'DeviceRGB', BitsPerComponent: 8 }));
  const page = doc.addPage();
  page.node.setXObject(PDFName.of(`Im${i}`), image);
  page.drawText(`Photo ${i + 1}`, { x: 50, y: 800, size: 14, font });
}
const seal = await createSealCertificate({ commonName: 'Bench seal', organization: 'Bench Oy' });
const sealed = await sealPdf({
  original: await doc.save(), documentName: 'doc.pdf', processTitle: 'Bench', processId: 'bench', originalSha256: 'x',
  signatures: [{ name: 'A', email: 'a@example.com', signedAt: new Date(), method: 'OK button', ip: '192.0.2.1' }], position: 'last', seal, sealName: 'Bench Oy',
});

const database = await openDatabase({ kind: 'pglite' });
await database.db.insert(sealKeys).values({ id: crypto.randomUUID(), certificatePem: seal.certificatePem, privateKeyEncrypted: 'unused' });
const config = loadConfig({ LOG_LEVEL: 'silent' });
const ctx = { db: database.db, config, secrets: createSecrets('b'.repeat(40)), blobs: createBlobStore('database', '.'), clock: () => new Date(), log: createLogger('silent') };

const verifyTimes: number[] = [];
const shaTimes: number[] = [];
for (let r = 0; r < RUNS + 2; r++) {
  let t = performance.now();
  const report = await verifyDocument(ctx, { bytes: sealed });
  const v = performance.now() - t;
  if (report.verdict !== 'valid') throw new Error(`unexpected verdict ${report.verdict}`);
  t = performance.now();
  createHash('sha256').update(sealed).digest();
  const h = performance.now() - t;
  if (r >= 2) {
    verifyTimes.push(v);
    shaTimes.push(h);
  }
}
const v = median(verifyTimes);
const h = median(shaTimes);
console.log(`verifyDocument, median of ${RUNS} runs, node ${process.version}`);
console.log(`sealed PDF ${(sealed.length / 1048576).toFixed(1)} MB   verify ${v.toFixed(1)} ms   sha256 ${h.toFixed(1)} ms   ratio ${(v / h).toFixed(2)}×`);
console.log('(verification hashes the file twice: the signed byte ranges for the signature, the whole file for the look-up)');
await database.close();
