import { checkHostInSubnet, formatIpv4, Ipv4Cidr, parseCidr, parseIpv4 } from '../net/ipv4';
import { normalizeMac } from '../net/mac';
import { Problem } from '../validation/errors';

/** An inclusive IPv4 DHCP range. */
export interface DhcpRange {
  readonly start: string;
  readonly end: string;
}

/** One address claimed on a bridge: a container NIC or a static lease. */
export interface AddressClaim {
  /** Construct path of the claimant. */
  readonly path: string;
  readonly property: string;
  readonly ipv4?: string;
  readonly mac?: string;
  readonly hostname?: string;
}

/** Renders ranges as LXD's `ipv4.dhcp.ranges` value. */
export function formatRanges(ranges: readonly DhcpRange[]): string {
  return ranges.map((r) => `${r.start}-${r.end}`).join(',');
}

/**
 * Checks a bridge's DHCP ranges and every claimed address against its subnet:
 * inside the subnet, not the gateway/network/broadcast, no IP, MAC or hostname claimed twice.
 */
export function checkBridgeAddressing(path: string, cidrText: string, ranges: readonly DhcpRange[], claims: readonly AddressClaim[]): Problem[] {
  const cidr = parseCidr(cidrText);
  if (!cidr) return [];
  const problems: Problem[] = [];
  ranges.forEach((r, i) => problems.push(...checkRange(path, `ipv4DhcpRanges[${i}]`, r, cidr, cidrText)));
  const seen = new Map<string, AddressClaim>();
  for (const c of claims) {
    if (c.ipv4 !== undefined) {
      const ip = parseIpv4(c.ipv4);
      const verdict = ip === undefined ? undefined : checkHostInSubnet(ip, cidr, cidrText);
      if (verdict) problems.push({ path: c.path, property: c.property, value: c.ipv4, ...verdict });
    }
    for (const [what, key] of [['IPv4 address', c.ipv4], ['MAC address', c.mac && normalizeMac(c.mac)], ['hostname', c.hostname]] as const) {
      if (key === undefined) continue;
      const first = seen.get(`${what}:${key}`);
      if (first) {
        problems.push({
          path: c.path, property: c.property, value: key,
          reason: `${what} already claimed on bridge ${path} by ${first.path}`, fix: `give each machine its own ${what}`,
        });
      } else seen.set(`${what}:${key}`, c);
    }
  }
  return problems;
}

function checkRange(path: string, property: string, r: DhcpRange, cidr: Ipv4Cidr, cidrText: string): Problem[] {
  const start = parseIpv4(r.start);
  const end = parseIpv4(r.end);
  const value = `${r.start}-${r.end}`;
  const usable = `${formatIpv4(cidr.network + 1)}-${formatIpv4(cidr.broadcast - 1)}`;
  if (start === undefined || end === undefined) {
    return [{ path, property, value, reason: 'not a range of two IPv4 addresses', fix: 'use { start: "10.0.0.100", end: "10.0.0.199" }' }];
  }
  if (start > end) return [{ path, property, value, reason: 'the range is reversed', fix: `use ${r.end}-${r.start}` }];
  if (start <= cidr.network || end >= cidr.broadcast) {
    return [{ path, property, value, reason: `outside the usable addresses of ${cidrText}`, fix: `keep the range within ${usable}` }];
  }
  return [];
}
