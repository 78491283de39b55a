import { AddressClaim, checkBridgeAddressing } from '../lxd/addressing';
import { DhcpRange } from '../net/dhcp-range';
import { formatIpv4, parseCidr, parseIpv4 } from '../net/ipv4';
import { Problem } from '../validation/errors';

/**
 * The address plan of one bridge: its gateway, DHCP ranges, static leases, the containers'
 * reserved addresses and what is left free. Conflicts are the synth-time checks'
 * ({@link checkBridgeAddressing}), run over every claim the selected stacks make on the bridge.
 */

/** An address claimed on the bridge, with what the picture shows of it. */
export interface PlanClaim extends AddressClaim {
  /** `lease`: a `dhcp-host=` line of the bridge; `reserved`: an instance NIC's `ipv4.address` (or MAC). */
  readonly kind: 'lease' | 'reserved';
  /** For people: `printer`, `web eth0`. */
  readonly label: string;
  /** The stack that makes the claim. */
  readonly stack: string;
}

/** One line of the plan. */
export interface PlanRow {
  readonly kind: 'gateway' | 'dhcp' | 'lease' | 'reserved' | 'free';
  /** First address (dotted quad). */
  readonly start: string;
  /** Last address (same as start for one address). */
  readonly end: string;
  readonly count: number;
  readonly label: string;
  /** Construct path of the claimant (or of the bridge). @default - none (free space) */
  readonly path?: string;
  /** MAC of a lease or NIC. @default - none */
  readonly mac?: string;
  /** The problems that name this row (reason and fix). */
  readonly conflicts: readonly string[];
}

/** The plan of one bridge. */
export interface AddressPlan {
  readonly path: string;
  readonly cidr: string;
  readonly gateway: string;
  /** Usable host addresses of the subnet (network and broadcast left out). */
  readonly usable: number;
  /** Addresses neither the gateway, in a DHCP range, nor claimed. */
  readonly free: number;
  /** Rows by address; free blocks included. */
  readonly rows: readonly PlanRow[];
  /** The problems the synth-time checks find over these claims. */
  readonly problems: readonly Problem[];
}

/** The plan of a bridge with a known subnet; undefined when `cidr` is not an IPv4 CIDR. */
export function addressPlan(
  path: string,
  cidr: string,
  ranges: readonly DhcpRange[],
  claims: readonly PlanClaim[],
): AddressPlan | undefined {
  const net = parseCidr(cidr);
  if (!net) return undefined;
  const problems = checkBridgeAddressing(path, cidr, ranges, claims);
  // A problem names the second claimant; its reason names the first (`... by PATH PROPERTY`).
  const about = (p: string, properties: readonly string[]) =>
    problems
      .filter(
        (x) =>
          (x.path === p && properties.includes(x.property)) ||
          properties.some((q) => x.reason.includes(` by ${p} ${q}`)),
      )
      .map((x) => `${x.reason}: ${x.fix}`);
  const rows: (PlanRow & { at: number })[] = [];
  const one = (at: number, row: Omit<PlanRow, 'start' | 'end' | 'count'>) =>
    rows.push({ ...row, at, start: formatIpv4(at), end: formatIpv4(at), count: 1 });
  one(net.address, { kind: 'gateway', label: 'gateway (the bridge)', path, conflicts: [] });
  ranges.forEach((r, i) => {
    const s = parseIpv4(r.start);
    const e = parseIpv4(r.end);
    rows.push({
      kind: 'dhcp',
      at: s ?? -1,
      start: r.start,
      end: r.end,
      count: s !== undefined && e !== undefined && e >= s ? e - s + 1 : 0,
      label: 'DHCP range',
      path,
      conflicts: about(path, [`ipv4DhcpRanges[${i}]`]),
    });
  });
  for (const c of claims) {
    const ip = c.ipv4 === undefined ? undefined : parseIpv4(c.ipv4);
    const conflicts = about(c.path, [c.property, c.macProperty ?? c.property, c.hostnameProperty ?? c.property]);
    const row = {
      kind: c.kind,
      label: c.label,
      path: c.path,
      ...(c.mac ? { mac: c.mac } : {}),
      conflicts: [...new Set(conflicts)],
    };
    if (ip !== undefined) one(ip, row);
    else rows.push({ ...row, at: -1, start: c.ipv4 ?? 'DHCP', end: c.ipv4 ?? 'DHCP', count: c.ipv4 ? 1 : 0 });
  }
  const free = freeBlocks(net.network + 1, net.broadcast - 1, rows);
  for (const [s, e] of free)
    rows.push({
      kind: 'free',
      at: s,
      start: formatIpv4(s),
      end: formatIpv4(e),
      count: e - s + 1,
      label: 'free',
      conflicts: [],
    });
  rows.sort((a, b) => a.at - b.at || (a.kind === 'dhcp' ? -1 : b.kind === 'dhcp' ? 1 : 0));
  return {
    path,
    cidr,
    gateway: formatIpv4(net.address),
    usable: Math.max(0, net.broadcast - net.network - 1),
    free: free.reduce((n, [s, e]) => n + e - s + 1, 0),
    rows: rows.map(({ at: _at, ...r }) => r),
    problems,
  };
}

/** The blocks of [first, last] that no row covers. */
function freeBlocks(first: number, last: number, rows: readonly (PlanRow & { at: number })[]): [number, number][] {
  const used = rows
    .filter((r) => r.at >= 0 && r.count > 0)
    .map((r) => [r.at, r.at + r.count - 1] as [number, number])
    .sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  let next = first;
  for (const [s, e] of used) {
    if (s > next && next <= last) out.push([next, Math.min(s - 1, last)]);
    next = Math.max(next, e + 1);
  }
  if (next <= last) out.push([next, last]);
  return out;
}
