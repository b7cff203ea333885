// POSTs a body to a checked URL the way every outgoing delivery is signed: X-Secure-Signature-Signature carries
// sha256=<hex HMAC of the exact body under the receiver's secret>, and Idempotency-Key stays the same on every try.
import { createHmac } from 'node:crypto';
import type { CheckedUrl } from './check-report-url';
import { postReport, type PostOutcome } from './post-report';

export function postSigned(
  target: CheckedUrl,
  input: { body: Buffer; contentType: string; secret: string; processId: string; idempotencyKey: string; userAgent: string; timeoutSeconds: number },
): Promise<PostOutcome> {
  const signature = createHmac('sha256', input.secret).update(input.body).digest('hex');
  return postReport(target, {
    body: input.body,
    timeoutSeconds: input.timeoutSeconds,
    headers: {
      'Content-Type': `${input.contentType}; charset=utf-8`,
      'User-Agent': input.userAgent,
      'X-Secure-Signature-Signature': `sha256=${signature}`,
      'X-Secure-Signature-Process': input.processId,
      'Idempotency-Key': input.idempotencyKey,
    },
  });
}
