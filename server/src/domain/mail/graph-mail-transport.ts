// Email through Microsoft Graph: an app-only token from Entra ID (MSAL, client credentials) and the whole MIME
// message, base64, posted to /users/{sender}/sendMail. MIME keeps S/MIME messages intact. Graph's own retry
// middleware is left out on purpose: a 429 or 503 fails the outbox job, which retries later with backoff, so
// one place decides about retries and nothing is sent twice by two retry loops.
import { ConfidentialClientApplication } from '@azure/msal-node';
import { AuthenticationHandler, Client, HTTPMessageHandler, type AuthenticationProvider } from '@microsoft/microsoft-graph-client';
import type { Settings } from '@secure-signature/shared';
import { composeMessage } from '../../smime/compose-mime';
import type { MailTransport, OutgoingMail, RawMail } from './mail-transport';

type GraphSettings = Settings['mailTransport'];

export class GraphMailError extends Error {
  name = 'GraphMailError';
}

const DEFAULT_AUTHORITY_HOST = 'login.microsoftonline.com';
// One MSAL application per configuration, so its token cache lasts across messages.
const apps = new Map<string, ConfidentialClientApplication>();

function msalApp(s: GraphSettings): ConfidentialClientApplication {
  const key = JSON.stringify([s.graphAuthorityHost, s.graphTenantId, s.graphClientId, s.graphClientSecret]);
  let app = apps.get(key);
  if (!app) {
    const host = new URL(s.graphAuthorityHost).host;
    app = new ConfidentialClientApplication({
      auth: {
        clientId: s.graphClientId,
        clientSecret: s.graphClientSecret,
        authority: `${s.graphAuthorityHost.replace(/\/$/, '')}/${s.graphTenantId}`,
        // Hosts other than Microsoft's (a sovereign cloud's) are trusted as named, without instance discovery.
        ...(host === DEFAULT_AUTHORITY_HOST ? {} : { knownAuthorities: [host] }),
      },
    });
    if (apps.size > 8) apps.clear();
    apps.set(key, app);
  }
  return app;
}

export function graphMailTransport(s: GraphSettings): MailTransport {
  return {
    async send(mail: OutgoingMail | RawMail) {
      if (!s.graphTenantId || !s.graphClientId || !s.graphClientSecret || !s.graphSender) {
        throw new GraphMailError('Microsoft Graph mail needs a tenant id, client id, client secret and sender mailbox (Admin → Secure mail)');
      }
      const endpoint = new URL(s.graphEndpoint);
      const accessToken = await appToken(s, endpoint);
      const auth: AuthenticationProvider = { getAccessToken: async () => accessToken };
      const client = Client.initWithMiddleware({
        baseUrl: endpoint.origin,
        customHosts: new Set([endpoint.hostname]),
        middleware: chain(new AuthenticationHandler(auth), new HTTPMessageHandler()),
      });
      const mime = 'raw' in mail ? mail.raw : await composeMessage(mail, mail);
      try {
        await client.api(`/users/${encodeURIComponent(s.graphSender)}/sendMail`).version('v1.0').header('Content-Type', 'text/plain').post(mime.toString('base64'));
      } catch (err) {
        const e = err as { statusCode?: number; code?: string; message?: string };
        // Only the status and Graph's code: the message may quote the request.
        throw new GraphMailError(`Microsoft Graph refused sendMail: ${e.statusCode ?? 'no answer'}${e.code ? ` ${e.code}` : ''}${e.statusCode ? '' : ` (${e.message ?? ''})`}`);
      }
    },
  };
}

/** An app-only token for Graph (cached by MSAL until shortly before it expires). */
async function appToken(s: GraphSettings, endpoint: URL): Promise<string> {
  let result;
  try {
    result = await msalApp(s).acquireTokenByClientCredential({ scopes: [`${endpoint.origin}/.default`] });
  } catch (err) {
    // MSAL's code and Entra's AADSTS number say what is wrong; the rest of the answer is not needed in logs.
    const e = err as { errorCode?: string; errorMessage?: string; message?: string };
    const aadsts = /AADSTS\d+/.exec(e.errorMessage ?? e.message ?? '')?.[0];
    throw new GraphMailError(`Entra ID refused the token for Microsoft Graph: ${e.errorCode ?? 'no answer'}${aadsts ? ` (${aadsts})` : ''}`);
  }
  if (!result?.accessToken) throw new GraphMailError('Entra ID gave no access token for Microsoft Graph');
  return result.accessToken;
}

function chain(first: AuthenticationHandler, last: HTTPMessageHandler) {
  first.setNext(last);
  return first;
}
