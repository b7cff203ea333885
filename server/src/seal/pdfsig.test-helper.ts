// Runs poppler's pdfsig on PDF bytes and reads its report. pdfsig exits 0 even when a digest is broken, so the
// text is what counts: "Signature Validation: Signature is Valid." and "Total document signed".
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface PdfsigSignature {
  valid: boolean;
  wholeDocument: boolean;
  /** pdfsig's "Certificate Validation:" text, e.g. "Certificate issuer is unknown." for a self-signed seal. */
  certificate: string;
  raw: string;
}

export async function runPdfsig(bytes: Uint8Array): Promise<{ signatures: PdfsigSignature[]; raw: string }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'pdfsig-'));
  try {
    const file = path.join(dir, 'doc.pdf');
    await writeFile(file, bytes);
    const { stdout, stderr } = await run('pdfsig', [file]).catch((err) => ({ stdout: String(err.stdout ?? ''), stderr: String(err.stderr ?? '') }));
    const raw = `${stdout}${stderr}`;
    const blocks = stdout.split(/^Signature #\d+:$/m).slice(1);
    return {
      raw,
      signatures: blocks.map((b) => ({
        valid: /Signature Validation: Signature is Valid\./.test(b),
        wholeDocument: /Total document signed/.test(b) && !/Not total document signed/.test(b),
        certificate: /Certificate Validation: (.*)/.exec(b)?.[1]?.trim() ?? '',
        raw: b,
      })),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
