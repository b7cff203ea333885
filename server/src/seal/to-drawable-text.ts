// The standard fonts draw only WinAnsi; names come in any script. Characters a font cannot draw are approximated
// (accents dropped) or replaced by "?", never a crash, so a signer's name can never stop a document being sealed.
import type { PDFFont } from 'pdf-lib';

// Latin letters that Unicode does not decompose into a base letter and an accent.
const fallback: Record<string, string> = { Ł: 'L', ł: 'l', Đ: 'D', đ: 'd', Ħ: 'H', ħ: 'h', ı: 'i', Ŀ: 'L', ŀ: 'l', Ŧ: 'T', ŧ: 't' };
const characterSets = new WeakMap<PDFFont, Set<number>>();

export function toDrawableText(font: PDFFont, text: string): string {
  let supported = characterSets.get(font);
  if (!supported) characterSets.set(font, (supported = new Set(font.getCharacterSet())));
  let out = '';
  for (const ch of text.normalize('NFC')) {
    if (supported.has(ch.codePointAt(0)!)) out += ch;
    else {
      const base = fallback[ch] ?? ch.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
      out += base && [...base].every((c) => supported.has(c.codePointAt(0)!)) ? base : '?';
    }
  }
  return out.replace(/[\r\n\t]+/g, ' ');
}
