// Guards report URLs against server-side request forgery: the host is resolved here and every address it resolves
// to must be public unicast (no loopback, private, link-local, unique-local, multicast, unspecified, reserved…),
// unless the admin allow-listed the host name or a CIDR that holds the address. The caller connects to the address
// returned (pinned), so a DNS answer that changes between check and connection (rebinding) cannot redirect it.
// The WHATWG URL parser turns decimal, octal and hex IPv4 forms (http://2130706433/, http://0x7f.1/) into dotted
// quads first, and ipaddr.js unwraps IPv4-mapped IPv6 (::ffff:7f00:1), so every spelling is classified the same.
import { lookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';
import { invalidInput } from '../errors';

export type CheckedUrl = { url: URL; address: string; family: 4 | 6 };
export type Resolve = (host: string) => Promise<{ address: string; family: number }[]>;

const systemResolve: Resolve = (host) => lookup(host, { all: true, verbatim: true });

/** Why an address may not be called, or null when it is public unicast. */
export function refusedRange(address: string): string | null {
  const ip = ipaddr.process(address); // IPv4-mapped IPv6 becomes the IPv4 address it carries
  const range = ip.range();
  return range === 'unicast' ? null : range;
}

function allowed(host: string, address: string, allowList: string[]): boolean {
  const ip = ipaddr.process(address);
  return allowList.some((entry) => {
    const e = entry.trim().toLowerCase();
    if (!e) return false;
    if (e.includes('/')) {
      try {
        const [net, bits] = ipaddr.parseCIDR(e);
        const n = net.kind() === 'ipv6' && (net as ipaddr.IPv6).isIPv4MappedAddress() ? (net as ipaddr.IPv6).toIPv4Address() : net;
        return n.kind() === ip.kind() && ip.match([n, n.kind() === net.kind() ? bits : bits - 96] as [ipaddr.IPv4 | ipaddr.IPv6, number]);
      } catch {
        return false;
      }
    }
    if (ipaddr.isValid(e.replace(/^\[|\]$/g, ''))) return ipaddr.process(e.replace(/^\[|\]$/g, '')).toString() === ip.toString();
    return e === host;
  });
}

/** Checks a report URL and picks the address to connect to; throws invalid_input saying why it is refused. */
export async function checkReportUrl(raw: string, opts: { allowList: string[]; resolve?: Resolve }): Promise<CheckedUrl> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw invalidInput(`Not a URL: ${raw}`, 'url');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw invalidInput('Report URLs must be http or https', 'url');
  if (url.username || url.password) throw invalidInput('Report URLs may not contain credentials', 'url');
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const literal = ipaddr.isValid(host);
  let addresses: { address: string; family: number }[];
  if (literal) addresses = [{ address: host, family: ipaddr.parse(host).kind() === 'ipv6' ? 6 : 4 }];
  else {
    try {
      addresses = await (opts.resolve ?? systemResolve)(host);
    } catch {
      throw invalidInput(`The host ${host} could not be resolved`, 'url');
    }
    if (addresses.length === 0) throw invalidInput(`The host ${host} could not be resolved`, 'url');
  }
  // Every address must pass: a name resolving to one public and one private address is refused.
  for (const a of addresses) {
    const why = refusedRange(a.address);
    if (why && !allowed(host, a.address, opts.allowList)) {
      throw invalidInput(`The report URL's host ${host} resolves to a ${why} address (${a.address}); only public addresses are called unless an administrator allow-lists it`, 'url');
    }
  }
  const first = addresses[0];
  return { url, address: ipaddr.process(first.address).toString(), family: ipaddr.process(first.address).kind() === 'ipv6' ? 6 : 4 };
}
