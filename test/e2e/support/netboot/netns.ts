/** A throw-away network namespace with a bridge (the PXE LAN) and a tap for QEMU. */
import { run } from './procs';

/** Addresses of the PXE LAN inside the namespace. */
export interface PxeLan {
  /** Namespace name. */
  readonly netns: string;
  /** Bridge inside the namespace. */
  readonly bridge: string;
  /** Tap enslaved to the bridge, for QEMU. */
  readonly tap: string;
  /** Bridge address with prefix, e.g. `10.77.0.1/24`. */
  readonly cidr: string;
  /** Bridge IPv4 address. */
  readonly address: string;
  /** IPv6 prefix on the bridge (for router advertisements). */
  readonly v6Prefix: string;
}

/** Creates the namespace, bridge and tap. Call {@link destroyLan} in a finally/afterAll. */
export function createLan(netns: string): PxeLan {
  const lan: PxeLan = {
    netns,
    bridge: 'pxebr0',
    tap: 'pxetap0',
    cidr: '10.77.0.1/24',
    address: '10.77.0.1',
    v6Prefix: 'fd00:77::',
  };
  run('ip', ['netns', 'add', netns]);
  const ip = (...args: string[]) => run('ip', ['-n', netns, ...args]);
  ip('link', 'set', 'lo', 'up');
  ip('link', 'add', lan.bridge, 'type', 'bridge');
  ip('addr', 'add', lan.cidr, 'dev', lan.bridge);
  // nodad: the address is usable at once, so dnsmasq's RA can start immediately.
  ip('addr', 'add', `${lan.v6Prefix}1/64`, 'dev', lan.bridge, 'nodad');
  ip('tuntap', 'add', 'dev', lan.tap, 'mode', 'tap');
  ip('link', 'set', lan.tap, 'master', lan.bridge);
  ip('link', 'set', lan.tap, 'up');
  ip('link', 'set', lan.bridge, 'up');
  return lan;
}

/** Deletes the namespace (its bridge and tap go with it). Never throws. */
export function destroyLan(netns: string): string | undefined {
  try {
    run('ip', ['netns', 'del', netns]);
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}
