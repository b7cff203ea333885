// Test stand-in for a signing-right service (the trade register cannot be reached offline): it knows which
// identity numbers may sign for which business IDs, and can be told to fail.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export async function startSigningRightService(rights: Record<string, string[]>) {
  const questions: Record<string, string>[] = [];
  let failNext = 0;
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      if (failNext > 0) {
        failNext--;
        return res.writeHead(503).end('register unavailable');
      }
      const q = JSON.parse(body) as { businessId: string; identityNumber: string; name: string };
      questions.push({ ...q, authorization: req.headers.authorization ?? '' });
      const allowed = (rights[q.businessId] ?? []).includes(q.identityNumber);
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(
        JSON.stringify(allowed ? { allowed } : { allowed, reason: `${q.name} has no right to sign for ${q.businessId} in the trade register` }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/signing-right`,
    questions,
    failNextAnswers: (n: number) => (failNext = n),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
