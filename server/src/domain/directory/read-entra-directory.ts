// Reads people from Microsoft Entra ID through Microsoft Graph with an app-only token (client credentials with a
// secret or a certificate, MSAL):
// the first run pages through /users/delta to its delta link, later runs continue from the stored delta link and
// get only the changes (changed people are read whole, removed ones are reported). Mapped groups are read whole on
// every run (/groups/{id}/members, nested groups expanded). The Graph client's retry middleware honours 429 and
// Retry-After.
import { ConfidentialClientApplication } from '@azure/msal-node';
import { Client, GraphError } from '@microsoft/microsoft-graph-client';
import type { Settings } from '@secure-signature/shared';
import type { DirectoryPerson } from './directory-person';
import { entraCredentials } from './entra-credentials';
import { DirectoryError } from './directory-error';
import { parseGroupMapping } from './parse-group-mapping';

const SELECT = 'id,displayName,mail,userPrincipalName,mobilePhone,accountEnabled';

interface GraphUser {
  id: string;
  displayName?: string | null;
  mail?: string | null;
  userPrincipalName?: string | null;
  mobilePhone?: string | null;
  accountEnabled?: boolean | null;
  '@removed'?: unknown;
}

interface GraphPage<T> {
  value: T[];
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
}

export interface EntraRead {
  people: DirectoryPerson[];
  removedIds: string[];
  memberships: Map<string, string[]>;
  deltaLink: string;
  /** The whole directory was read (no delta link to continue from). */
  complete: boolean;
  errors: string[];
}

export async function readEntraDirectory(settings: Pick<Settings, 'microsoft' | 'entraSync'>, input: { deltaLink: string | null }): Promise<EntraRead> {
  const client = await openGraphClient(settings);
  try {
    return await readWith(client, settings, input.deltaLink);
  } catch (err) {
    // An expired delta link (410 Gone): start again from the whole directory.
    if (input.deltaLink && err instanceof GraphError && err.statusCode === 410) return await readWith(client, settings, null).catch((e) => Promise.reject(describeGraphError(e)));
    throw describeGraphError(err);
  }
}

/** A Graph client that authenticates with the app's client secret; throws a DirectoryError an admin can act on. */
export async function openGraphClient(settings: Pick<Settings, 'microsoft' | 'entraSync'>): Promise<Client> {
  const { tenantId, clientId, authorityHost } = settings.microsoft;
  const { graphUrl } = settings.entraSync;
  if (!tenantId || !clientId) throw new DirectoryError('Set the tenant id and the application (client) id in the Entra ID settings');
  const app = new ConfidentialClientApplication({
    auth: { clientId, ...entraCredentials(settings.entraSync), authority: `${authorityHost.replace(/\/$/, '')}/${tenantId}`, knownAuthorities: [new URL(authorityHost).host] },
  });
  let token: string;
  try {
    const result = await app.acquireTokenByClientCredential({ scopes: [`${graphUrl.replace(/\/$/, '')}/.default`] });
    if (!result?.accessToken) throw new Error('no access token');
    token = result.accessToken;
  } catch (err) {
    const message = err instanceof Error ? err.message.split('\n')[0] : String(err);
    throw new DirectoryError(`Entra ID refused the app's credentials: ${message}`);
  }
  // The token goes to the configured Graph host only (national clouds and the tests name their own).
  return Client.initWithMiddleware({
    authProvider: { getAccessToken: async () => token },
    baseUrl: `${graphUrl.replace(/\/$/, '')}/`,
    defaultVersion: 'v1.0',
    customHosts: new Set([new URL(graphUrl).hostname]),
  });
}

async function readWith(client: Client, settings: Pick<Settings, 'entraSync'>, deltaLink: string | null): Promise<EntraRead> {
  const changed: GraphUser[] = [];
  const removedIds: string[] = [];
  let page: GraphPage<GraphUser> = deltaLink ? await client.api(deltaLink).get() : await client.api('/users/delta').select(SELECT).get();
  for (;;) {
    for (const u of page.value) {
      if (u['@removed']) removedIds.push(u.id);
      else changed.push(u);
    }
    if (page['@odata.nextLink']) page = await client.api(page['@odata.nextLink']).get();
    else break;
  }
  const nextDelta = page['@odata.deltaLink'];
  if (!nextDelta) throw new DirectoryError('Microsoft Graph ended the user list without a delta link');

  // A delta run names changed people with only the changed properties: read them whole.
  const full: GraphUser[] = [];
  for (const u of changed) {
    if (!deltaLink) full.push(u);
    else {
      try {
        full.push(await client.api(`/users/${encodeURIComponent(u.id)}`).select(SELECT).get());
      } catch (err) {
        if (err instanceof GraphError && err.statusCode === 404) removedIds.push(u.id);
        else throw err;
      }
    }
  }

  const errors: string[] = [];
  const memberships = new Map<string, string[]>();
  for (const { key } of parseGroupMapping(settings.entraSync.groupMapping)) {
    try {
      for (const id of await membersOf(client, key, new Set())) memberships.set(id, [...(memberships.get(id) ?? []), key]);
    } catch (err) {
      errors.push(`Group ${key}: ${describeGraphError(err).message}`);
    }
  }
  const people = full.flatMap((u): DirectoryPerson[] => {
    const email = (u.mail || u.userPrincipalName || '').trim().toLowerCase();
    if (!email) return [];
    return [
      {
        directoryId: u.id,
        email,
        name: u.displayName?.trim() || null,
        username: null,
        phone: u.mobilePhone?.replace(/[\s().-]/g, '') || null,
        disabled: u.accountEnabled === false,
        groupKeys: memberships.get(u.id) ?? [],
      },
    ];
  });
  return { people, removedIds, memberships, deltaLink: nextDelta, complete: !deltaLink, errors };
}

/** User ids of a group's members, nested groups expanded (group ids as given: compared lower-case). */
async function membersOf(client: Client, groupId: string, seen: Set<string>): Promise<string[]> {
  if (seen.has(groupId)) return [];
  seen.add(groupId);
  const out: string[] = [];
  let page: GraphPage<{ id: string; '@odata.type'?: string }> = await client.api(`/groups/${encodeURIComponent(groupId)}/members`).select('id').get();
  for (;;) {
    for (const m of page.value) {
      if (m['@odata.type'] === '#microsoft.graph.group') out.push(...(await membersOf(client, m.id.toLowerCase(), seen)));
      else out.push(m.id);
    }
    if (!page['@odata.nextLink']) break;
    page = await client.api(page['@odata.nextLink']).get();
  }
  return out;
}

function describeGraphError(err: unknown): DirectoryError {
  if (err instanceof DirectoryError) return err;
  if (err instanceof GraphError) return new DirectoryError(`Microsoft Graph answered ${err.statusCode}: ${err.message || err.code || 'an error'}`);
  return new DirectoryError(`Microsoft Graph could not be reached: ${err instanceof Error ? err.message : String(err)}`);
}
