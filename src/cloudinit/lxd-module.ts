import { PreseedDocument, PreseedNetwork, PreseedProfile } from '../lxd/preseed';
import { ConfigMap } from '../lxd/model';
import { checkHostCidr, checkIpv4 } from '../net/ipv4';
import { checkMtu } from '../net/mtu';
import { Verdict } from '../validation/errors';

/** cloud-init `lxd.init`: the answers to `lxd init --auto`. */
export interface LxdInitOptions {
  /** Address the API listens on (`core.https_address`). @default - no network listener */
  readonly networkAddress?: string;
  /** Port for `networkAddress`. @default 8443 */
  readonly networkPort?: number;
  /** Storage driver of the pool. @default 'dir' */
  readonly storageBackend?: 'zfs' | 'dir' | 'lvm' | 'btrfs';
  /** Block device backing the pool (its `source`). @default - no device */
  readonly storageCreateDevice?: string;
  /** Loop-backed pool size in GB: a whole number of at least 1. @default - the driver's default size */
  readonly storageCreateLoop?: number;
  /** Storage pool name. @default 'default' */
  readonly storagePool?: string;
  /** Secret: rendered only inside the preseed, never on a command line. @default - no trust password */
  readonly trustPassword?: string;
}

/** cloud-init `lxd.bridge`: the bridge `lxd init` sets up. */
export interface LxdBridgeOptions {
  /** `new` creates the bridge, `existing` uses one, `none` attaches no bridge. */
  readonly mode: 'none' | 'existing' | 'new';
  /** Bridge name. @default 'lxdbr0' */
  readonly name?: string;
  /** Bridge MTU; -1 for LXD's default. @default - LXD's default MTU */
  readonly mtu?: number;
  /** Bridge address, or `auto` to let LXD pick a subnet. @default none (no IPv4, as cloud-init does) */
  readonly ipv4Address?: string;
  /** Prefix length of `ipv4Address`, 1-30. @default - none (required with a fixed `ipv4Address`) */
  readonly ipv4Netmask?: number;
  /** First DHCP address (with `ipv4DhcpLast`). @default - LXD's default DHCP range */
  readonly ipv4DhcpFirst?: string;
  /** Last DHCP address (with `ipv4DhcpFirst`). @default - LXD's default DHCP range */
  readonly ipv4DhcpLast?: string;
  /** NAT for IPv4. @default true (cloud-init's own runtime default) */
  readonly ipv4Nat?: boolean;
  /** Bridge IPv6 address, `auto`, or `none`. @default none */
  readonly ipv6Address?: string;
  /** Prefix length of `ipv6Address`. @default - none (a fixed `ipv6Address` without it means no IPv6) */
  readonly ipv6Netmask?: number;
  /** NAT for IPv6. @default false */
  readonly ipv6Nat?: boolean;
  /** DNS domain of the bridge (`dns.domain`). @default - LXD's default domain */
  readonly domain?: string;
}

/** A problem in `lxd.init` or `lxd.bridge`; `property` is relative to `lxd` (`init.storageCreateLoop`). */
export interface LxdModuleProblem extends Verdict {
  readonly property: string;
  readonly value: unknown;
}

/**
 * Checks the values cloud-init's schema only types as integers: the loop size (GB, at least 1),
 * the bridge's prefix length (1-30: LXD needs room for the gateway and DHCP clients, as for
 * `Bridge`) together with its address, and the MTU (-1 for LXD's default, else 68-65535).
 */
export function checkLxdModule(
  init: LxdInitOptions | undefined,
  bridge: LxdBridgeOptions | undefined,
): LxdModuleProblem[] {
  const problems: LxdModuleProblem[] = [];
  const add = (property: string, value: unknown, verdict: Verdict | undefined) => {
    if (verdict) problems.push({ property, value, reason: verdict.reason, fix: verdict.fix });
  };
  const loop = init?.storageCreateLoop;
  if (loop !== undefined) {
    add(
      'init.storageCreateLoop',
      loop,
      Number.isInteger(loop) && loop >= 1
        ? undefined
        : { reason: 'the loop file size is a whole number of GB, at least 1', fix: 'use e.g. 20 (for 20GB)' },
    );
  }
  const mask = bridge?.ipv4Netmask;
  if (mask !== undefined) {
    if (!Number.isInteger(mask) || mask < 1 || mask > 30) {
      add('bridge.ipv4Netmask', mask, {
        reason: 'not a prefix length from 1 to 30 (a bridge needs room for its own address and DHCP clients)',
        fix: 'use e.g. 24',
      });
    } else if (bridge?.ipv4Address !== undefined && bridge.ipv4Address !== 'auto') {
      add(
        'bridge.ipv4Address',
        bridge.ipv4Address,
        checkIpv4(bridge.ipv4Address) ?? checkHostCidr(`${bridge.ipv4Address}/${mask}`),
      );
    }
  }
  if (bridge?.mtu !== undefined && bridge.mtu !== -1) add('bridge.mtu', bridge.mtu, checkMtu(bridge.mtu));
  return problems;
}

/**
 * Translates `lxd.init` + `lxd.bridge` into the equivalent preseed. cloud-init 22.x
 * compares `ipv4_nat` with the string "true", so the schema-valid boolean silently
 * creates a bridge without NAT; the preseed path sets `ipv4.nat` exactly as asked.
 */
export function initToPreseed(init: LxdInitOptions | undefined, bridge: LxdBridgeOptions | undefined): PreseedDocument {
  const poolName = init?.storagePool ?? 'default';
  const config: Record<string, string> = {};
  if (init?.networkAddress !== undefined)
    config['core.https_address'] = `${init.networkAddress}:${init.networkPort ?? 8443}`;
  if (init?.trustPassword !== undefined) config['core.trust_password'] = init.trustPassword;

  const poolConfig: Record<string, string> = {};
  if (init?.storageCreateLoop !== undefined) poolConfig.size = `${init.storageCreateLoop}GB`;
  if (init?.storageCreateDevice !== undefined) poolConfig.source = init.storageCreateDevice;

  const network = bridge?.mode === 'new' ? bridgeNetwork(bridge) : undefined;
  const profile: PreseedProfile = {
    name: 'default',
    devices: {
      ...(init ? { root: { type: 'disk', path: '/', pool: poolName } } : {}),
      ...(bridge && bridge.mode !== 'none' ? { eth0: nicFor(bridge) } : {}),
    },
  };
  return {
    config: Object.keys(config).length ? config : undefined,
    storagePools: init ? [{ name: poolName, driver: init.storageBackend ?? 'dir', config: poolConfig }] : undefined,
    networks: network ? [network] : undefined,
    profiles: Object.keys(profile.devices ?? {}).length ? [profile] : undefined,
  };
}

function nicFor(bridge: LxdBridgeOptions): ConfigMap {
  const name = bridge.name ?? 'lxdbr0';
  return bridge.mode === 'new'
    ? { type: 'nic', name: 'eth0', network: name }
    : { type: 'nic', name: 'eth0', nictype: 'bridged', parent: name };
}

function bridgeNetwork(b: LxdBridgeOptions): PreseedNetwork {
  const config: Record<string, string> = {};
  if (b.ipv4Address === 'auto') config['ipv4.address'] = 'auto';
  else if (b.ipv4Address && b.ipv4Netmask !== undefined) config['ipv4.address'] = `${b.ipv4Address}/${b.ipv4Netmask}`;
  else config['ipv4.address'] = 'none';
  if (config['ipv4.address'] !== 'none') {
    config['ipv4.nat'] = String(b.ipv4Nat ?? true);
    if (b.ipv4DhcpFirst && b.ipv4DhcpLast) config['ipv4.dhcp.ranges'] = `${b.ipv4DhcpFirst}-${b.ipv4DhcpLast}`;
  }
  if (b.ipv6Address === 'auto') config['ipv6.address'] = 'auto';
  else if (b.ipv6Address && b.ipv6Address !== 'none' && b.ipv6Netmask !== undefined)
    config['ipv6.address'] = `${b.ipv6Address}/${b.ipv6Netmask}`;
  else config['ipv6.address'] = 'none';
  if (config['ipv6.address'] !== 'none') config['ipv6.nat'] = String(b.ipv6Nat ?? false);
  if (b.domain) config['dns.domain'] = b.domain;
  if (b.mtu !== undefined && b.mtu !== -1) config['bridge.mtu'] = String(b.mtu);
  return { name: b.name ?? 'lxdbr0', type: 'bridge', config };
}
