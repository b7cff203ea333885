// Shared by the benchmarks: the 25 MB image-heavy fixture, and timing an operation beside SHA-256 of its input.
import { createHash, randomBytes } from 'node:crypto';
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

/** Median times of `operation` and of a SHA-256 over `bytes`, after two warm-up rounds. */
export async function timeBesideSha256(runs: number, bytes: Uint8Array, operation: () => Promise<unknown>): Promise<{ ms: number; sha256Ms: number }> {
  const times: number[] = [];
  const shaTimes: number[] = [];
  for (let r = 0; r < runs + 2; r++) {
    let t = performance.now();
    await operation();
    const ms = performance.now() - t;
    t = performance.now();
    createHash('sha256').update(bytes).digest();
    const sha = performance.now() - t;
    if (r >= 2) {
      times.push(ms);
      shaTimes.push(sha);
    }
  }
  return { ms: median(times), sha256Ms: median(shaTimes) };
}
