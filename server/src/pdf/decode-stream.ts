// Decodes the streams the reader needs (cross-reference and object streams): FlateDecode with the PNG and TIFF
// predictors that xref streams commonly use. Content streams are never decoded.
import { inflateSync } from 'node:zlib';
import { PDFArray, PDFDict, PDFName, PDFNumber, type PDFRawStream } from 'pdf-lib';
import { PdfError } from './pdf-error';

const MAX_DECODED_BYTES = 128 * 1024 * 1024;

export function decodeStream(stream: PDFRawStream): Uint8Array {
  const filter = stream.dict.lookup(PDFName.of('Filter'));
  const filters = filter instanceof PDFArray ? filter.asArray() : filter ? [filter] : [];
  let bytes: Uint8Array = stream.contents;
  const parms = stream.dict.lookup(PDFName.of('DecodeParms'));
  for (const [i, f] of filters.entries()) {
    const name = f instanceof PDFName ? f.asString() : String(f);
    if (name !== '/FlateDecode') throw new PdfError('unreadable', `unsupported filter ${name} on a cross-reference or object stream`);
    try {
      // A small upload must not inflate into gigabytes: real cross-reference and object streams stay far below this.
      bytes = inflateSync(bytes, { maxOutputLength: MAX_DECODED_BYTES });
    } catch {
      throw new PdfError('unreadable', 'a compressed cross-reference or object stream is damaged');
    }
    const p = parms instanceof PDFArray ? parms.lookup(i) : parms;
    if (p instanceof PDFDict) bytes = unpredict(bytes, p);
  }
  return bytes;
}

function num(dict: PDFDict, key: string, fallback: number): number {
  const v = dict.lookup(PDFName.of(key));
  return v instanceof PDFNumber ? v.asNumber() : fallback;
}

function unpredict(data: Uint8Array, parms: PDFDict): Uint8Array {
  const predictor = num(parms, 'Predictor', 1);
  if (predictor === 1) return data;
  const colors = num(parms, 'Colors', 1);
  const bpc = num(parms, 'BitsPerComponent', 8);
  const columns = num(parms, 'Columns', 1);
  const bpp = Math.max(1, Math.ceil((colors * bpc) / 8));
  const rowLength = Math.ceil((colors * bpc * columns) / 8);
  if (predictor === 2) {
    if (bpc !== 8) throw new PdfError('unreadable', 'unsupported TIFF predictor depth');
    const out = Uint8Array.from(data);
    for (let row = 0; row < out.length; row += rowLength) {
      for (let i = bpp; i < rowLength; i++) out[row + i] = (out[row + i] + out[row + i - bpp]) & 0xff;
    }
    return out;
  }
  // PNG predictors (10–15): each row starts with its filter type.
  const rows = Math.floor(data.length / (rowLength + 1));
  const out = new Uint8Array(rows * rowLength);
  let prev = new Uint8Array(rowLength);
  for (let r = 0; r < rows; r++) {
    const type = data[r * (rowLength + 1)];
    const src = data.subarray(r * (rowLength + 1) + 1, (r + 1) * (rowLength + 1));
    const cur = out.subarray(r * rowLength, (r + 1) * rowLength);
    for (let i = 0; i < rowLength; i++) {
      const left = i >= bpp ? cur[i - bpp] : 0;
      const up = prev[i];
      const upLeft = i >= bpp ? prev[i - bpp] : 0;
      let v: number;
      switch (type) {
        case 0: v = src[i]; break;
        case 1: v = src[i] + left; break;
        case 2: v = src[i] + up; break;
        case 3: v = src[i] + ((left + up) >> 1); break;
        case 4: {
          const p = left + up - upLeft;
          const pa = Math.abs(p - left), pb = Math.abs(p - up), pc = Math.abs(p - upLeft);
          v = src[i] + (pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft);
          break;
        }
        default:
          throw new PdfError('unreadable', `unknown PNG predictor row type ${type}`);
      }
      cur[i] = v & 0xff;
    }
    prev = cur;
  }
  return out;
}
