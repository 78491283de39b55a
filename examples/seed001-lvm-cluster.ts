/**
 * Seed 001: "Linuxコンテナの利用" — an LXD survey on two Ubuntu hosts, lxd01 and lxd02.
 *
 * Two stacks, because the seed uses the same two machines twice and LXD only forms a
 * cluster from members without containers or images. Deploy one of them:
 * - `seed001-standalone`: lxd01 with an LVM thin pool, a bridge with DHCP ranges and a
 *   container published by a proxy device; remote access (`core.https_address`, plus a trust
 *   password on LXD 5.x) on lxd01 and lxd02 for `lxc remote add` / `lxc move`; with
 *   `moveUbuntu01`, the seed's `lxc move ubuntu01 lxd02:` itself (`migrateFrom`, by trust token).
 * - `seed001-cluster`: node01 bootstraps a cluster and node02 joins it with a join token asked
 *   for at deploy time (LxdCluster); a btrfs pool and a bridge defined on each member then
 *   cluster-wide, a profile, and ubuntu02 placed on a member (`target`): changing the target
 *   migrates it.
 *
 *   cdktf deploy seed001-standalone --var trust_password=...        (LXD 5.x, the seed's way)
 *   cdktf deploy seed001-standalone --var trust_token=...           (moveUbuntu01; any LXD)
 *   cdktf deploy seed001-cluster
 *
 * `core.trust_password` exists up to LXD 5.21; LXD 6.1 removed it. With `lxdVersion` 6.1 or
 * later the hosts declare it (`minLxdVersion`), no password is set, and a client is trusted with
 * a token instead (`lxc config trust add NAME` on the server prints one). The cluster joins with
 * tokens on every version (`lxc cluster add`, LXD 4.0 and later).
 */
import { App, TerraformVariable } from '../constructs/core/cdk';
import {
  Bridge,
  Container,
  HostReference,
  LabStack,
  LxdCluster,
  LxdPreseed,
  LxdRemote,
  Profile,
  SshHost,
  StoragePool,
} from '../index';

/** Options of {@link buildSeed001}. */
export interface Seed001Options {
  /** lxd01 / node01. @default '192.168.10.170' */
  readonly host1Address?: string;
  /** lxd02. @default '192.168.10.180' */
  readonly host2Address?: string;
  /**
   * node01 and node02 of the cluster stack. The seed forms its cluster from lxd01 and lxd02 once
   * they are empty again; in one app the two stacks need machines of their own (the members of a
   * cluster are one daemon, which the standalone stack's migration would otherwise move onto).
   * @default ['192.168.10.171', '192.168.10.181']
   */
  readonly clusterAddresses?: [string, string];
  /** ssh user (the seed's hosts are vagrant boxes). @default 'vagrant' */
  readonly sshUser?: string;
  /** Block device or volume group of the LVM pool. @default '/dev/sdc1' */
  readonly lvmSource?: string;
  /** Image of the container `ubuntu01`. @default 'ubuntu:18.04' */
  readonly image?: string;
  /** Cluster member of the cluster's `ubuntu02`; changing it migrates the container. @default 'node01' */
  readonly clusterTarget?: string;
  /**
   * The LXD version the hosts run at least (their `minLxdVersion`). From 6.1 there is no trust
   * password: remote access is `core.https_address` alone, and clients are trusted by token.
   * @default '5.0' (the seed's LXD, which still had trust passwords)
   */
  readonly lxdVersion?: string;
  /**
   * Move ubuntu01 from lxd01 to lxd02, the seed's `lxc move ubuntu01 lxd02:`: declared on lxd02
   * with `migrateFrom` lxd01, whose API lxd02's client reaches with a trust token issued on lxd01
   * (`lxc config trust add lxd02`), the sensitive variable `trust_token`. @default false
   */
  readonly moveUbuntu01?: boolean;
}

/** The two stacks of seed 001. */
export interface Seed001Stacks {
  readonly standalone: LabStack;
  readonly cluster: LabStack;
}

/** Builds both stacks of seed 001. */
export function buildSeed001(app: App, o: Seed001Options = {}): Seed001Stacks {
  return { standalone: buildStandalone(app, o), cluster: buildCluster(app, o) };
}

/** True when LXD `lxdVersion` (`MAJOR.MINOR`) still has trust passwords: LXD 6.1 removed them. */
export function hasTrustPassword(lxdVersion: string): boolean {
  const [major, minor] = lxdVersion.split('.').map(Number);
  return major < 6 || (major === 6 && minor < 1);
}

function hosts(
  stack: LabStack,
  o: Seed001Options,
  names: [string, string],
  addresses: [string, string],
  lxd01Remote?: LxdRemote,
): [SshHost, SshHost] {
  const user = o.sshUser ?? 'vagrant';
  const minLxdVersion = o.lxdVersion ?? '5.0';
  // `sudo gpasswd -a vagrant lxd`: the user may run lxc; sudo is not needed.
  return [
    new SshHost(stack, names[0], { address: addresses[0], user, minLxdVersion, lxdRemote: lxd01Remote }),
    new SshHost(stack, names[1], { address: addresses[1], user, minLxdVersion }),
  ];
}

const standaloneAddresses = (o: Seed001Options): [string, string] => [
  o.host1Address ?? '192.168.10.170',
  o.host2Address ?? '192.168.10.180',
];
const clusterAddresses = (o: Seed001Options): [string, string] =>
  o.clusterAddresses ?? ['192.168.10.171', '192.168.10.181'];

function buildStandalone(app: App, o: Seed001Options): LabStack {
  const stack = new LabStack(app, 'seed001-standalone');
  // lxd02's client reaches lxd01's API with a trust token issued on lxd01 (`lxc config trust add lxd02`):
  // it replaces the seed's `lxc remote add lxd01 192.168.10.170` and its admin password.
  const trustToken = o.moveUbuntu01
    ? new TerraformVariable(stack, 'trust_token', {
        type: 'string',
        sensitive: true,
        description: 'trust token issued on lxd01 for lxd02 (lxc config trust add lxd02 --quiet)',
      })
    : undefined;
  const lxd01Remote = trustToken
    ? { address: `https://${o.host1Address ?? '192.168.10.170'}:8443`, trustToken: trustToken.stringValue }
    : undefined;
  const [lxd01, lxd02] = hosts(stack, o, ['lxd01', 'lxd02'], standaloneAddresses(o), lxd01Remote);

  // lxc storage create lxd_vol01 lvm source=/dev/sdc1 lvm.thinpool_name=lxd_thin_vol01
  const vol01 = new StoragePool(stack, 'lxd_vol01', {
    host: lxd01,
    driver: 'lvm',
    source: o.lvmSource ?? '/dev/sdc1',
    lvmThinpoolName: 'lxd_thin_vol01',
    protect: true, // it holds the containers' data: `cdktf destroy` must not delete it
  });

  // lxdbr0 with two DHCP scopes. The seed's
  //   lxc config set lxdbr0 ipv4.dhcp.ranges 10.154.195.10-10.154.195.10.20,10.154.195.110-10.154.195.10.120
  // has malformed end addresses (and needs `lxc network set`); these are the ranges it meant.
  const lxdbr0 = new Bridge(stack, 'lxdbr0', {
    host: lxd01,
    // `lxd init` made lxdbr0 on the host: the stack takes it over (and owns it from then on).
    adopt: true,
    ipv4Address: '10.154.195.1/24',
    ipv4Nat: true,
    ipv6Address: 'none',
    ipv4DhcpRanges: [
      { start: '10.154.195.10', end: '10.154.195.20' },
      { start: '10.154.195.110', end: '10.154.195.120' },
    ],
  });

  // lxc profile device add default root disk path=/ pool=lxd_vol01 (and eth0 on lxdbr0)
  const defaultProfile = new Profile(stack, 'default-profile', {
    host: lxd01,
    name: 'default',
    rootPool: vol01,
    network: lxdbr0,
  });

  // lxc config device add ubuntu01 port8443 proxy listen=tcp:0.0.0.0:8443 connect=tcp:localhost:8443: see ubuntu01 below.

  // Remote control, on both hosts:
  //   lxc config set core.https_address "[::]"
  //   lxc config set core.trust_password password     (LXD 5.x: LXD 6.1 has no trust password)
  // The password is a sensitive variable: it never appears in the synthesized JSON or in plans.
  const trustPassword = hasTrustPassword(o.lxdVersion ?? '5.0')
    ? new TerraformVariable(stack, 'trust_password', {
        type: 'string',
        sensitive: true,
        description: 'core.trust_password of lxd01 and lxd02 (Admin password for `lxc remote add`)',
      })
    : undefined;
  const remote = [lxd01, lxd02].map(
    (host) =>
      new LxdPreseed(stack, `${host.node.id}-remote`, {
        host,
        preseed: {
          config: {
            'core.https_address': '[::]:8443',
            ...(trustPassword ? { 'core.trust_password': trustPassword.stringValue } : {}),
          },
        },
      }),
  );

  // lxc launch ubuntu:18.04 ubuntu01 (on lxd01), or with moveUbuntu01 `lxc move ubuntu01 lxd02:`: the
  // container is declared on lxd02 (its default profile) and taken from lxd01 once both APIs listen,
  // cold (a running one is stopped, moved with its data and started again there). Without it, the
  // move is by hand: `lxc remote add lxd02 192.168.10.180` on lxd01 (the password, or on LXD 6 a
  // token from `lxc config trust add lxd01` on lxd02), then `lxc move ubuntu01 lxd02:`.
  const moveTo = o.moveUbuntu01
    ? new HostReference(stack, 'lxd02-remote-ready', { host: lxd02, after: remote.flatMap((r) => r.ready) })
    : undefined;
  new Container(stack, 'ubuntu01', {
    host: moveTo ?? lxd01,
    image: o.image ?? 'ubuntu:18.04',
    profiles: [moveTo ? Profile.fromProfileName(stack, 'lxd02-default', moveTo, 'default') : defaultProfile],
    // LXD's own API listens on port 8443 of the host as well (remote access above), so the proxy
    // takes the container's 8443 out on host port 18443; the seed's listen=tcp:0.0.0.0:8443 would
    // fail with "address already in use".
    proxies: { port8443: { listen: 'tcp:0.0.0.0:18443', connect: 'tcp:127.0.0.1:8443' } },
    ...(moveTo ? { migrateFrom: { host: lxd01 } } : {}),
  });
  return stack;
}

function buildCluster(app: App, o: Seed001Options): LabStack {
  const stack = new LabStack(app, 'seed001-cluster');
  const [node01, node02] = hosts(stack, o, ['node01', 'node02'], clusterAddresses(o));

  // node01.yml / node02.yml with `lxd init --preseed`: node01 bootstraps the cluster
  // (core.https_address, cluster.enabled), node02 joins it. Instead of the seed's
  // `core.trust_password: cluster` / `cluster_password` and node01's certificate pasted into
  // node02.yml, the deploying machine asks node01 for a join token (`lxc cluster add node02`)
  // and pipes it into node02's `lxd init --preseed`: no password, certificate or token is
  // written to the code, the state or a log. (The seed's cluster_address 10.0.0.1:8443 was a
  // leftover: node02 joins node01's address.)
  const cluster = new LxdCluster(stack, 'cluster', {
    members: [
      { host: node01, name: 'node01', address: `${clusterAddresses(o)[0]}:8443` },
      { host: node02, name: 'node02', address: `${clusterAddresses(o)[1]}:8443` },
    ],
  });

  // storage_pools: default, btrfs ("各lxdホストの値": a value per host). In a cluster a pool is
  // defined on every member first (`lxc storage create default btrfs --target node01`, then
  // `--target node02`, each with its member-specific keys such as source or size: here each
  // member gets its own loop file), then created cluster-wide (`lxc storage create default btrfs`).
  const pool = new StoragePool(stack, 'default', {
    host: cluster.host,
    cluster,
    driver: 'btrfs',
    protect: true, // it holds the containers' data
  });

  // The objects of this stack have names of their own: the two stacks are alternatives for the
  // same machines, and one machine has one object of a kind per name.
  // A bridge on every member, the same way (`lxc network create clusterbr0 --target nodeXX`, then
  // `lxc network create clusterbr0 ipv4.address=...`). node02.yml's lxdbr0 (172.16.0.2/24, "a value
  // per host") becomes one cluster-wide subnet: in a cluster ipv4.address is not member-specific;
  // each member runs its own bridge and dnsmasq on it, NAT to the outside. The seed's lxdfan0
  // (`bridge.mode: fan`, one overlay across hosts) is not what Bridge renders: LXD refuses the
  // ipv4.*/ipv6.* addresses Bridge always sets in fan mode.
  const bridge = new Bridge(stack, 'clusterbr0', {
    host: cluster.host,
    cluster,
    ipv4Address: '172.16.0.1/24',
    ipv6Address: 'none',
  });

  // The seed's default profile (eth0 on the bridge and, not in node01.yml: without it instances
  // of the cluster have no root disk, root on the pool) as the profile `cluster`.
  const profile = new Profile(stack, 'cluster-profile', {
    host: cluster.host,
    name: 'cluster',
    rootPool: pool,
    network: bridge,
  });

  // lxc launch ubuntu:18.04 ubuntu02 -p cluster --target node01
  // Migration: set `clusterTarget: 'node02'` (or edit `target` here) and deploy again: the container
  // is moved to node02 with its data (`lxc move ubuntu02 --target node02`; cold when stopped,
  // `--stateless` when running: it is stopped, moved and started again; a live move with its
  // memory needs CRIU, which the seed's `lxc move ubuntu lxd02:` tried), never recreated.
  new Container(stack, 'ubuntu02', {
    host: cluster.host,
    image: o.image ?? 'ubuntu:18.04',
    profiles: [profile],
    target: o.clusterTarget ?? 'node01',
  });
  return stack;
}

if (require.main === module) {
  const app = new App();
  buildSeed001(app);
  app.synth();
}
