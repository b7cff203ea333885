// Test stand-in for Microsoft Graph mail (Graph cannot run offline): one local HTTPS server playing both Entra ID's
// token side (OpenID metadata, client-credentials token endpoint) and Graph's POST /v1.0/users/{id}/sendMail,
// which takes a base64 MIME message as text/plain, as the real one does. It records every accepted message and
// can answer the next sendMail calls with a failure (`failNext`: 429 with Retry-After, 503). The certificate is
// self-signed; the process's fetch (undici, which MSAL and the Graph client use) is made to trust it.
// (Used by graph-mail.integration.test.ts; the directory sync's Graph stand-in is entra-graph-stand-in.ts.)
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Agent, setGlobalDispatcher } from 'undici';

export interface GraphStandIn {
  url: string;
  tenantId: string;
  clientId: string;
  clientSecret: string;
  sent: { sender: string; mime: Buffer }[];
  tokensIssued(): number;
  sendMailCalls(): number;
  failNext(...statuses: number[]): void;
  close(): Promise<void>;
}

export async function startGraphStandIn(): Promise<GraphStandIn> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ss-graph-'));
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${dir}/key.pem`, '-out', `${dir}/cert.pem`, '-days', '2', '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost'],
    { stdio: 'pipe' },
  );
  const cert = readFileSync(`${dir}/cert.pem`, 'utf8');
  setGlobalDispatcher(new Agent({ connect: { ca: [cert, ...(await import('node:tls')).rootCertificates] } }));
  const tenantId = 'c0ffee00-0000-4000-8000-000000000001';
  const clientId = 'a1b2c3d4-0000-4000-8000-000000000002';
  const clientSecret = `secret-${randomBytes(8).toString('hex')}`;
  const tokens = new Set<string>();
  const sent: { sender: string; mime: Buffer }[] = [];
  const failures: number[] = [];
  let calls = 0;
  let url = '';
  const body = (req: IncomingMessage) =>
    new Promise<Buffer>((resolve) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c)).on('end', () => resolve(Buffer.concat(chunks)));
    });
  const json = (res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}) =>
    res.writeHead(status, { 'Content-Type': 'application/json', ...headers }).end(JSON.stringify(value));
  const server = createServer({ key: readFileSync(`${dir}/key.pem`), cert }, async (req, res) => {
    const path2 = (req.url ?? '').split('?')[0];
    if (req.method === 'GET' && path2 === `/${tenantId}/v2.0/.well-known/openid-configuration`) {
      return json(res, 200, {
        issuer: `${url}/${tenantId}/v2.0`,
        token_endpoint: `${url}/${tenantId}/oauth2/v2.0/token`,
        authorization_endpoint: `${url}/${tenantId}/oauth2/v2.0/authorize`,
        end_session_endpoint: `${url}/${tenantId}/oauth2/v2.0/logout`,
        jwks_uri: `${url}/${tenantId}/discovery/v2.0/keys`,
        response_types_supported: ['code', 'token'],
      });
    }
    if (req.method === 'POST' && path2 === `/${tenantId}/oauth2/v2.0/token`) {
      const form = new URLSearchParams((await body(req)).toString());
      if (form.get('grant_type') !== 'client_credentials' || form.get('client_id') !== clientId || form.get('client_secret') !== clientSecret) {
        return json(res, 401, { error: 'invalid_client', error_description: 'AADSTS7000215: Invalid client secret provided.' });
      }
      if (form.get('scope') !== `${url}/.default`) return json(res, 400, { error: 'invalid_scope', error_description: `unexpected scope ${form.get('scope')}` });
      const token = randomBytes(24).toString('base64url');
      tokens.add(token);
      return json(res, 200, { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: token });
    }
    const sendMail = /^\/v1\.0\/users\/([^/]+)\/sendMail$/.exec(path2);
    if (req.method === 'POST' && sendMail) {
      calls++;
      const auth = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      if (!auth || !tokens.has(auth)) return json(res, 401, { error: { code: 'InvalidAuthenticationToken', message: 'Access token is empty or invalid.' } });
      const raw = await body(req);
      const failure = failures.shift();
      if (failure === 429) return json(res, 429, { error: { code: 'TooManyRequests', message: 'Please retry again later.' } }, { 'Retry-After': '1' });
      if (failure) return json(res, failure, { error: { code: 'ServiceUnavailable', message: 'Service unavailable.' } });
      if (!/^text\/plain/.test(req.headers['content-type'] ?? '')) return json(res, 400, { error: { code: 'ErrorMimeContentInvalid', message: 'Expected text/plain' } });
      const mime = Buffer.from(raw.toString('ascii'), 'base64');
      if (!/^[A-Za-z0-9+/=\r\n]+$/.test(raw.toString('ascii')) || !/\r\n\r\n/.test(mime.toString('latin1'))) {
        return json(res, 400, { error: { code: 'ErrorMimeContentInvalidBase64String', message: 'Invalid base64 string for MIME content.' } });
      }
      sent.push({ sender: decodeURIComponent(sendMail[1]), mime });
      return res.writeHead(202).end();
    }
    json(res, 404, { error: { code: 'NotFound', message: `${req.method} ${path2}` } });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `https://localhost:${(server.address() as AddressInfo).port}`;
  return {
    url,
    tenantId,
    clientId,
    clientSecret,
    sent,
    tokensIssued: () => tokens.size,
    sendMailCalls: () => calls,
    failNext: (...statuses: number[]) => failures.push(...statuses),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
