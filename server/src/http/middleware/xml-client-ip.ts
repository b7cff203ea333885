// The client address of an XML API request: the connection's peer, unless that peer is one of the admin's
// trusted proxies (Admin → XML API); only then does X-Forwarded-For count, read from the right, skipping the
// trusted proxies in it. A client that sends its own X-Forwarded-For straight to us changes nothing.
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { ipInRanges } from '../../domain/xml-api/ip-in-ranges';
import type { AppEnv } from '../env';

export function xmlClientIp(c: Context<AppEnv>, trustedProxies: string[]): string | undefined {
  const peer = connectionAddress(c);
  if (!peer || trustedProxies.length === 0 || !ipInRanges(peer, trustedProxies)) return peer;
  const chain = (c.req.header('x-forwarded-for') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  for (let i = chain.length - 1; i >= 0; i--) {
    if (!ipInRanges(chain[i], trustedProxies)) return chain[i].replace(/^::ffff:/, '');
  }
  return chain[0] ?? peer;
}

function connectionAddress(c: Context<AppEnv>): string | undefined {
  try {
    return getConnInfo(c).remote.address?.replace(/^::ffff:/, '');
  } catch {
    return undefined; // app.request() without a socket
  }
}
