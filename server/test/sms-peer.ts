// Test stand-in for an HTTP SMS gateway (real ones cannot run offline): records every request, and answers as
// told: accept, fail with a status, or hang until the client gives up.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export type SmsRequest = { method: string; url: string; headers: IncomingHttpHeaders; body: string };
export type SmsAnswer = { status: number; body?: string } | 'hang';

export async function startSmsPeer() {
  const requests: SmsRequest[] = [];
  const answers: SmsAnswer[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      const answer = answers.shift() ?? { status: 200, body: '{"accepted":true}' };
      if (answer === 'hang') return; // never answers; closed when the peer closes
      res.writeHead(answer.status, { 'Content-Type': 'application/json' }).end(answer.body ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    /** The answers to give to the next requests, in order; afterwards 200. */
    answerNext: (...next: SmsAnswer[]) => answers.push(...next),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
