// Whether an address is one of a list of addresses and CIDR ranges (IPv4, IPv6; IPv4-mapped IPv6 counts as IPv4).
import ipaddr from 'ipaddr.js';

export function ipInRanges(ip: string | undefined, ranges: string[]): boolean {
  if (!ip || !ipaddr.isValid(ip)) return false;
  const addr = ipaddr.process(ip);
  return ranges.some((range) => {
    try {
      const [net, bits] = range.includes('/') ? ipaddr.parseCIDR(range) : [ipaddr.process(range), null];
      const n = net.kind() === 'ipv6' && (net as ipaddr.IPv6).isIPv4MappedAddress() ? (net as ipaddr.IPv6).toIPv4Address() : net;
      if (n.kind() !== addr.kind()) return false;
      return bits === null ? n.toString() === addr.toString() : addr.match(n, bits);
    } catch {
      return false;
    }
  });
}
