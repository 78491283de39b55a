import { Verdict } from '../validation/errors';

/** An IPv4 subnet with the host address it was written with (`10.0.0.1/24`). */
export interface Ipv4Cidr {
  /** The address as written, e.g. the bridge's own address. */
  readonly address: number;
  readonly prefix: number;
  readonly network: number;
  readonly broadcast: number;
}

const OCTET = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

/** Parses a dotted quad strictly (no leading zeros, no spaces); undefined when invalid. */
export function parseIpv4(text: string): number | undefined {
  if (typeof text !== 'string') return undefined;
  const parts = text.split('.');
  if (parts.length !== 4 || !parts.every((p) => OCTET.test(p))) return undefined;
  return parts.reduce((acc, p) => acc * 256 + Number(p), 0);
}

/** Formats a 32-bit unsigned number as a dotted quad. */
export function formatIpv4(n: number): string {
  return [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.');
}

/** Parses `a.b.c.d/len`; undefined when invalid. */
export function parseCidr(text: string): Ipv4Cidr | undefined {
  if (typeof text !== 'string') return undefined;
  const m = /^([^/]+)\/(\d{1,2})$/.exec(text);
  if (!m) return undefined;
  const address = parseIpv4(m[1]);
  const prefix = Number(m[2]);
  if (address === undefined || prefix > 32) return undefined;
  const size = 2 ** (32 - prefix);
  const network = Math.floor(address / size) * size;
  return { address, prefix, network, broadcast: network + size - 1 };
}

/** True when `ip` lies inside the subnet (network and broadcast included). */
export function cidrContains(cidr: Ipv4Cidr, ip: number): boolean {
  return ip >= cidr.network && ip <= cidr.broadcast;
}

/** Rule: a dotted-quad IPv4 address. */
export function checkIpv4(value: unknown): Verdict | undefined {
  return typeof value === 'string' && parseIpv4(value) !== undefined
    ? undefined
    : { reason: 'not a valid IPv4 address', fix: 'use a dotted quad such as 10.0.0.10' };
}

/** Rule: an IPv4 CIDR whose address is a usable host address (a gateway such as `10.0.0.1/24`). */
export function checkHostCidr(value: unknown): Verdict | undefined {
  const cidr = typeof value === 'string' ? parseCidr(value) : undefined;
  if (!cidr) return { reason: 'not a valid IPv4 CIDR', fix: 'use address/prefix such as 10.0.0.1/24' };
  if (cidr.prefix > 30)
    return { reason: 'the subnet leaves no room for DHCP clients', fix: 'use a prefix of /30 or shorter' };
  if (cidr.address === cidr.network || cidr.address === cidr.broadcast) {
    return {
      reason: 'the address is the network or broadcast address',
      fix: `use a host address such as ${formatIpv4(cidr.network + 1)}/${cidr.prefix}`,
    };
  }
  return undefined;
}

/**
 * Rule: `ip` is a usable host address of `cidr` that is not the gateway itself.
 * `cidrText` is only used in messages.
 */
export function checkHostInSubnet(ip: number, cidr: Ipv4Cidr, cidrText: string): Verdict | undefined {
  const range = `${formatIpv4(cidr.network + 1)}-${formatIpv4(cidr.broadcast - 1)}`;
  if (!cidrContains(cidr, ip)) return { reason: `outside the subnet ${cidrText}`, fix: `use an address in ${range}` };
  if (ip === cidr.network || ip === cidr.broadcast) {
    return { reason: `the network or broadcast address of ${cidrText}`, fix: `use an address in ${range}` };
  }
  if (ip === cidr.address)
    return { reason: `the bridge's own address (${cidrText})`, fix: `use another address in ${range}` };
  return undefined;
}
