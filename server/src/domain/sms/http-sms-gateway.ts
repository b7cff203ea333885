// Sends one SMS through the admin's HTTP SMS gateway (Settings → SMS gateway): URL, method, body template with
// {{to}}, {{text}} and {{id}}, Basic or Authorization-header credentials, a timeout. Anything but a 2xx answer is
// a failure the outbox retries; {{id}} stays the same across retries so a gateway can drop a duplicate.
import type { Settings } from '@secure-signature/shared';

export type Sms = { id: string; to: string; text: string };

export class SmsGatewayError extends Error {
  name = 'SmsGatewayError';
}

/** A phone number as gateways expect it: the digits, with a leading + kept. */
export const normalisePhone = (phone: string) => phone.trim().replace(/(?!^\+)[^0-9]/g, '');

type Escape = (value: string) => string;
const jsonEscape: Escape = (v) => JSON.stringify(v).slice(1, -1);
const formEscape: Escape = (v) => encodeURIComponent(v);

function fill(template: string, sms: Sms, escape: Escape): string {
  const values: Record<string, string> = { to: sms.to, text: sms.text, id: sms.id };
  return template.replace(/\{\{(to|text|id)\}\}/g, (_, name: string) => escape(values[name]));
}

export async function sendSmsOverHttp(gateway: Settings['smsGateway'], sms: Sms): Promise<void> {
  if (!gateway.url) throw new SmsGatewayError('The SMS gateway has no URL (Admin → Settings → SMS gateway)');
  const url = fill(gateway.url, sms, formEscape);
  const headers: Record<string, string> = {};
  if (gateway.authorizationHeader) headers.Authorization = gateway.authorizationHeader;
  else if (gateway.username) headers.Authorization = `Basic ${Buffer.from(`${gateway.username}:${gateway.password}`).toString('base64')}`;
  let body: string | undefined;
  if (gateway.method !== 'GET') {
    headers['Content-Type'] = gateway.contentType;
    const escape = /json/i.test(gateway.contentType) ? jsonEscape : /x-www-form-urlencoded/i.test(gateway.contentType) ? formEscape : (v: string) => v;
    body = fill(gateway.bodyTemplate, sms, escape);
  }
  const host = new URL(url).host; // errors name only the host: the URL's query may carry credentials
  let res: Response;
  try {
    res = await fetch(url, { method: gateway.method, headers, body, signal: AbortSignal.timeout(gateway.timeoutSeconds * 1000), redirect: 'error' });
  } catch (err) {
    const timedOut = err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError');
    throw new SmsGatewayError(timedOut ? `The SMS gateway at ${host} did not answer within ${gateway.timeoutSeconds} s` : `The SMS gateway at ${host} could not be reached`);
  }
  const answer = (await res.text().catch(() => '')).slice(0, 200);
  if (!res.ok) throw new SmsGatewayError(`The SMS gateway at ${host} answered ${res.status}${answer ? `: ${answer}` : ''}`);
}
