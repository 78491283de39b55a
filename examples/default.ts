import { App } from '../constructs/core/cdk';
import {
  Bridge,
  CloudConfig,
  Container,
  IHost,
  LabStack,
  LocalHost,
  MultipassVm,
  Profile,
  StoragePool,
} from '../index';

/** Options that let tests and small machines deploy a smaller copy of the lab. */
export interface LabOptions {
  /** @default 'lab' */
  readonly stackId?: string;
  /** @default 'lab-vm' */
  readonly vmName?: string;
  /** @default 'ubuntu:22.04' */
  readonly image?: string;
  /** @default 'btrfs' with a 20GiB loop file */
  readonly pool?: { readonly driver: 'dir' | 'btrfs'; readonly size?: string };
  /** @default '10.10.10' */
  readonly subnet?: string;
  /** `local` runs LXD commands on the deploying machine instead of a multipass VM. @default 'multipass' */
  readonly host?: 'multipass' | 'local';
  /** The daemon of a `local` host: `lxd` or `incus`. @default 'lxd' */
  readonly backend?: 'lxd' | 'incus';
  /** Local state file (absolute, or relative to the stack's working directory). @default - next to cdktf.json */
  readonly statePath?: string;
  /** Overrides for the `db` container (tests change these between deploys). @default - as below */
  readonly db?: { readonly image?: string; readonly memory?: string; readonly state?: 'running' | 'stopped' };
  /** DHCP range of the bridge, last octets. @default [100, 199] */
  readonly dhcpRange?: readonly [number, number];
  /** CPU limit of the `web` container. @default 1 */
  readonly webCpu?: number;
  /** Adds a third container, `cache`, with this image. @default - no cache container */
  readonly cacheImage?: string;
}

/**
 * The default lab: a multipass VM bootstrapped by cloud-init with LXD, a storage pool,
 * a bridge with DHCP ranges and static leases, a shared profile, and two containers
 * with static addresses, one published through a proxy device.
 */
export function buildLab(app: App, o: LabOptions = {}): LabStack {
  const net = o.subnet ?? '10.10.10';
  const stack = new LabStack(app, o.stackId ?? 'lab', { localStatePath: o.statePath });
  const vm: IHost =
    o.host === 'local'
      ? new LocalHost(stack, 'host', { backend: o.backend })
      : new MultipassVm(stack, 'vm', {
          name: o.vmName ?? 'lab-vm',
          cpus: 2,
          memory: '4G',
          disk: '40G',
          image: '22.04',
          cloudConfig: new CloudConfig({
            locale: 'en_US.UTF-8',
            timezone: 'UTC',
            packageUpdate: true,
            packages: ['jq'],
            // LXD itself is set up through cloud-init's lxd module (as a preseed).
            lxd: { init: { storageBackend: 'dir' } },
          }),
        });
  const pool = new StoragePool(stack, 'data', {
    host: vm,
    driver: o.pool?.driver ?? 'btrfs',
    size: o.pool ? o.pool.size : '20GiB',
  });
  const bridge = new Bridge(stack, 'labbr0', {
    host: vm,
    ipv4Address: `${net}.1/24`,
    ipv6Address: 'none',
    dnsDomain: 'lab.test',
    ipv4DhcpRanges: [{ start: `${net}.${o.dhcpRange?.[0] ?? 100}`, end: `${net}.${o.dhcpRange?.[1] ?? 199}` }],
  });
  bridge.addStaticLease({ hostname: 'printer', ipv4Address: `${net}.250` });
  const base = new Profile(stack, 'base', {
    host: vm,
    rootPool: pool,
    network: bridge,
    config: { 'boot.autostart': 'true' },
  });
  const image = o.image ?? 'ubuntu:22.04';
  new Container(stack, 'web', {
    host: vm,
    image,
    profiles: [base],
    limits: { cpu: o.webCpu ?? 1 },
    nics: [{ bridge, ipv4Address: `${net}.10` }],
    proxies: { http: { listen: 'tcp:127.0.0.1:8080', connect: 'tcp:127.0.0.1:80' } },
  });
  new Container(stack, 'db', {
    host: vm,
    image: o.db?.image ?? image,
    profiles: [base],
    nics: [{ bridge, ipv4Address: `${net}.11` }],
    limits: { memory: o.db?.memory },
    state: o.db?.state,
  });
  if (o.cacheImage) {
    new Container(stack, 'cache', {
      host: vm,
      image: o.cacheImage,
      profiles: [base],
      nics: [{ bridge, ipv4Address: `${net}.12` }],
    });
  }
  return stack;
}

if (require.main === module) {
  const app = new App();
  buildLab(app);
  app.synth();
}
