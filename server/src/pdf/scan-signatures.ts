// Finds signature dictionaries by scanning the raw bytes, for files whose structure is too damaged to read:
// a verifier must still say "this signature is broken" rather than "this is not a PDF".
import type { PdfSignature } from './read-signatures';

export function scanSignatures(bytes: Uint8Array): PdfSignature[] {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const found: PdfSignature[] = [];
  const byteRange = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g;
  for (let m = byteRange.exec(text); m; m = byteRange.exec(text)) {
    const range = m.slice(1, 5).map(Number);
    // The hex string /Contents sits exactly in the gap the byte range leaves out.
    const gap = text.slice(range[1], range[2]);
    if (!/^<[0-9A-Fa-f\s]*>$/.test(gap)) continue;
    found.push({
      fieldName: '',
      byteRange: range,
      contents: Buffer.from(gap.slice(1, -1).replace(/\s/g, ''), 'hex'),
      subFilter: /\/SubFilter\s*\/([A-Za-z0-9.]+)/.exec(text.slice(Math.max(0, m.index - 400), range[1]))?.[1] ?? '',
      claimedTime: null,
    });
  }
  return found.sort((a, b) => a.byteRange[2] - b.byteRange[2]);
}
