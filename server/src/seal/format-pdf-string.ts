// Text values written straight into PDF syntax (the signature dictionary's /Name and /Reason).
/** A PDF string: (literal) when plain ASCII, otherwise UTF-16BE hex with a byte-order mark. */
export function formatPdfString(value: string): string {
  if (/^[\x20-\x7e]*$/.test(value)) return `(${value.replace(/[\\()]/g, (c) => `\\${c}`)})`;
  const utf16 = Buffer.from(value, 'utf16le').swap16();
  return `<FEFF${utf16.toString('hex').toUpperCase()}>`;
}
