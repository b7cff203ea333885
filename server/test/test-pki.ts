// A small real PKI for tests, made by openssl: a root CA that publishes a CRL over HTTP, an intermediate CA that
// answers OCSP (`openssl ocsp` per request, behind a loopback HTTP server), and a sealing certificate issued by the
// intermediate, exported as the PKCS#12 an admin would upload (key, certificate and chain).
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface TestPki {
  dir: string;
  file(name: string): string;
  /** The sealing key, certificate and chain (intermediate, root) as PKCS#12, password `pki-pass`. */
  pkcs12: Uint8Array;
  ocspRequests: number;
  crlRequests: number;
  /** Marks the sealing certificate revoked at the OCSP responder from now on. */
  revokeSeal(): void;
  /** From now on the responder signs with a rogue key that no CA issued (or, with false, honestly again). */
  forgeOcsp(on?: boolean): void;
  close(): Promise<void>;
}

const ossl = (args: string[]) => execFileSync('openssl', args, { stdio: 'pipe' });

export async function startTestPki(): Promise<TestPki> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ss-pki-'));
  const file = (name: string) => path.join(dir, name);
  let ocspRequests = 0;
  let crlRequests = 0;
  let sealRevoked = false;
  let forged = false;

  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    try {
      if (req.url === '/root.crl') {
        crlRequests++;
        res.writeHead(200, { 'Content-Type': 'application/pkix-crl' }).end(readFileSync(file('root.crl')));
      } else if (req.url === '/ocsp' && req.method === 'POST') {
        const n = ++ocspRequests;
        writeIndex(file('inter-index.txt'), sealRevoked);
        writeFileSync(file(`ocsp${n}.req`), Buffer.concat(chunks));
        const signer = forged ? 'rogue' : 'inter';
        await run('openssl', ['ocsp', '-index', file('inter-index.txt'), '-CA', file('inter.crt'), '-rsigner', file(`${signer}.crt`), '-rkey', file(`${signer}.key`), '-reqin', file(`ocsp${n}.req`), '-respout', file(`ocsp${n}.resp`), '-ndays', '1']);
        res.writeHead(200, { 'Content-Type': 'application/ocsp-response' }).end(readFileSync(file(`ocsp${n}.resp`)));
      } else res.writeHead(404).end();
    } catch (err) {
      res.writeHead(500).end(String(err));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;

  // Root CA, and its CRL (nothing revoked) through `openssl ca -gencrl`.
  ossl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', file('root.key'), '-out', file('root.crt'), '-days', '30', '-subj', '/CN=Test Root CA/O=Test PKI', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign']);
  writeFileSync(file('root-index.txt'), '');
  writeFileSync(file('crlnumber'), '01\n');
  writeFileSync(
    file('root-ca.cnf'),
    `[ ca ]\ndefault_ca = root\n[ root ]\ndatabase = ${file('root-index.txt')}\ncrlnumber = ${file('crlnumber')}\ndefault_md = sha256\ndefault_crl_days = 7\ncertificate = ${file('root.crt')}\nprivate_key = ${file('root.key')}\n`,
  );
  ossl(['ca', '-gencrl', '-config', file('root-ca.cnf'), '-out', file('root.crl.pem')]);
  ossl(['crl', '-in', file('root.crl.pem'), '-outform', 'DER', '-out', file('root.crl')]);

  // Intermediate CA: checked by the root's CRL.
  writeFileSync(file('inter.ext'), `basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign,digitalSignature\ncrlDistributionPoints=URI:${base}/root.crl\n`);
  ossl(['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', file('inter.key'), '-out', file('inter.csr'), '-subj', '/CN=Test Issuing CA/O=Test PKI']);
  ossl(['x509', '-req', '-in', file('inter.csr'), '-CA', file('root.crt'), '-CAkey', file('root.key'), '-set_serial', '0x1001', '-days', '30', '-extfile', file('inter.ext'), '-out', file('inter.crt')]);

  // The sealing certificate: checked by the intermediate's OCSP responder.
  writeFileSync(
    file('seal.ext'),
    `basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,nonRepudiation\nextendedKeyUsage=emailProtection\nauthorityInfoAccess=OCSP;URI:${base}/ocsp\n`,
  );
  ossl(['req', '-newkey', 'rsa:3072', '-nodes', '-keyout', file('seal.key'), '-out', file('seal.csr'), '-subj', '/CN=Acme CA-issued Seal/O=Acme Oy']);
  ossl(['x509', '-req', '-in', file('seal.csr'), '-CA', file('inter.crt'), '-CAkey', file('inter.key'), '-set_serial', '0x2001', '-days', '20', '-extfile', file('seal.ext'), '-out', file('seal.crt')]);
  ossl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', file('rogue.key'), '-out', file('rogue.crt'), '-days', '30', '-subj', '/CN=Test Issuing CA/O=Test PKI']);
  writeFileSync(file('chain.pem'), readFileSync(file('inter.crt'), 'utf8') + readFileSync(file('root.crt'), 'utf8'));
  ossl(['pkcs12', '-export', '-inkey', file('seal.key'), '-in', file('seal.crt'), '-certfile', file('chain.pem'), '-out', file('seal.p12'), '-passout', 'pass:pki-pass']);

  function writeIndex(at: string, revoked: boolean) {
    const expiry = '301231235959Z';
    const subject = '/CN=Acme CA-issued Seal/O=Acme Oy';
    writeFileSync(at, revoked ? `R\t${expiry}\t250101000000Z,keyCompromise\t2001\tunknown\t${subject}\n` : `V\t${expiry}\t\t2001\tunknown\t${subject}\n`);
  }

  return {
    dir,
    file,
    pkcs12: readFileSync(file('seal.p12')),
    get ocspRequests() {
      return ocspRequests;
    },
    get crlRequests() {
      return crlRequests;
    },
    revokeSeal: () => {
      sealRevoked = true;
    },
    forgeOcsp: (on = true) => {
      forged = on;
    },
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
