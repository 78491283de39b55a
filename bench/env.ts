/**
 * The benchmark's environments. {@link envSpec} describes one as plain data: one host, a
 * storage pool, a few bridges (each a /16, so 5,000 static addresses fit) with static leases,
 * three profiles and N containers with static IPs, limits, config, and the occasional proxy
 * or disk. {@link buildEnvironment} declares it with the library's constructs; the deploy
 * benchmark's shell scripts (./script.ts) create the same objects with plain `lxc` commands.
 */
import { App } from '../constructs/core/cdk';
import {
  Bridge,
  Container,
  IHost,
  LabStack,
  LocalHost,
  Profile,
  SshHost,
  SshHostProps,
  StaticLease,
  StoragePool,
} from '../index';

/** Options of {@link envSpec}. */
export interface EnvOptions {
  /** Number of containers. */
  readonly containers: number;
  /** `ssh`: a remote host (synth benchmarks, the ssh benchmark); `local`: the deploying machine (deploy benchmarks). */
  readonly host: 'ssh' | 'local';
  /** The SshHost, when `host` is `ssh`. @default - an example host (lxd01.lab.example.com), for synth */
  readonly sshHost?: SshHostProps;
  /** @default 'bench' */
  readonly stackId?: string;
  /** Container image. @default 'ubuntu:22.04' */
  readonly image?: string;
  /** Storage driver of the pool. @default 'btrfs' (200GiB loop file) */
  readonly poolDriver?: 'dir' | 'btrfs';
  /** Bridges; containers are spread round-robin. @default 4 (1 when containers <= 20) */
  readonly bridges?: number;
  /** Absolute path of the local state file. @default - LabStack's default */
  readonly statePath?: string;
  /** Second octet base of the bridges' 10.X.0.0/16 subnets. @default 120 */
  readonly subnetBase?: number;
  /** Host directory shared into every 25th container. @default '/srv/shared' */
  readonly sharedDir?: string;
  /**
   * Set `limits.*` (cgroup limits). Off for the deploy benchmark: the daemon may run where cgroup
   * controllers are not delegated; the same keys are then set as `user.limits.*`. @default true
   */
  readonly limits?: boolean;
}

export interface BridgeSpec {
  readonly name: string;
  readonly prefix: string;
  readonly ipv4Address: string;
  readonly dnsDomain: string;
  readonly dhcpRange: { readonly start: string; readonly end: string };
  readonly leases: readonly StaticLease[];
}

export interface ProfileSpec {
  readonly name: string;
  readonly config: Readonly<Record<string, string>>;
  /** `base` only: root disk on the pool and eth0 on the first bridge. */
  readonly rootAndNic: boolean;
}

export interface ContainerSpec {
  readonly name: string;
  readonly image: string;
  readonly profiles: readonly string[];
  readonly bridge: string;
  readonly ipv4Address: string;
  readonly limits?: { readonly cpu: number; readonly memory: string };
  readonly config: Readonly<Record<string, string>>;
  readonly proxy?: { readonly listen: string; readonly connect: string };
  readonly disk?: { readonly source: string; readonly path: string; readonly readonly: boolean };
  readonly description: string;
}

export interface EnvSpec {
  readonly pool: { readonly name: string; readonly driver: 'dir' | 'btrfs'; readonly size?: string };
  readonly bridges: readonly BridgeSpec[];
  readonly profiles: readonly ProfileSpec[];
  readonly containers: readonly ContainerSpec[];
}

/** The objects of the environment, as plain data. */
export function envSpec(o: EnvOptions): EnvSpec {
  const driver = o.poolDriver ?? 'btrfs';
  const bridges: BridgeSpec[] = [];
  for (let b = 0; b < (o.bridges ?? (o.containers <= 20 ? 1 : 4)); b++) {
    const prefix = `10.${(o.subnetBase ?? 120) + b}`;
    bridges.push({
      name: `br${b}`,
      prefix,
      ipv4Address: `${prefix}.0.1/16`,
      dnsDomain: `net${b}.lab.test`,
      // Dynamic leases live in .250-.254.x; static addresses below.
      dhcpRange: { start: `${prefix}.250.1`, end: `${prefix}.254.254` },
      leases: [
        ...[0, 1, 2, 3, 4].map((l) => ({ hostname: `printer${l}`, ipv4Address: `${prefix}.255.${10 + l}` })),
        { mac: `00:16:3e:00:${b.toString(16).padStart(2, '0')}:01`, ipv4Address: `${prefix}.255.100` },
      ],
    });
  }
  const lim = o.limits === false ? 'user.limits' : 'limits';
  const profiles: ProfileSpec[] = [
    { name: 'base', config: { 'boot.autostart': 'true' }, rootAndNic: true },
    {
      name: 'web',
      config: { [`${lim}.cpu`]: '2', [`${lim}.memory`]: '1GiB', 'security.nesting': 'false' },
      rootAndNic: false,
    },
    {
      name: 'db',
      config: { [`${lim}.cpu`]: '4', [`${lim}.memory`]: '4GiB', 'boot.autostart.priority': '10' },
      rootAndNic: false,
    },
  ];
  const containers: ContainerSpec[] = [];
  const perBridge = new Map<string, number>();
  for (let i = 0; i < o.containers; i++) {
    const bridge = bridges[i % bridges.length];
    const k = perBridge.get(bridge.name) ?? 0;
    perBridge.set(bridge.name, k + 1);
    const role = i % 3 === 2 ? 'db' : 'web';
    const limits = { cpu: 1 + (i % 2), memory: `${256 * (1 + (i % 4))}MiB` };
    containers.push({
      name: `c${i}`,
      image: o.image ?? 'ubuntu:22.04',
      profiles: ['base', role],
      bridge: bridge.name,
      ipv4Address: `${bridge.prefix}.${10 + Math.floor(k / 200)}.${10 + (k % 200)}`,
      limits: o.limits === false ? undefined : limits,
      config: {
        'user.role': role,
        'user.index': String(i),
        ...(o.limits === false ? { 'user.limits.cpu': String(limits.cpu), 'user.limits.memory': limits.memory } : {}),
      },
      proxy: i % 10 === 0 ? { listen: `tcp:127.0.0.1:${20000 + i}`, connect: 'tcp:127.0.0.1:80' } : undefined,
      disk: i % 25 === 0 ? { source: o.sharedDir ?? '/srv/shared', path: '/mnt/shared', readonly: true } : undefined,
      description: `bench container ${i} (${role})`,
    });
  }
  return {
    pool: { name: 'data', driver, size: driver === 'dir' ? undefined : '200GiB' },
    bridges,
    profiles,
    containers,
  };
}

/** Resources the environment synthesizes: two per managed object. */
export function expectedResources(o: EnvOptions): number {
  const s = envSpec(o);
  return 2 * (1 + s.bridges.length + s.profiles.length + s.containers.length);
}

/** Adds the environment to `app`, declared with the library's constructs, and returns its stack. */
export function buildEnvironment(app: App, o: EnvOptions): LabStack {
  const spec = envSpec(o);
  const stack = new LabStack(app, o.stackId ?? 'bench', { localStatePath: o.statePath });
  const host: IHost =
    o.host === 'local'
      ? new LocalHost(stack, 'host')
      : new SshHost(
          stack,
          'host',
          o.sshHost ?? {
            address: 'lxd01.lab.example.com',
            user: 'ubuntu',
            sudo: true,
            options: { StrictHostKeyChecking: 'accept-new' },
          },
        );
  const pool = new StoragePool(stack, spec.pool.name, { host, driver: spec.pool.driver, size: spec.pool.size });
  const bridges = new Map<string, Bridge>();
  for (const b of spec.bridges) {
    const bridge = new Bridge(stack, b.name, {
      host,
      ipv4Address: b.ipv4Address,
      ipv6Address: 'none',
      dnsDomain: b.dnsDomain,
      ipv4DhcpRanges: [b.dhcpRange],
    });
    for (const lease of b.leases) bridge.addStaticLease(lease);
    bridges.set(b.name, bridge);
  }
  const first = bridges.get(spec.bridges[0].name)!;
  const profiles = new Map<string, Profile>();
  for (const p of spec.profiles) {
    profiles.set(
      p.name,
      new Profile(stack, p.name, {
        host,
        config: p.config,
        ...(p.rootAndNic ? { rootPool: pool, network: first } : {}),
      }),
    );
  }
  for (const c of spec.containers) {
    new Container(stack, c.name, {
      host,
      image: c.image,
      profiles: c.profiles.map((p) => profiles.get(p)!),
      nics: [{ bridge: bridges.get(c.bridge)!, ipv4Address: c.ipv4Address }],
      limits: c.limits,
      config: c.config,
      proxies: c.proxy ? { http: c.proxy } : undefined,
      disks: c.disk ? { shared: c.disk } : undefined,
      description: c.description,
    });
  }
  return stack;
}

/** The deploy benchmarks' environment of `n` containers on the local daemon: busybox, a dir pool, one bridge, no limits. */
export function deployEnvOptions(n: number, sharedDir: string): EnvOptions {
  return {
    containers: n,
    host: 'local',
    image: 'busybox',
    poolDriver: 'dir',
    bridges: 1,
    sharedDir,
    stackId: 'bench',
    limits: false,
  };
}
