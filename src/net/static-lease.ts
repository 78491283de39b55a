import { Verdict } from '../validation/errors';
import { checkIpv4 } from './ipv4';
import { checkMac, normalizeMac } from './mac';

/**
 * A fixed IPv4 address for one machine, one dnsmasq `dhcp-host=` line: on an LXD bridge
 * (`Bridge.addStaticLease`) or on the PXE dnsmasq (`staticLeases` of `DnsmasqPxeOptions`).
 * The lease matches the machine by its MAC (`dhcp-host=MAC,IP`) or, without a MAC, by the host
 * name the machine sends in its DHCP request (`dhcp-host=NAME,IP`).
 */
export interface StaticLease {
  /**
   * The machine's MAC, six colon-separated hex pairs such as `52:54:00:12:34:56` (letter case
   * does not matter). The lease matches the machine with this MAC.
   * @default - no MAC: the lease matches by `hostname`
   */
  readonly mac?: string;
  /**
   * A host name: 1-63 letters, digits and hyphens, e.g. `node1`. Without `mac`, the lease matches
   * the machine that sends this name (`dhcp-host=NAME,IP`; a PXE firmware usually sends none, the
   * installed system does). With `mac` (PXE dnsmasq only; a bridge lease takes exactly one of the
   * two), the name handed to the machine (`dhcp-host=MAC,IP,NAME`).
   * @default - no name: the lease matches by `mac` and hands out no name
   */
  readonly hostname?: string;
  /** The IPv4 address handed to the machine, e.g. `10.0.0.50`; it must lie in the network's subnet. */
  readonly ipv4Address: string;
}

/**
 * Rule: a host name a lease matches or hands out. One DNS label, and not a word dnsmasq's
 * `dhcp-host=` reads as something else: digits with an optional unit (`42`, `12h`) are a lease
 * time, `infinite` and `ignore` are keywords.
 */
export function checkLeaseHostname(value: unknown): Verdict | undefined {
  if (typeof value !== 'string' || !/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/.test(value)) {
    return { reason: 'not a valid host name', fix: 'use 1-63 letters, digits and hyphens, e.g. node1' };
  }
  if (/^\d+[smhdw]?$/i.test(value) || /^(infinite|ignore)$/i.test(value)) {
    return {
      reason: 'dnsmasq reads this dhcp-host= field as a lease time or a keyword, not a host name',
      fix: 'use a name with a letter that is not a time unit, e.g. node1',
    };
  }
  return undefined;
}

/**
 * Rule: the lease names the machine it matches. With `exactlyOne` (a bridge lease) that is a MAC or
 * a host name, not both; otherwise (the PXE dnsmasq) a MAC, a host name, or a MAC and the name to
 * hand out.
 */
export function checkLeaseMatch(lease: StaticLease, exactlyOne: boolean): Verdict | undefined {
  if (lease.mac === undefined && lease.hostname === undefined) {
    return {
      reason: 'the lease matches no machine: it has neither mac nor hostname',
      fix: exactlyOne
        ? 'give exactly one of mac and hostname'
        : 'give mac (or hostname, for a machine that sends its name)',
    };
  }
  if (exactlyOne && lease.mac !== undefined && lease.hostname !== undefined) {
    return {
      reason: 'a bridge lease matches either a MAC or a hostname, not both',
      fix: 'give exactly one of mac and hostname',
    };
  }
  return undefined;
}

/** The value of the lease's `dhcp-host=` line: `MAC,IP`, `MAC,IP,NAME` or `NAME,IP` (checked leases only). */
export function dhcpHostValue(lease: StaticLease): string {
  if (lease.mac === undefined) return `${lease.hostname},${lease.ipv4Address}`;
  return [normalizeMac(lease.mac), lease.ipv4Address, ...(lease.hostname !== undefined ? [lease.hostname] : [])].join(
    ',',
  );
}

/** The lease a `dhcp-host=` value names (the inverse of {@link dhcpHostValue}); undefined for other forms. */
export function parseDhcpHostValue(value: string): StaticLease | undefined {
  const [first, ip, name, ...rest] = value.split(',').map((p) => p.trim());
  if (ip === undefined || rest.length || checkIpv4(ip)) return undefined;
  if (!checkMac(first)) return { mac: first, ipv4Address: ip, ...(name !== undefined ? { hostname: name } : {}) };
  return name === undefined && !checkLeaseHostname(first) ? { hostname: first, ipv4Address: ip } : undefined;
}
