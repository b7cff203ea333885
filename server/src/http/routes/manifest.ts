// GET /manifest.xml and /manifest.json: the Outlook add-in's manifests for this server's own PUBLIC_URL, so an
// admin can deploy by URL (Microsoft 365 admin center, Exchange's New-App -Url) without editing a file.
import { Hono, type Context } from 'hono';
import { DomainError } from '../../domain/errors';
import { getSettings } from '../../domain/settings/get-settings';
import { OriginError } from '../../manifest/addin-identity';
import { buildManifests, type Manifests } from '../../manifest/build-manifests';
import type { AppEnv } from '../env';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// Rendering and checking is pure; keep the last result per PUBLIC_URL and client id (both rarely change).
let cached: { key: string; manifests: Manifests } | undefined;

async function manifestsFor(c: Context<AppEnv>): Promise<Manifests> {
  const { publicUrl } = c.var.ctx.config;
  // webApplicationInfo is written only once an Entra app registration is configured (and its id looks like one:
  // a typo in the settings must not take the manifest down).
  const clientId = (await getSettings(c.var.ctx)).microsoft.clientId;
  const entraClientId = GUID.test(clientId) ? clientId : undefined;
  const key = `${publicUrl} ${entraClientId ?? ''}`;
  if (cached?.key !== key) {
    try {
      cached = { key, manifests: buildManifests(publicUrl, { entraClientId }) };
    } catch (err) {
      if (err instanceof OriginError) throw new DomainError('not_found', `No Outlook add-in here: ${err.message} (set PUBLIC_URL)`);
      throw err;
    }
  }
  return cached.manifests;
}

// no-cache: Outlook and admins always get the manifest of the current PUBLIC_URL, revalidated each time.
export const manifestRoutes = new Hono<AppEnv>()
  .get('/manifest.xml', async (c) =>
    c.body((await manifestsFor(c)).xml, 200, { 'Content-Type': 'application/xml; charset=utf-8', 'Cache-Control': 'no-cache' }),
  )
  .get('/manifest.json', async (c) =>
    c.body((await manifestsFor(c)).json, 200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-cache' }),
  );
