// The POST goes to the address the guard checked, never to a second DNS answer (rebinding): a name that only the
// guard's resolver knows still reaches the server behind the checked address, with its own Host header.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { checkReportUrl } from './check-report-url';
import { postReport } from './post-report';

let server: ReturnType<typeof createServer>;
let port: number;
const seen: { host?: string; body: string; key?: string }[] = [];
before(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      seen.push({ host: req.headers.host, body, key: req.headers['idempotency-key'] as string | undefined });
      res.writeHead(req.url === '/moved' ? 307 : 204, req.url === '/moved' ? { Location: 'http://169.254.169.254/' } : {}).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
after(() => new Promise<void>((resolve) => server.close(() => resolve())));

// "rebind.invalid" cannot resolve in real DNS: only the pinned address can make this connection work.
const target = (path: string) =>
  checkReportUrl(`http://rebind.invalid:${port}${path}`, { allowList: ['rebind.invalid'], resolve: async () => [{ address: '127.0.0.1', family: 4 }] });

test('connects to the checked address with the URL host in the Host header', async () => {
  const outcome = await postReport(await target('/in'), { body: Buffer.from('{"a":1}'), headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'k-1' }, timeoutSeconds: 5 });
  assert.deepEqual(outcome, { ok: true, status: 204 });
  assert.deepEqual(seen.at(-1), { host: `rebind.invalid:${port}`, body: '{"a":1}', key: 'k-1' });
});

test('a redirect is a failure and is not followed', async () => {
  const before = seen.length;
  const outcome = await postReport(await target('/moved'), { body: Buffer.from('x'), headers: {}, timeoutSeconds: 5 });
  assert.equal(outcome.ok, false);
  assert.equal(outcome.status, 307);
  assert.equal(seen.length, before + 1, 'one request, no second one to the Location');
});

test('the system resolver is used when none is given: localhost is loopback, refused unless listed', async () => {
  await assert.rejects(checkReportUrl(`http://localhost:${port}/`, { allowList: [] }), /loopback/);
  const ok = await checkReportUrl(`http://localhost:${port}/`, { allowList: ['localhost'] });
  assert.ok(['127.0.0.1', '::1'].includes(ok.address));
});
