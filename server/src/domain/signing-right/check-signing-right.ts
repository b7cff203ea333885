// Asks the admin's signing-right service (Settings → Signing rights) whether an authenticated person may sign
// for a company: POST {"businessId","identityNumber","name"}, answer {"allowed": boolean, "reason"?: string}.
// A trade-register check (in Finland, PRH's) sits behind such a service. Anything but a clear answer is an error,
// never a yes.
import type { Settings } from '@secure-signature/shared';
import { z } from 'zod';

export class SigningRightUnavailable extends Error {
  name = 'SigningRightUnavailable';
}

const answer = z.object({ allowed: z.boolean(), reason: z.string().max(500).optional() });
export type SigningRightAnswer = z.infer<typeof answer>;

export async function checkSigningRight(
  service: Settings['signingRights'],
  question: { businessId: string; identityNumber: string; name: string },
): Promise<SigningRightAnswer> {
  if (!service.url) throw new SigningRightUnavailable('No signing-right service is configured');
  const host = new URL(service.url).host;
  let res: Response;
  try {
    res = await fetch(service.url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...(service.authorizationHeader ? { Authorization: service.authorizationHeader } : {}) },
      body: JSON.stringify(question),
      signal: AbortSignal.timeout(service.timeoutSeconds * 1000),
      redirect: 'error',
    });
  } catch (err) {
    const timedOut = err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError');
    throw new SigningRightUnavailable(timedOut ? `The signing-right service at ${host} did not answer in time` : `The signing-right service at ${host} could not be reached`);
  }
  if (!res.ok) throw new SigningRightUnavailable(`The signing-right service at ${host} answered ${res.status}`);
  const parsed = answer.safeParse(await res.json().catch(() => null));
  if (!parsed.success) throw new SigningRightUnavailable(`The signing-right service at ${host} gave no clear answer`);
  return parsed.data;
}
