import { checkHostCidr, checkHostInSubnet, checkIpv4, formatIpv4, parseCidr, parseIpv4 } from '../net/ipv4';
import { checkMac, normalizeMac } from '../net/mac';
import { checkLeaseHostname, checkLeaseMatch } from '../net/static-lease';
import { Problem, Verdict } from '../validation/errors';
import { isRelativePath } from '../validation/rules';
import { DnsmasqPxeSpec } from './model';

/** Rule: a Linux interface name (at most 15 characters). */
export function checkInterfaceName(value: unknown): Verdict | undefined {
  return typeof value === 'string' && /^[A-Za-z0-9_.-]{1,15}$/.test(value) && value !== '.' && value !== '..'
    ? undefined
    : { reason: 'not a valid interface name', fix: 'use 1-15 letters, digits, "_", "." or "-", e.g. br0' };
}

/** Rule: an absolute path that fits on one dnsmasq option line. */
export function checkConfPath(value: unknown): Verdict | undefined {
  return typeof value === 'string' && /^\/[A-Za-z0-9_.+@/-]*$/.test(value)
    ? undefined
    : {
        reason: 'not an absolute path of letters, digits and _ . + @ / -',
        fix: 'use a path such as /var/lib/tftpboot',
      };
}

/** Rule: a boot file name relative to the TFTP root. */
export function checkBootFile(value: unknown): Verdict | undefined {
  return isRelativePath(value)
    ? undefined
    : { reason: 'not a plain file name under the TFTP root', fix: 'use a name such as undionly.kpxe' };
}

/** Rule: Matchbox's HTTP base URL: http(s)://host[:port][/path], no commas, spaces or quotes. */
export function checkMatchboxUrl(value: unknown): Verdict | undefined {
  return typeof value === 'string' &&
    /^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?(\/[A-Za-z0-9._~/-]*)?$/.test(value) &&
    !value.endsWith('/')
    ? undefined
    : { reason: 'not an http(s) base URL without a trailing slash', fix: 'use http://<matchbox-address>:8080' };
}

/** Rule: a DHCP lease time (`45m`, `12h`, `infinite`). */
export function checkLeaseTime(value: unknown): Verdict | undefined {
  return typeof value === 'string' && /^(\d+[smhdw]?|infinite)$/.test(value) && !/^\d{1,2}$/.test(value)
    ? undefined
    : { reason: 'not a dnsmasq lease time (at least 120 s)', fix: 'use e.g. 12h, 45m or infinite' };
}

/** Rule: an IPv6 prefix address such as `fd00:77::` (no length; dnsmasq takes it from the interface). */
export function checkIpv6Prefix(value: unknown): Verdict | undefined {
  const ok =
    typeof value === 'string' &&
    /^[0-9a-fA-F:]+$/.test(value) &&
    value.includes(':') &&
    (value.match(/::/g) ?? []).length <= 1 &&
    value.split(':').every((g) => g.length <= 4) &&
    (value.includes('::') ? value.split(':').length <= 9 : value.split(':').length === 8);
  return ok ? undefined : { reason: 'not an IPv6 prefix address', fix: 'use an address such as fd00:77::' };
}

/**
 * Every problem in a PXE dnsmasq config: names, paths and URLs that could break a config line,
 * bad or misplaced addresses, a reversed range, and static leases that match no machine or repeat a
 * MAC, address or host name.
 */
export function validateDnsmasq(props: DnsmasqPxeSpec, path: string): Problem[] {
  const problems: Problem[] = [];
  const rule = (property: string, value: unknown, verdict: Verdict | undefined) => {
    if (verdict) problems.push({ path, property, value, ...verdict });
    return verdict === undefined;
  };
  rule('interface', props.interface, checkInterfaceName(props.interface));
  const cidr = rule('subnet', props.subnet, checkHostCidr(props.subnet)) ? parseCidr(props.subnet) : undefined;
  const inSubnet = (property: string, value: unknown): number | undefined => {
    if (!rule(property, value, checkIpv4(value))) return undefined;
    const ip = parseIpv4(value as string)!;
    if (cidr) rule(property, value, checkHostInSubnet(ip, cidr, props.subnet));
    return ip;
  };
  const mode = props.mode ?? 'full';
  if (mode !== 'full' && mode !== 'proxy') rule('mode', mode, { reason: 'unknown mode', fix: 'use full or proxy' });
  if (mode === 'full') {
    if (!props.range)
      rule('range', undefined, {
        reason: 'full DHCP mode needs an address range',
        fix: 'set range { start, end } or use mode proxy',
      });
    else {
      const start = inSubnet('range.start', props.range.start);
      const end = inSubnet('range.end', props.range.end);
      if (start !== undefined && end !== undefined && start > end) {
        rule('range', props.range, {
          reason: 'the range is reversed (start after end)',
          fix: `use start ${formatIpv4(end)} and end ${formatIpv4(start)}`,
        });
      }
      if (props.range.leaseTime !== undefined)
        rule('range.leaseTime', props.range.leaseTime, checkLeaseTime(props.range.leaseTime));
    }
  } else if (props.range) {
    rule('range', props.range, {
      reason: 'proxy mode hands out no addresses; the range would be ignored',
      fix: 'remove range or use mode full',
    });
  }
  if (props.router !== undefined && rule('router', props.router, checkIpv4(props.router)) && cidr) {
    const ip = parseIpv4(props.router)!;
    if (ip < cidr.network || ip > cidr.broadcast)
      rule('router', props.router, {
        reason: `outside the subnet ${props.subnet}`,
        fix: 'use a gateway on the served subnet',
      });
  }
  (props.dnsServers ?? []).forEach((d, i) => rule(`dnsServers[${i}]`, d, checkIpv4(d)));
  if (
    props.dnsPort !== undefined &&
    !(Number.isInteger(props.dnsPort) && props.dnsPort >= 0 && props.dnsPort <= 65535)
  ) {
    rule('dnsPort', props.dnsPort, { reason: 'not a port number', fix: 'use 0 (DNS off) to 65535' });
  }
  rule('matchboxUrl', props.matchboxUrl, checkMatchboxUrl(props.matchboxUrl));
  if (props.tftpRoot !== undefined) rule('tftpRoot', props.tftpRoot, checkConfPath(props.tftpRoot));
  if (props.biosBootFile !== undefined) rule('biosBootFile', props.biosBootFile, checkBootFile(props.biosBootFile));
  if (props.uefiBootFile !== undefined) rule('uefiBootFile', props.uefiBootFile, checkBootFile(props.uefiBootFile));
  for (const key of ['leaseFile', 'pidFile'] as const)
    if (props[key] !== undefined) rule(key, props[key], checkConfPath(props[key]));
  if (props.log?.facility !== undefined) rule('log.facility', props.log.facility, checkConfPath(props.log.facility));
  if (props.raPrefix !== undefined) rule('raPrefix', props.raPrefix, checkIpv6Prefix(props.raPrefix));
  const macs = new Map<string, number>();
  const ips = new Map<string, number>();
  const names = new Map<string, number>();
  (props.staticLeases ?? []).forEach((lease, i) => {
    const at = `staticLeases[${i}]`;
    rule(at, lease, checkLeaseMatch(lease, false));
    if (lease.mac !== undefined && rule(`${at}.mac`, lease.mac, checkMac(lease.mac))) {
      const mac = normalizeMac(lease.mac);
      if (macs.has(mac))
        rule(`${at}.mac`, lease.mac, {
          reason: `same MAC as staticLeases[${macs.get(mac)}]`,
          fix: 'give each machine one lease',
        });
      else macs.set(mac, i);
    }
    if (inSubnet(`${at}.ipv4Address`, lease.ipv4Address) !== undefined) {
      if (ips.has(lease.ipv4Address))
        rule(`${at}.ipv4Address`, lease.ipv4Address, {
          reason: `same address as staticLeases[${ips.get(lease.ipv4Address)}]`,
          fix: 'use a different address',
        });
      else ips.set(lease.ipv4Address, i);
    }
    if (lease.hostname !== undefined && rule(`${at}.hostname`, lease.hostname, checkLeaseHostname(lease.hostname))) {
      const name = lease.hostname.toLowerCase();
      if (names.has(name))
        rule(`${at}.hostname`, lease.hostname, {
          reason: `same host name as staticLeases[${names.get(name)}]`,
          fix: 'use unique host names',
        });
      else names.set(name, i);
    }
  });
  return problems;
}
