// Test stand-in for Microsoft Entra ID's token endpoint and Microsoft Graph, over HTTPS with a test CA (Entra and
// Graph cannot run offline). It speaks what the real MSAL and Graph client use: OpenID metadata and the client
// credentials grant at {host}/{tenant}/…, and /v1.0/users/delta (pages with @odata.nextLink, then a delta link whose
// next use returns only changes and @removed entries), /v1.0/users/{id}, /v1.0/users and /v1.0/groups/{id}/members
// (paged, nested groups). `throttleNext` answers the next Graph call with 429 and Retry-After.
import { execFileSync } from 'node:child_process';
import { createHash, createPublicKey, randomBytes, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { rootCertificates } from 'node:tls';
import { decodeProtectedHeader, jwtVerify } from 'jose';
import { Agent, getGlobalDispatcher, setGlobalDispatcher, type Dispatcher } from 'undici';
import { makeTestCa } from './test-ca';

export interface GraphUser {
  id: string;
  displayName: string;
  mail: string | null;
  userPrincipalName: string;
  mobilePhone: string | null;
  accountEnabled: boolean;
}

export interface EntraGraphStandIn {
  /** https://127.0.0.1:port: the authority host and the Graph URL. */
  url: string;
  tenantId: string;
  clientId: string;
  clientSecret: string;
  /** The certificate registered for the app, and its key: the other way to get a token. */
  clientCertPem: string;
  clientKeyPem: string;
  caPem: string;
  users: Map<string, GraphUser>;
  /** Group id → member ids (users or groups). */
  groups: Map<string, string[]>;
  change(id: string, props: Partial<GraphUser>): void;
  remove(id: string): void;
  /** The next Graph request gets 429 with Retry-After: `seconds`. */
  throttleNext(seconds: number): void;
  /** Graph requests as [path, time], and how many were throttled. */
  requests: { path: string; at: number; status: number }[];
  tokensIssued(): number;
  close(): Promise<void>;
}

const PAGE = 2;

/** Trust the stand-in's CA in this process's fetch (MSAL and the Graph client use it); undone by close(). */
function trust(caPem: string): Dispatcher {
  const before = getGlobalDispatcher();
  setGlobalDispatcher(new Agent({ connect: { ca: [...rootCertificates, caPem] } }));
  return before;
}

export async function startEntraGraphStandIn(): Promise<EntraGraphStandIn> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ss-graph-'));
  const ca = makeTestCa(dir);
  const tenantId = '11111111-2222-3333-4444-555555555555';
  const clientId = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';
  const clientSecret = 'stand-in-secret';
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=sync-app', '-keyout', 'client.key', '-out', 'client.pem'], { cwd: dir, stdio: 'pipe' });
  const clientCertPem = readFileSync(path.join(dir, 'client.pem'), 'utf8');
  const clientKeyPem = readFileSync(path.join(dir, 'client.key'), 'utf8');
  const users = new Map<string, GraphUser>();
  const groups = new Map<string, string[]>();
  // Changes since the start, in order: the delta token is an index into this log.
  const log: { id: string; props: Partial<GraphUser> | null }[] = [];
  const tokens = new Set<string>();
  const requests: EntraGraphStandIn['requests'] = [];
  let throttle = 0;
  let url = '';

  // A client secret, or a client assertion (a JWT for this token endpoint, signed with the registered
  // certificate's key and naming the certificate by its SHA-256 thumbprint), as Entra checks them.
  const thumbprint = createHash('sha256').update(new X509Certificate(clientCertPem).raw).digest('base64url');
  const clientAuthenticated = async (form: URLSearchParams, tokenEndpoint: string) => {
    if (form.get('client_secret') !== null) return form.get('client_secret') === clientSecret;
    const assertion = form.get('client_assertion');
    if (form.get('client_assertion_type') !== 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer' || !assertion) return false;
    try {
      if (decodeProtectedHeader(assertion)['x5t#S256'] !== thumbprint) return false;
      const { payload } = await jwtVerify(assertion, createPublicKey(clientCertPem), { audience: tokenEndpoint, issuer: clientId, subject: clientId, algorithms: ['RS256', 'PS256'], clockTolerance: 300 });
      return Boolean(payload.jti && payload.exp);
    } catch {
      return false;
    }
  };
  const json = (res: import('node:http').ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) =>
    res.writeHead(status, { 'Content-Type': 'application/json', ...headers }).end(JSON.stringify(body));

  const server: Server = createServer({ cert: ca.certPem, key: ca.keyPem }, async (req, res) => {
    const u = new URL(req.url ?? '/', url);
    const body = await new Promise<string>((resolve) => {
      let b = '';
      req.on('data', (d) => (b += d)).on('end', () => resolve(b));
    });
    if (u.pathname === `/${tenantId}/v2.0/.well-known/openid-configuration`) {
      return json(res, 200, {
        issuer: `${url}/${tenantId}/v2.0`,
        authorization_endpoint: `${url}/${tenantId}/oauth2/v2.0/authorize`,
        token_endpoint: `${url}/${tenantId}/oauth2/v2.0/token`,
        end_session_endpoint: `${url}/${tenantId}/oauth2/v2.0/logout`,
        jwks_uri: `${url}/${tenantId}/discovery/v2.0/keys`,
        response_types_supported: ['code'],
      });
    }
    if (u.pathname === `/${tenantId}/oauth2/v2.0/token` && req.method === 'POST') {
      const form = new URLSearchParams(body);
      if (form.get('grant_type') !== 'client_credentials' || form.get('client_id') !== clientId || !(await clientAuthenticated(form, `${url}/${tenantId}/oauth2/v2.0/token`))) {
        return json(res, 401, { error: 'invalid_client', error_description: 'AADSTS7000215: Invalid client secret provided.', error_codes: [7000215] });
      }
      if (form.get('scope') !== `${url}/.default`) return json(res, 400, { error: 'invalid_scope', error_description: `AADSTS1002012: scope ${form.get('scope')} is not valid.` });
      const token = randomBytes(24).toString('hex');
      tokens.add(token);
      return json(res, 200, { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: token });
    }
    if (!u.pathname.startsWith('/v1.0/')) return json(res, 404, { error: { code: 'NotFound', message: 'no such path' } });
    const record = (status: number) => requests.push({ path: u.pathname + u.search, at: Date.now(), status });
    if (!tokens.has((req.headers.authorization ?? '').replace(/^Bearer /, ''))) {
      record(401);
      return json(res, 401, { error: { code: 'InvalidAuthenticationToken', message: 'Access token is empty or invalid.' } });
    }
    if (throttle > 0) {
      record(429);
      const seconds = throttle;
      throttle = 0;
      return json(res, 429, { error: { code: 'TooManyRequests', message: 'Too many requests' } }, { 'Retry-After': String(seconds) });
    }
    record(200);
    const route = u.pathname.slice('/v1.0'.length);
    const skip = Number(u.searchParams.get('$skiptoken') ?? 0);
    const page = <T,>(items: T[], next: (skip: number) => string, last: Record<string, string>) => ({
      value: items.slice(skip, skip + PAGE),
      ...(skip + PAGE < items.length ? { '@odata.nextLink': next(skip + PAGE) } : last),
    });
    if (route === '/users/delta') {
      const from = u.searchParams.get('$deltatoken');
      const deltaLink = { '@odata.deltaLink': `${url}/v1.0/users/delta?$deltatoken=${log.length}` };
      let items: unknown[];
      if (from === null) items = [...users.values()];
      else {
        // Only the changed properties of a changed user, as Graph does; removed ones with @removed.
        const since = new Map<string, Record<string, unknown>>();
        for (const entry of log.slice(Number(from))) {
          since.set(entry.id, entry.props ? { ...(since.get(entry.id) ?? {}), id: entry.id, ...entry.props } : { id: entry.id, '@removed': { reason: 'changed' } });
        }
        items = [...since.values()];
      }
      const base = from === null ? `${url}/v1.0/users/delta?` : `${url}/v1.0/users/delta?$deltatoken=${from}&`;
      return json(res, 200, page(items, (s) => `${base}$skiptoken=${s}`, deltaLink));
    }
    if (route === '/users') return json(res, 200, { value: [...users.values()].slice(0, Number(u.searchParams.get('$top') ?? 100)).map((x) => ({ id: x.id })) });
    const one = /^\/users\/([^/]+)$/.exec(route);
    if (one) {
      const user = users.get(decodeURIComponent(one[1]));
      return user ? json(res, 200, user) : json(res, 404, { error: { code: 'Request_ResourceNotFound', message: 'Resource does not exist.' } });
    }
    const members = /^\/groups\/([^/]+)\/members$/.exec(route);
    if (members) {
      const ids = groups.get(decodeURIComponent(members[1]));
      if (!ids) return json(res, 404, { error: { code: 'Request_ResourceNotFound', message: 'Resource does not exist.' } });
      const items = ids.map((id) => (groups.has(id) ? { '@odata.type': '#microsoft.graph.group', id } : { '@odata.type': '#microsoft.graph.user', id }));
      return json(res, 200, page(items, (s) => `${url}${u.pathname}?$select=id&$skiptoken=${s}`, {}));
    }
    return json(res, 404, { error: { code: 'NotFound', message: `no route ${route}` } });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const previous = trust(ca.caPem);
  return {
    url,
    tenantId,
    clientId,
    clientSecret,
    clientCertPem,
    clientKeyPem,
    caPem: ca.caPem,
    users,
    groups,
    change(id, props) {
      users.set(id, { ...users.get(id)!, ...props });
      log.push({ id, props });
    },
    remove(id) {
      users.delete(id);
      log.push({ id, props: null });
    },
    throttleNext(seconds) {
      throttle = seconds;
    },
    requests,
    tokensIssued: () => tokens.size,
    async close() {
      setGlobalDispatcher(previous);
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
