import { ConfigMap } from './model';
import { compact } from '../util/objects';
import { Verdict } from '../validation/errors';
import { Rule, rule } from '../validation/rule';
import { absolutePath } from '../validation/rules';
import { parseIpv4 } from '../net/ipv4';
import { parseIpv6 } from '../net/ipv6';

/** A NIC on a managed network, optionally with a static DHCP reservation. */
export interface NicOptions {
  /** Managed network (bridge) name. */
  readonly network: string;
  /** Interface name inside the instance. @default 'eth0' */
  readonly name?: string;
  /** Static IPv4 handed out by the bridge's DHCP server. */
  readonly ipv4Address?: string;
  /** Fixed MAC address. */
  readonly hwaddr?: string;
}

/** A host path mounted into the instance. */
export interface DiskOptions {
  /** Absolute host path (a directory or a block device). */
  readonly source: string;
  /** Mount point inside the instance. */
  readonly path: string;
  /** Mount read-only. @default false */
  readonly readonly?: boolean;
  /** UID/GID shifting overlay. @default false */
  readonly shift?: boolean;
}

/** A proxy forwarding a host address to the instance, e.g. `tcp:127.0.0.1:8080` -> `tcp:127.0.0.1:80`. */
export interface ProxyOptions {
  /** Host side address, e.g. `tcp:127.0.0.1:8080`. */
  readonly listen: string;
  /** Instance side address, e.g. `tcp:127.0.0.1:80`. */
  readonly connect: string;
}

const flag = (v: boolean | undefined) => (v === undefined ? undefined : String(v));

/** The device map of a NIC. */
export function nicDevice(o: NicOptions): ConfigMap {
  return compact({
    type: 'nic',
    network: o.network,
    name: o.name ?? 'eth0',
    'ipv4.address': o.ipv4Address,
    hwaddr: o.hwaddr,
  }) as ConfigMap;
}

/** A NIC on a Linux bridge LXD does not manage (`nictype: bridged`). */
export function hostBridgeNic(parent: string, name: string, hwaddr?: string): ConfigMap {
  return compact({ type: 'nic', nictype: 'bridged', parent, name, hwaddr }) as ConfigMap;
}

/** The device map of a disk mount. */
export function diskDevice(o: DiskOptions): ConfigMap {
  return compact({
    type: 'disk',
    source: o.source,
    path: o.path,
    readonly: flag(o.readonly),
    shift: flag(o.shift),
  }) as ConfigMap;
}

/** The device map of a proxy. */
export function proxyDevice(o: ProxyOptions): ConfigMap {
  return { type: 'proxy', listen: o.listen, connect: o.connect };
}

/** The root disk of a profile or instance on `pool`. */
export function rootDisk(pool: string, size?: string): ConfigMap {
  return compact({ type: 'disk', path: '/', pool, size }) as ConfigMap;
}

/** Ports as LXD writes them: `80`, `80-90`, `80,443`, `8000-8002,9000`. */
const PORTS = String.raw`\d{1,5}(-\d{1,5})?(,\d{1,5}(-\d{1,5})?)*`;
const PROXY_ADDRESS = new RegExp(
  String.raw`^(tcp|udp):[^\s:\[\]]+:${PORTS}$|^(tcp|udp):\[[0-9a-fA-F:]+\]:${PORTS}$|^unix:\/\S+$`,
);

/**
 * Rule: a proxy address such as `tcp:127.0.0.1:8080`, `tcp:[::1]:80` or `unix:/run/app.sock`.
 * A host written as digits and dots must be an IPv4 address, and one in brackets an IPv6 address.
 */
export function checkProxyAddress(value: unknown): Verdict | undefined {
  if (typeof value !== 'string' || !PROXY_ADDRESS.test(value)) {
    return {
      reason: 'not a proxy address (tcp:HOST:PORTS, udp:HOST:PORTS or unix:/PATH)',
      fix: 'use e.g. tcp:127.0.0.1:8080',
    };
  }
  if (value.startsWith('unix:')) return undefined;
  const host = value.slice(4, value.lastIndexOf(':'));
  if (/^[\d.]+$/.test(host) && parseIpv4(host) === undefined) {
    return {
      reason: `${host} is not an IPv4 address (four numbers of 0-255)`,
      fix: 'use an address such as 127.0.0.1 or 0.0.0.0',
    };
  }
  if (host.startsWith('[') && parseIpv6(host.slice(1, -1)) === undefined) {
    return { reason: `${host} is not an IPv6 address`, fix: 'use an address such as [::1] or [::]' };
  }
  return undefined;
}

/** A verdict on a proxy device, with the key (`listen` or `connect`) it is about. */
export interface ProxyVerdict extends Verdict {
  readonly key: 'listen' | 'connect';
}

/**
 * The number of ports of a tcp/udp proxy address, or a verdict when a port is outside
 * 1-65535 or a range is reversed; undefined for a unix socket.
 */
function proxyPorts(address: string): number | Verdict | undefined {
  if (address.startsWith('unix:')) return undefined;
  const ports = address.slice(address.lastIndexOf(':') + 1);
  let count = 0;
  for (const part of ports.split(',')) {
    const [from, to = from] = part.split('-').map(Number);
    for (const p of [from, to]) {
      if (p < 1 || p > 65535) return { reason: `port ${p} is outside 1-65535`, fix: 'use ports from 1 to 65535' };
    }
    if (to < from) return { reason: `the port range ${part} is reversed`, fix: `write it as ${to}-${from}` };
    count += to - from + 1;
  }
  return count;
}

/**
 * Rule: the ports of a proxy device. Every port lies in 1-65535, ranges run upwards, and
 * `connect` has either one port (every listen port goes to it) or as many as `listen`
 * (port i goes to port i), which is what LXD accepts.
 */
export function checkProxyPorts(o: ProxyOptions): ProxyVerdict | undefined {
  const listen = proxyPorts(o.listen);
  const connect = proxyPorts(o.connect);
  if (typeof listen === 'object') return { key: 'listen', ...listen };
  if (typeof connect === 'object') return { key: 'connect', ...connect };
  if (listen === undefined || connect === undefined || connect === 1 || connect === listen) return undefined;
  return {
    key: 'connect',
    reason: `${connect} connect ports for ${listen} listen port${listen === 1 ? '' : 's'}: LXD maps port i to port i, or every port to a single one`,
    fix: `give connect a single port or ${listen} ports, like listen`,
  };
}

/**
 * Rule: a disk `source` is an absolute host path. (LXD also takes a custom volume name with
 * `pool`, which {@link DiskOptions} does not model: a relative path would be read as one.)
 */
export function checkDiskSource(value: unknown): Verdict | undefined {
  return typeof value === 'string' && value.startsWith('/')
    ? undefined
    : {
        reason: 'not an absolute host path (LXD would read it as the name of a storage volume)',
        fix: 'use an absolute path such as /srv/data',
      };
}

/** Rule: a device's `type` (`nic`, `disk`, `proxy`...), which every device needs. */
export const checkDeviceType: Rule<unknown> = rule(
  (v) => typeof v === 'string' && v.length > 0,
  'every device needs a type',
  'add type: "nic", "disk", "proxy", ...',
);

/** Rule: a disk's mount point inside the instance, an absolute path. */
export const checkMountPath: Rule<unknown> = absolutePath('the mount path must be absolute', 'use e.g. /srv/data');
