// Checks and tidies an admin's list of addresses and CIDR ranges (IP restrictions of a user): each must parse, and
// is stored in its canonical form.
import ipaddr from 'ipaddr.js';
import { invalidInput } from '../errors';

export function normaliseAllowedIps(entries: string[]): string[] {
  const out = entries.map((e) => e.trim()).filter(Boolean);
  return [...new Set(out.map((e) => {
    try {
      if (e.includes('/')) {
        const [net, bits] = ipaddr.parseCIDR(e);
        return `${net.toString()}/${bits}`;
      }
      return ipaddr.parse(e).toString();
    } catch {
      throw invalidInput(`"${e}" is not an IP address or a CIDR range (such as 192.0.2.0/24)`, 'allowedIps');
    }
  }))];
}
