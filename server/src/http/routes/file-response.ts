// Sends a stored file as a download (or inline for PDFs), with a safe Content-Disposition.
import type { Context } from 'hono';

export function fileResponse(
  c: Context,
  file: { filename: string; contentType: string; bytes: Uint8Array },
  opts: { inline?: boolean } = {},
) {
  const ascii = file.filename.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const disposition = `${opts.inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`;
  return c.body(file.bytes as Uint8Array<ArrayBuffer>, 200, {
    'Content-Type': file.contentType,
    'Content-Disposition': disposition,
    'Content-Length': String(file.bytes.byteLength),
    'Cache-Control': 'private, no-store',
  });
}
