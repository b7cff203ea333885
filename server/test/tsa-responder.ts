// A real RFC 3161 timestamp authority on loopback for tests: `openssl ts -reply` behind a small HTTP server, with
// its own certificate (extended key usage timeStamping). Can refuse its first requests to test fallbacks.
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface TsaResponder {
  url: string;
  certificateFile: string;
  requests: number;
  close(): Promise<void>;
}

export async function startTsaResponder(opts: { failFirst?: number } = {}): Promise<TsaResponder> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ss-tsa-'));
  const file = (name: string) => path.join(dir, name);
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', file('tsa.key'), '-out', file('tsa.crt'), '-days', '30',
    '-subj', '/CN=Test Timestamp Authority', '-addext', 'extendedKeyUsage=critical,timeStamping', '-addext', 'keyUsage=critical,digitalSignature',
  ], { stdio: 'pipe' });
  writeFileSync(file('serial'), '01\n');
  writeFileSync(
    file('ts.cnf'),
    `[ tsa ]\ndefault_tsa = tsa_config\n[ tsa_config ]\ndir = ${dir}\nserial = $dir/serial\nsigner_cert = $dir/tsa.crt\nsigner_key = $dir/tsa.key\n` +
      `signer_digest = sha256\ndefault_policy = 1.2.3.4.1\ndigests = sha256, sha384, sha512\naccuracy = secs:1\ness_cert_id_alg = sha256\ncrypto_device = builtin\nordering = yes\ntsa_name = yes\n`,
  );
  let requests = 0;
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    requests++;
    if (requests <= (opts.failFirst ?? 0)) {
      res.writeHead(503).end('busy');
      return;
    }
    const n = requests;
    writeFileSync(file(`q${n}.tsq`), Buffer.concat(chunks));
    try {
      await run('openssl', ['ts', '-reply', '-config', file('ts.cnf'), '-queryfile', file(`q${n}.tsq`), '-out', file(`r${n}.tsr`)]);
      res.writeHead(200, { 'Content-Type': 'application/timestamp-reply' }).end(readFileSync(file(`r${n}.tsr`)));
    } catch (err) {
      res.writeHead(500).end(String(err));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}/tsa`,
    certificateFile: file('tsa.crt'),
    get requests() {
      return requests;
    },
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
