// Benchmark: time to verify a 25 MB sealed PDF (every signature checked, and the file looked up by its SHA-256),
// beside a SHA-256 over the same bytes. Prints figures; asserts nothing. Run: npm run bench:verify
import { loadConfig } from '../server/src/config/config';
import { openDatabase } from '../server/src/db/database';
import { sealKeys } from '../server/src/db/schema';
import { createSecrets } from '../server/src/domain/secrets';
import { verifyDocument } from '../server/src/domain/verify/verify-document';
import { createLogger } from '../server/src/logger';
import { createSealCertificate } from '../server/src/seal/create-seal-certificate';
import { sealPdf } from '../server/src/seal/seal-pdf';
import { createBlobStore } from '../server/src/storage/blob-store';
import { imageHeavyPdf, timeBesideSha256 } from './measure';

const RUNS = 15;

const seal = await createSealCertificate({ commonName: 'Bench seal', organization: 'Bench Oy' });
const sealed = await sealPdf({
  original: await imageHeavyPdf(), documentName: 'doc.pdf', processTitle: 'Bench', processId: 'bench', originalSha256: 'x',
  signatures: [{ name: 'A', email: 'a@example.com', signedAt: new Date(), method: 'OK button', ip: '192.0.2.1' }], position: 'last', seal, sealName: 'Bench Oy',
});

const database = await openDatabase({ kind: 'pglite' });
await database.db.insert(sealKeys).values({ id: crypto.randomUUID(), certificatePem: seal.certificatePem, privateKeyEncrypted: 'unused' });
const config = loadConfig({ LOG_LEVEL: 'silent' });
const ctx = { db: database.db, config, secrets: createSecrets('b'.repeat(40)), blobs: createBlobStore('database', '.'), clock: () => new Date(), log: createLogger('silent') };

const { ms: v, sha256Ms: h } = await timeBesideSha256(RUNS, sealed, async () => {
  const report = await verifyDocument(ctx, { bytes: sealed });
  if (report.verdict !== 'valid') throw new Error(`unexpected verdict ${report.verdict}`);
});
console.log(`verifyDocument, median of ${RUNS} runs, node ${process.version}`);
console.log(`sealed PDF ${(sealed.length / 1048576).toFixed(1)} MB   verify ${v.toFixed(1)} ms   sha256 ${h.toFixed(1)} ms   ratio ${(v / h).toFixed(2)}×`);
console.log('(verification hashes the file twice: the signed byte ranges for the signature, the whole file for the look-up)');
await database.close();
