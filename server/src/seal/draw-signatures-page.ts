// Draws the signatures page(s) with pdf-lib in a scratch document whose object numbers start after the original
// file's, so its objects can be appended to the original as they are.
import { PDFDocument, PDFName, PDFRef, StandardFonts, rgb, type PDFFont, type PDFPage, type PDFObject } from 'pdf-lib';
import QRCode from 'qrcode';
import { toDrawableText } from './to-drawable-text';
import { wrapText } from './wrap-text';

export interface SignatureRecord {
  /** Empty when the sender gave no name: the email stands in. */
  name: string;
  email: string;
  signedAt: Date;
  method: string;
  ip: string;
  /** "Title, Organisation" when the signer has them. */
  role?: string;
  /** What an identity provider verified: "Verified by <provider>: <name>, identity number …". */
  verified?: string;
  /** The drawn signature (PNG) of a handwritten signature, printed beside the signer. */
  drawing?: Uint8Array;
  /** The signature block this signature is (its label, and the message fields it also covers). */
  block?: string;
}

export interface SignaturesPageContent {
  processTitle: string;
  processId: string;
  documentName: string;
  originalSha256: string;
  signatures: SignatureRecord[];
  sealName: string;
  /** A code and link where anyone can check the document; drawn with a QR code. */
  verification?: { code: string; url: string };
}

export interface DrawnPages {
  /** Every new object, including the page dictionaries, by reference. */
  objects: [PDFRef, PDFObject][];
  pageRefs: PDFRef[];
  /** The document whose context numbers any further new objects. */
  doc: PDFDocument;
}

const formatUtc = (d: Date) => d.toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC');

export async function drawSignaturesPages(
  content: SignaturesPageContent,
  opts: { firstObjectNumber: number; parent: PDFRef; size: { width: number; height: number } },
): Promise<DrawnPages> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.context.largestObjectNumber = opts.firstObjectNumber - 1;
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const mono = await doc.embedFont(StandardFonts.Courier);
  const { width, height } = opts.size;
  const margin = Math.min(50, width / 10);
  let textWidth = width - 2 * margin;
  const ink = rgb(0.11, 0.14, 0.16);
  const muted = rgb(0.36, 0.4, 0.44);

  let page: PDFPage = doc.addPage([width, height]);
  let y = height - margin;
  const line = (text: string, font: PDFFont, size: number, color = ink) => {
    for (const part of wrapText(toDrawableText(font, text), font, size, textWidth)) {
      page.drawText(part, { x: margin, y: y - size, size, font, color });
      y -= size * 1.35;
    }
  };
  const rule = () => {
    page.drawLine({ start: { x: margin, y }, end: { x: width - margin, y }, thickness: 0.5, color: rgb(0.8, 0.83, 0.86) });
    y -= 8;
  };

  const qrSize = 84;
  if (content.verification) drawQr(page, content.verification.url, { x: width - margin - qrSize, y: height - margin - qrSize, size: qrSize });
  const fullWidth = textWidth;
  if (content.verification) textWidth = fullWidth - qrSize - 12;
  line('Signatures', bold, 20);
  y -= 4;
  line(content.processTitle, bold, 12);
  line(`Document: ${content.documentName}`, regular, 10);
  line(`Process id: ${content.processId}`, regular, 10);
  line('SHA-256 of the original document:', regular, 10);
  line(content.originalSha256, mono, 9);
  if (content.verification) {
    line(`Verification code: ${content.verification.code}`, bold, 10);
    line(`Check this document at ${content.verification.url}`, regular, 9, muted);
  }
  textWidth = fullWidth;
  y = Math.min(y, height - margin - qrSize) - 6;
  rule();

  const drawingBox = { width: 150, height: 48 };
  const footerSpace = 40;
  for (const [i, s] of content.signatures.entries()) {
    const blockHeight = Math.max(11 * 1.35 * ((s.role ? 3 : 2) + (s.block ? 1 : 0)) + 9 * 1.35 * (s.verified ? 2 : 1), s.drawing ? drawingBox.height + 4 : 0) + 10;
    if (y - blockHeight < margin + footerSpace) {
      page = doc.addPage([width, height]);
      y = height - margin;
      line('Signatures (continued)', bold, 14);
      y -= 4;
      rule();
    }
    const top = y;
    if (s.drawing) {
      const image = await doc.embedPng(s.drawing);
      const scale = Math.min(drawingBox.width / image.width, drawingBox.height / image.height);
      const w = image.width * scale;
      const h = image.height * scale;
      page.drawImage(image, { x: width - margin - w, y: top - h - 2, width: w, height: h });
      textWidth = fullWidth - drawingBox.width - 12;
    }
    if (s.block) line(`${i + 1}. ${s.block}`, bold, 11);
    line(s.block ? s.name || s.email : `${i + 1}. ${s.name || s.email}`, bold, s.block ? 10 : 11);
    if (s.role) line(s.role, regular, 10);
    if (s.name) line(s.email, regular, 10);
    line(`Signed ${formatUtc(s.signedAt)}  ·  Method: ${s.method}  ·  IP address: ${s.ip || 'unknown'}`, regular, 9, muted);
    if (s.verified) line(s.verified, regular, 9);
    textWidth = fullWidth;
    if (s.drawing) y = Math.min(y, top - drawingBox.height - 6);
    y -= 4;
    rule();
  }

  const pages = doc.getPages();
  for (const p of pages) {
    p.drawText(toDrawableText(regular, `Electronically sealed by ${content.sealName}. Any change to this document breaks the seal.`), {
      x: margin,
      y: margin / 2 + 4,
      size: 8,
      font: regular,
      color: muted,
    });
    p.node.set(PDFName.of('Parent'), opts.parent);
  }
  await doc.flush();
  const objects = doc.context
    .enumerateIndirectObjects()
    .filter(([ref]) => ref.objectNumber >= opts.firstObjectNumber);
  return { objects, pageRefs: pages.map((p) => p.ref), doc };
}

/** A QR code drawn as vector squares (one rectangle per run of dark modules), sharp at any zoom. */
function drawQr(page: PDFPage, text: string, at: { x: number; y: number; size: number }) {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const quiet = 2;
  const cell = at.size / (n + 2 * quiet);
  for (let row = 0; row < n; row++) {
    for (let col = 0; col < n; ) {
      if (!qr.modules.get(row, col)) {
        col++;
        continue;
      }
      let end = col;
      while (end < n && qr.modules.get(row, end)) end++;
      page.drawRectangle({
        x: at.x + (quiet + col) * cell,
        y: at.y + at.size - (quiet + row + 1) * cell,
        width: (end - col) * cell,
        height: cell,
        color: rgb(0, 0, 0),
      });
      col = end;
    }
  }
}
