// Text for PDF syntax: literal strings for the signature dictionary, and the WinAnsi subset the standard fonts
// can draw (other characters are approximated, never a crash).
import type { PDFFont } from 'pdf-lib';

/** A PDF string: (literal) when plain ASCII, otherwise UTF-16BE hex with a byte-order mark. */
export function pdfString(value: string): string {
  if (/^[\x20-\x7e]*$/.test(value)) return `(${value.replace(/[\\()]/g, (c) => `\\${c}`)})`;
  const utf16 = Buffer.from(value, 'utf16le').swap16();
  return `<FEFF${utf16.toString('hex').toUpperCase()}>`;
}

/** A PDF date, D:YYYYMMDDHHmmSSZ, in UTC. */
export function pdfDate(d: Date): string {
  return `D:${d.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z`;
}

// Latin letters that Unicode does not decompose into a base letter and an accent.
const fallback: Record<string, string> = { Ł: 'L', ł: 'l', Đ: 'D', đ: 'd', Ħ: 'H', ħ: 'h', ı: 'i', Ŀ: 'L', ŀ: 'l', Ŧ: 'T', ŧ: 't' };

/** Makes text drawable in a standard font: unknown characters lose their accents, or become "?". */
export function drawable(font: PDFFont, text: string): string {
  const supported = new Set(font.getCharacterSet());
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const code = ch.codePointAt(0)!;
    if (supported.has(code)) out += ch;
    else {
      const base = fallback[ch] ?? ch.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
      out += [...base].every((c) => supported.has(c.codePointAt(0)!)) && base ? base : '?';
    }
  }
  return out.replace(/[\r\n\t]+/g, ' ');
}
