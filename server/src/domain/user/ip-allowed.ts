// Whether a client address is inside a list of addresses and CIDR ranges (ipaddr.js). IPv4-mapped IPv6 addresses
// count as the IPv4 address they carry, so "::ffff:192.0.2.7" matches 192.0.2.0/24. No address: never allowed.
import ipaddr from 'ipaddr.js';

export function ipAllowed(ip: string | undefined, allowed: string[]): boolean {
  if (!ip || !ipaddr.isValid(ip)) return false;
  const address = ipaddr.process(ip);
  return allowed.some((entry) => {
    const [net, bits] = entry.includes('/') ? ipaddr.parseCIDR(entry) : [ipaddr.parse(entry), -1];
    const n = net.kind() === 'ipv6' && (net as ipaddr.IPv6).isIPv4MappedAddress() ? (net as ipaddr.IPv6).toIPv4Address() : net;
    if (n.kind() !== address.kind()) return false;
    if (bits < 0) return n.toString() === address.toString();
    const prefix = n.kind() === net.kind() ? bits : bits - 96;
    return address.match([n, prefix] as [ipaddr.IPv4 | ipaddr.IPv6, number]);
  });
}
