// One HTTP POST of a report to a checked URL, connecting to the checked address only (the DNS lookup is pinned,
// TLS still verifies the host name). Redirects are not followed: a 3xx is a failed attempt, so a public URL cannot
// bounce the request to an internal one.
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import type { CheckedUrl } from './check-report-url';

export type PostOutcome = { ok: true; status: number } | { ok: false; status?: number; error: string };

export function postReport(target: CheckedUrl, input: { body: Buffer; headers: Record<string, string>; timeoutSeconds: number }): Promise<PostOutcome> {
  const pinned: LookupFunction = (_host, options, callback) => {
    if ((options as { all?: boolean }).all) (callback as (e: null, a: { address: string; family: number }[]) => void)(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  };
  const client = target.url.protocol === 'https:' ? https : http;
  const where = target.url.host;
  return new Promise<PostOutcome>((done) => {
    // One deadline for the whole exchange: an answer dripping in slowly cannot hold the worker either.
    const deadline = setTimeout(() => req.destroy(new Error(`${where} did not answer within ${input.timeoutSeconds} s`)), input.timeoutSeconds * 1000);
    const resolve = (outcome: PostOutcome) => {
      clearTimeout(deadline);
      done(outcome);
    };
    const req = client.request(
      target.url,
      {
        method: 'POST',
        lookup: pinned,
        headers: { ...input.headers, 'Content-Length': String(input.body.length) },
        timeout: input.timeoutSeconds * 1000,
      },
      (res) => {
        const status = res.statusCode ?? 0;
        res.resume(); // the answer's body is not needed; drain it so the socket closes
        res.on('end', () => {
          if (status >= 200 && status < 300) resolve({ ok: true, status });
          else if (status >= 300 && status < 400) resolve({ ok: false, status, error: `${where} answered ${status} (redirects are not followed)` });
          else resolve({ ok: false, status, error: `${where} answered ${status}` });
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error(`${where} did not answer within ${input.timeoutSeconds} s`)));
    req.on('error', (err) => resolve({ ok: false, error: err.message.includes(where) ? err.message : `${where}: ${err.message}` }));
    req.end(input.body);
  });
}
