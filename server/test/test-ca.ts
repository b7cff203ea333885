// A test CA made with openssl, a server certificate it signed for 127.0.0.1 and localhost (server.pem and
// server.key in `dir`), and a second CA that signed nothing: for the TLS of the test stand-ins.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface TestCa {
  caPem: string;
  /** Another CA, which did not sign the server's certificate. */
  wrongCaPem: string;
  certPem: string;
  keyPem: string;
}

function openssl(dir: string, args: string[]) {
  execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
}

export function makeTestCa(dir: string): TestCa {
  for (const name of ['ca', 'wrong-ca']) {
    openssl(dir, ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', `/CN=Test ${name}`, '-keyout', `${name}.key`, '-out', `${name}.pem`]);
  }
  openssl(dir, ['req', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=127.0.0.1', '-keyout', 'server.key', '-out', 'server.csr']);
  writeFileSync(path.join(dir, 'san.ext'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\n');
  openssl(dir, ['x509', '-req', '-in', 'server.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-days', '2', '-extfile', 'san.ext', '-out', 'server.pem']);
  const read = (name: string) => readFileSync(path.join(dir, name), 'utf8');
  return { caPem: read('ca.pem'), wrongCaPem: read('wrong-ca.pem'), certPem: read('server.pem'), keyPem: read('server.key') };
}
