// A real OpenID Connect provider on loopback (oidc-provider), standing in for a bank ID broker: one confidential
// client for the server under test, PKCE required, people with a name and a Finnish personal identity code.
// Its sign-in page lists the people; a test picks one by pressing their button (browser) or posting the form
// (signInThrough, for tests without a browser). Consent is granted without a page.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export type Person = { name: string; personal_identity_code: string };

export const people: Record<string, Person> = {
  maija: { name: 'Maija Meikäläinen', personal_identity_code: '010190-123A' },
  matti: { name: 'Matti Virtanen', personal_identity_code: '020285-987B' },
};

export interface IdpStandIn {
  issuer: string;
  clientId: string;
  clientSecret: string;
  close(): Promise<void>;
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export async function startIdp(opts: { redirectUri: string }): Promise<IdpStandIn> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const client = { client_id: 'secure-signature', client_secret: 'idp-test-secret-0123456789' };
  const provider = new Provider(issuer, {
    clients: [{ ...client, redirect_uris: [opts.redirectUri], grant_types: ['authorization_code'], response_types: ['code'] }],
    claims: { openid: ['sub'], profile: ['name'], personal_identity_code: ['personal_identity_code'] },
    scopes: ['openid', 'profile', 'personal_identity_code'],
    pkce: { required: () => true },
    features: { devInteractions: { enabled: false } },
    cookies: { keys: ['idp-test-cookie-key'] },
    findAccount: async (_ctx, sub) => (people[sub] ? { accountId: sub, claims: async () => ({ sub, ...people[sub] }) } : undefined),
    interactions: { url: async (_ctx, interaction) => `/interaction/${interaction.uid}` },
  });
  provider.proxy = false;
  const callback = provider.callback();

  async function interaction(req: IncomingMessage, res: ServerResponse) {
    const details = await provider.interactionDetails(req, res);
    if (details.prompt.name === 'consent') {
      const grant = new provider.Grant({ accountId: details.session!.accountId, clientId: String(details.params.client_id) });
      grant.addOIDCScope(String(details.params.scope));
      return provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
    }
    if (req.method === 'POST') {
      const body = new URLSearchParams(await new Promise<string>((resolve) => {
        let data = '';
        req.on('data', (c) => (data += c));
        req.on('end', () => resolve(data));
      }));
      const person = body.get('person') ?? '';
      if (body.get('cancel')) return provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'cancelled by the user' });
      if (!people[person]) return res.writeHead(400).end('unknown person');
      return provider.interactionFinished(req, res, { login: { accountId: person } });
    }
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(
      `<!doctype html><title>Test bank ID</title><h1>Test bank ID</h1><form method="post">` +
        Object.entries(people)
          .map(([id, p]) => `<button name="person" value="${id}">Sign in as ${escape(p.name)}</button>`)
          .join(' ') +
        ` <button name="cancel" value="1">Cancel</button></form>`,
    );
  }

  server.on('request', (req, res) => {
    if (req.url?.startsWith('/interaction/')) {
      interaction(req, res).catch((err) => res.writeHead(500).end(String(err)));
    } else callback(req, res);
  });
  return {
    issuer,
    clientId: client.client_id,
    clientSecret: client.client_secret,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Walks a browser's way through the provider without a browser: from the authorization URL, sign in as `person`
 * (or cancel), follow the redirects, and return the callback URL the provider sends back to (not fetched).
 */
export async function signInThrough(authorizationUrl: string, person: string | 'cancel', callbackPrefix: string): Promise<string> {
  const jar = new Map<string, string>();
  const cookieHeader = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const remember = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair.indexOf('=');
      jar.set(pair.slice(0, i), pair.slice(i + 1));
    }
  };
  let url = authorizationUrl;
  let posted = false;
  for (let hop = 0; hop < 20; hop++) {
    if (url.startsWith(callbackPrefix)) return url;
    const isInteraction = new URL(url).pathname.startsWith('/interaction/');
    const res =
      isInteraction && !posted
        ? await fetch(url, { method: 'POST', redirect: 'manual', headers: { Cookie: cookieHeader(), 'Content-Type': 'application/x-www-form-urlencoded' }, body: person === 'cancel' ? 'cancel=1' : `person=${person}` })
        : await fetch(url, { redirect: 'manual', headers: { Cookie: cookieHeader() } });
    if (isInteraction) posted = true;
    remember(res);
    const location = res.headers.get('location');
    if (!location) throw new Error(`the provider stopped at ${url} with ${res.status}: ${(await res.text()).slice(0, 300)}`);
    url = new URL(location, url).href;
  }
  throw new Error('too many redirects at the identity provider');
}
