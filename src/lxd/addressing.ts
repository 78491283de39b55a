import { checkHostInSubnet, formatIpv4, Ipv4Cidr, parseCidr, parseIpv4 } from '../net/ipv4';
import { DhcpRange } from '../net/dhcp-range';
import { normalizeMac } from '../net/mac';
import { Problem, Verdict } from '../validation/errors';

/** One address claimed on a bridge: a container NIC or a static lease. */
export interface AddressClaim {
  /** Construct path of the claimant. */
  readonly path: string;
  /** The property of `ipv4` (and of `mac` and `hostname` unless named below). */
  readonly property: string;
  readonly ipv4?: string;
  readonly mac?: string;
  readonly hostname?: string;
  /** The property of `mac`, when not `property` (e.g. `nics.eth0.hwaddr`). */
  readonly macProperty?: string;
  /** The property of `hostname`, when not `property` (e.g. `name`). */
  readonly hostnameProperty?: string;
}

/** Renders ranges as LXD's `ipv4.dhcp.ranges` value. */
export function formatRanges(ranges: readonly DhcpRange[]): string {
  return ranges.map((r) => `${r.start}-${r.end}`).join(',');
}

/** Reads LXD's `ipv4.dhcp.ranges` value (the inverse of {@link formatRanges}); entries that are not `a-b` are left out. */
export function parseRanges(value: string): DhcpRange[] {
  return value
    .split(',')
    .map((r) => r.trim().split('-'))
    .filter((p) => p.length === 2)
    .map(([start, end]) => ({ start, end }));
}

/**
 * Checks a bridge's DHCP ranges and every claimed address against its subnet:
 * inside the subnet, not the gateway/network/broadcast, outside the given DHCP ranges,
 * no IP, MAC (in any letter case) or hostname claimed twice.
 */
export function checkBridgeAddressing(
  path: string,
  cidrText: string,
  ranges: readonly DhcpRange[],
  claims: readonly AddressClaim[],
): Problem[] {
  const cidr = parseCidr(cidrText);
  if (!cidr) return [];
  const problems: Problem[] = [];
  ranges.forEach((r, i) => problems.push(...checkRange(path, `ipv4DhcpRanges[${i}]`, r, cidr, cidrText)));
  const pools = validRanges(ranges);
  const seen = new Map<string, { claim: AddressClaim; property: string; value: string }>();
  for (const c of claims) {
    if (c.ipv4 !== undefined) {
      const ip = parseIpv4(c.ipv4);
      const verdict =
        ip === undefined ? undefined : (checkHostInSubnet(ip, cidr, cidrText) ?? checkOutsideRanges(ip, pools));
      if (verdict) problems.push({ path: c.path, property: c.property, value: c.ipv4, ...verdict });
    }
    const fields = [
      ['IPv4 address', c.ipv4, c.ipv4, c.property],
      ['MAC address', c.mac && normalizeMac(c.mac), c.mac, c.macProperty ?? c.property],
      ['hostname', c.hostname, c.hostname, c.hostnameProperty ?? c.property],
    ] as const;
    for (const [what, key, value, property] of fields) {
      if (key === undefined || value === undefined) continue;
      const first = seen.get(`${what}:${key}`);
      if (first) {
        const spelled = first.value !== value ? ` (written ${first.value} there; letter case does not matter)` : '';
        problems.push({
          path: c.path,
          property,
          value,
          reason: `${what} already claimed on bridge ${path} by ${first.claim.path} ${first.property}${spelled}`,
          fix: `give each machine its own ${what}`,
        });
      } else seen.set(`${what}:${key}`, { claim: c, property, value });
    }
  }
  return problems;
}

/** The well-formed ranges as numbers (bad ones are reported by checkRange). */
function validRanges(ranges: readonly DhcpRange[]): { start: number; end: number; text: string }[] {
  return ranges.flatMap((r) => {
    const start = parseIpv4(r.start);
    const end = parseIpv4(r.end);
    return start !== undefined && end !== undefined && start <= end
      ? [{ start, end, text: `${r.start}-${r.end}` }]
      : [];
  });
}

/**
 * A static address must lie outside the bridge's DHCP ranges: LXD accepts one inside, but
 * dnsmasq may lease it to another machine before the owner asks for it.
 */
function checkOutsideRanges(
  ip: number,
  pools: readonly { start: number; end: number; text: string }[],
): Verdict | undefined {
  const pool = pools.find((p) => ip >= p.start && ip <= p.end);
  if (!pool) return undefined;
  return {
    reason: `inside the DHCP range ${pool.text}, so dnsmasq may hand it to another machine first`,
    fix: `use an address outside ${pools.map((p) => p.text).join(', ')}, or shrink the range to leave it out`,
  };
}

function checkRange(path: string, property: string, r: DhcpRange, cidr: Ipv4Cidr, cidrText: string): Problem[] {
  const start = parseIpv4(r.start);
  const end = parseIpv4(r.end);
  const value = `${r.start}-${r.end}`;
  const usable = `${formatIpv4(cidr.network + 1)}-${formatIpv4(cidr.broadcast - 1)}`;
  if (start === undefined || end === undefined) {
    return [
      {
        path,
        property,
        value,
        reason: 'not a range of two IPv4 addresses',
        fix: 'use { start: "10.0.0.100", end: "10.0.0.199" }',
      },
    ];
  }
  if (start > end) return [{ path, property, value, reason: 'the range is reversed', fix: `use ${r.end}-${r.start}` }];
  if (start <= cidr.network || end >= cidr.broadcast) {
    return [
      {
        path,
        property,
        value,
        reason: `outside the usable addresses of ${cidrText}`,
        fix: `keep the range within ${usable}`,
      },
    ];
  }
  return [];
}
