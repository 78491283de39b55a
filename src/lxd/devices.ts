import { ConfigMap } from './model';
import { compact } from '../util/objects';

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
  readonly source: string;
  readonly path: string;
  /** @default false */
  readonly readonly?: boolean;
  /** UID/GID shifting overlay. @default false */
  readonly shift?: boolean;
}

/** A proxy forwarding a host address to the instance, e.g. `tcp:127.0.0.1:8080` -> `tcp:127.0.0.1:80`. */
export interface ProxyOptions {
  readonly listen: string;
  readonly connect: string;
}

const flag = (v: boolean | undefined) => (v === undefined ? undefined : String(v));

/** The device map of a NIC. */
export function nicDevice(o: NicOptions): ConfigMap {
  return compact({ type: 'nic', network: o.network, name: o.name ?? 'eth0', 'ipv4.address': o.ipv4Address, hwaddr: o.hwaddr }) as ConfigMap;
}

/** A NIC on a Linux bridge LXD does not manage (`nictype: bridged`). */
export function hostBridgeNic(parent: string, name: string, hwaddr?: string): ConfigMap {
  return compact({ type: 'nic', nictype: 'bridged', parent, name, hwaddr }) as ConfigMap;
}

/** The device map of a disk mount. */
export function diskDevice(o: DiskOptions): ConfigMap {
  return compact({ type: 'disk', source: o.source, path: o.path, readonly: flag(o.readonly), shift: flag(o.shift) }) as ConfigMap;
}

/** The device map of a proxy. */
export function proxyDevice(o: ProxyOptions): ConfigMap {
  return { type: 'proxy', listen: o.listen, connect: o.connect };
}

/** The root disk of a profile or instance on `pool`. */
export function rootDisk(pool: string, size?: string): ConfigMap {
  return compact({ type: 'disk', path: '/', pool, size }) as ConfigMap;
}

const PROXY_ADDRESS = /^(tcp|udp):[^\s:]+(:\d{1,5}(-\d{1,5})?)$|^(tcp|udp):\[[0-9a-fA-F:]+\]:\d{1,5}$|^unix:\/\S+$/;

/** True when `value` is a proxy address such as `tcp:127.0.0.1:8080`. */
export function isProxyAddress(value: string): boolean {
  return PROXY_ADDRESS.test(value);
}
