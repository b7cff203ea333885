// Shared by the benchmarks: the 25 MB image-heavy fixture, and timing an operation beside SHA-256 of its input.
import { createHash, randomBytes } from 'node:crypto';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { PDFDocument, PDFName, StandardFonts } from 'pdf-lib';

/** Ten pages, each with a 2.5 MB raw image of random bytes (incompressible, like photos): about 25 MB. */
export async function imageHeavyPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 0; i < 10; i++) {
    const pixels = randomBytes(2.5 * 1024 * 1024);
    const image = doc.context.register(
      doc.context.stream(pixels, { Type: 'XObject', Subtype: 'Image', Width: 1024, Height: pixels.length / 3072, ColorSpace: 'DeviceRGB', BitsPerComponent: 8 }),
    );
    const page = doc.addPage();
    page.node.setXObject(PDFName.of(`Im${i}`), image);
    page.drawText(`Photo ${i + 1}`, { x: 50, y: 800, size: 14, font });
  }
  return doc.save();
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// Building a fixture leaves hundreds of MB of garbage (pdf-lib's document, its saved copies); collected during the
// timed runs, it would be billed to whatever runs first. `gc` is exposed at run time so `npx tsx` needs no flag.
v8.setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

export interface Timing {
  /** Median time of the operation. */
  ms: number;
  /** Its fastest run. */
  bestMs: number;
  /** Median time of a SHA-256 over the same bytes. */
  sha256Ms: number;
  /** Median of the ratios of runs taken side by side: steadier than ms / sha256Ms on a busy machine. */
  ratio: number;
}

/** Times `operation` and a SHA-256 over `bytes` in turns, after warm-up rounds and a garbage collection. */
export async function timeBesideSha256(runs: number, bytes: Uint8Array, operation: () => Promise<unknown>, warmUp = 5): Promise<Timing> {
  for (let r = 0; r < warmUp; r++) await operation();
  collectGarbage();
  const times: number[] = [];
  const shaTimes: number[] = [];
  const ratios: number[] = [];
  for (let r = 0; r < runs; r++) {
    let t = performance.now();
    await operation();
    const ms = performance.now() - t;
    t = performance.now();
    createHash('sha256').update(bytes).digest();
    const sha = performance.now() - t;
    times.push(ms);
    shaTimes.push(sha);
    ratios.push(ms / sha);
  }
  return { ms: median(times), bestMs: Math.min(...times), sha256Ms: median(shaTimes), ratio: median(ratios) };
}
