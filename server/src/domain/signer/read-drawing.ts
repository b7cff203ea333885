// A handwritten signature as the signing page sends it: a PNG data URL from the drawing pad. Checked before it is
// stored and printed: a real PNG (signature, IHDR), of a sensible size, not too large.
import { DomainError } from '../errors';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
export const MAX_DRAWING_BYTES = 512 * 1024;

export function readDrawing(dataUrl: string): Uint8Array {
  const refuse = () => new DomainError('invalid_input', 'The drawn signature is missing or not a PNG image', 'drawing', 'sign.errorDrawing');
  const match = /^data:image\/png;base64,([A-Za-z0-9+/]+={0,2})$/.exec(dataUrl.trim());
  if (!match || match[1].length > (MAX_DRAWING_BYTES * 4) / 3 + 4) throw refuse();
  const bytes = new Uint8Array(Buffer.from(match[1], 'base64'));
  if (bytes.length < 33 || PNG_SIGNATURE.some((b, i) => bytes[i] !== b)) throw refuse();
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunk = String.fromCharCode(...bytes.subarray(12, 16));
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  if (chunk !== 'IHDR' || width < 20 || height < 10 || width > 4000 || height > 2000) throw refuse();
  return bytes;
}
