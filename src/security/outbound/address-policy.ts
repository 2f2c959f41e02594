// Which addresses a tenant-supplied URL may reach. Tenants give URLs (webhook targets, calendar
// feeds) that the server itself then calls; without this, a tenant could make the server read its
// own loopback services, the private network, or a cloud metadata service (169.254.169.254).
// Everything that is not a public unicast address is refused, unless the operator allows its range
// in OPENSLOT_OUTBOUND_ALLOW (a CIDR list, e.g. "127.0.0.0/8" for receivers on the same host).
import { BlockList, isIP } from 'node:net';

/** Ranges that are not public unicast (IANA special-purpose registries), IPv4 then IPv6. */
const NOT_PUBLIC: Array<[string, number, 'ipv4' | 'ipv6']> = [
  ['0.0.0.0', 8, 'ipv4'], // "this network", including the unspecified 0.0.0.0
  ['10.0.0.0', 8, 'ipv4'], ['172.16.0.0', 12, 'ipv4'], ['192.168.0.0', 16, 'ipv4'], // private
  ['100.64.0.0', 10, 'ipv4'], // carrier-grade NAT
  ['127.0.0.0', 8, 'ipv4'], // loopback
  ['169.254.0.0', 16, 'ipv4'], // link-local, cloud metadata services
  ['192.0.0.0', 24, 'ipv4'], ['192.0.2.0', 24, 'ipv4'], ['198.18.0.0', 15, 'ipv4'], ['198.51.100.0', 24, 'ipv4'], ['203.0.113.0', 24, 'ipv4'],
  ['224.0.0.0', 4, 'ipv4'], // multicast
  ['240.0.0.0', 4, 'ipv4'], // reserved, broadcast
  ['::', 128, 'ipv6'], ['::1', 128, 'ipv6'], // unspecified, loopback
  ['fc00::', 7, 'ipv6'], // unique local
  ['fe80::', 10, 'ipv6'], ['fec0::', 10, 'ipv6'], // link-local, old site-local
  ['ff00::', 8, 'ipv6'], // multicast
  ['64:ff9b:1::', 48, 'ipv6'], ['100::', 64, 'ipv6'], ['2001:db8::', 32, 'ipv6'],
];

export interface CidrRange { text: string; address: string; prefix: number; family: 'ipv4' | 'ipv6' }

/** Comma- or space-separated CIDR ranges (a bare address is just that address); anything else throws naming `variable`. */
export function parseCidrList(text: string, variable: string): CidrRange[] {
  return text.split(/[\s,]+/).filter(Boolean).map((range) => {
    const [address = '', prefixText] = range.split('/');
    const family = isIP(address);
    const max = family === 6 ? 128 : 32;
    const prefix = prefixText === undefined ? max : /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : NaN;
    if (family === 0 || !(prefix >= 0 && prefix <= max)) {
      throw new Error(`${variable} must be a list of CIDR ranges such as 127.0.0.0/8 (got "${range}")`);
    }
    return { text: range, address, prefix, family: family === 6 ? 'ipv6' : 'ipv4' };
  });
}

export class OutboundPolicy {
  private readonly notPublic = new BlockList();
  private readonly allowed = new BlockList();
  /** The operator's allowance as given, for messages. */
  readonly allowText: string;

  /** `allow`: comma- or space-separated CIDR ranges (a bare address means just that address). */
  constructor(allow = '') {
    for (const [net, prefix, family] of NOT_PUBLIC) this.notPublic.addSubnet(net, prefix, family);
    this.allowText = allow.trim();
    for (const { address, prefix, family } of parseCidrList(this.allowText, 'OPENSLOT_OUTBOUND_ALLOW')) this.allowed.addSubnet(address, prefix, family);
  }

  /** Null when the server may connect to `address` (an IP literal); else why not, in one line. */
  refusal(address: string): string | null {
    const ip = address.replace(/^\[(.*)\]$/, '$1');
    const family = isIP(ip);
    if (family === 0) return `"${address}" is not an IP address`;
    const type = family === 6 ? 'ipv6' : 'ipv4';
    // IPv4-mapped IPv6 addresses (::ffff:127.0.0.1) are checked as the IPv4 address they carry: BlockList does so.
    if (this.allowed.check(ip, type)) return null;
    if (!this.notPublic.check(ip, type)) return null;
    return `${ip} is not a public address and OPENSLOT_OUTBOUND_ALLOW does not allow it`;
  }
}

let fromEnvironment: { allow: string; policy: OutboundPolicy } | null = null;

/** The policy of OPENSLOT_OUTBOUND_ALLOW in this process's environment (for contexts built without one). */
export function outboundPolicyFromEnv(): OutboundPolicy {
  const allow = process.env.OPENSLOT_OUTBOUND_ALLOW ?? '';
  if (fromEnvironment?.allow !== allow) fromEnvironment = { allow, policy: new OutboundPolicy(allow) };
  return fromEnvironment.policy;
}
