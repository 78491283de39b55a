/**
 * Seed 001: "Linuxコンテナの利用" — an LXD survey on two Ubuntu hosts, lxd01 and lxd02.
 *
 * Two stacks, because the seed uses the same two machines twice and LXD only forms a
 * cluster from members without containers or images. Deploy one of them:
 * - `seed001-standalone`: lxd01 with an LVM thin pool, a bridge with DHCP ranges and a
 *   container published by a proxy device; remote access (`core.https_address` and a trust
 *   password) on lxd01 and lxd02 for `lxc remote add` / `lxc move`.
 * - `seed001-cluster`: node01 bootstraps a cluster (fan bridge, btrfs pool, default profile)
 *   and node02 joins it, both by `lxd init --preseed`.
 *
 *   cdktf deploy seed001-standalone --var trust_password=...
 *   cdktf deploy seed001-cluster --var cluster_password=... --var "cluster_certificate=$(ssh node01 sudo cat /var/snap/lxd/common/lxd/cluster.crt)"
 *
 * `core.trust_password` and `cluster_password` exist up to LXD 5.0/5.21; LXD 6 uses trust
 * tokens (`lxc config trust add`, `cluster_token`) instead.
 */
import { App, TerraformVariable } from '../constructs/core/cdk';
import { Bridge, Container, LabStack, LxdPreseed, Profile, SshHost, StoragePool } from '../index';

/** Options of {@link buildSeed001}. */
export interface Seed001Options {
  /** lxd01 / node01. @default '192.168.10.170' */
  readonly host1Address?: string;
  /** lxd02 / node02. @default '192.168.10.180' */
  readonly host2Address?: string;
  /** ssh user (the seed's hosts are vagrant boxes). @default 'vagrant' */
  readonly sshUser?: string;
  /** Block device or volume group of the LVM pool. @default '/dev/sdc1' */
  readonly lvmSource?: string;
  /** Image of the container `ubuntu01`. @default 'ubuntu:18.04' */
  readonly image?: string;
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

function hosts(stack: LabStack, o: Seed001Options, names: [string, string]): [SshHost, SshHost] {
  const user = o.sshUser ?? 'vagrant';
  // `sudo gpasswd -a vagrant lxd`: the user may run lxc; sudo is not needed.
  return [
    new SshHost(stack, names[0], { address: o.host1Address ?? '192.168.10.170', user }),
    new SshHost(stack, names[1], { address: o.host2Address ?? '192.168.10.180', user }),
  ];
}

function buildStandalone(app: App, o: Seed001Options): LabStack {
  const stack = new LabStack(app, 'seed001-standalone');
  const [lxd01, lxd02] = hosts(stack, o, ['lxd01', 'lxd02']);

  // lxc storage create lxd_vol01 lvm source=/dev/sdc1 lvm.thinpool_name=lxd_thin_vol01
  const vol01 = new StoragePool(stack, 'lxd_vol01', {
    host: lxd01, driver: 'lvm', source: o.lvmSource ?? '/dev/sdc1', lvmThinpoolName: 'lxd_thin_vol01',
    protect: true, // it holds the containers' data: `cdktf destroy` must not delete it
  });

  // lxdbr0 with two DHCP scopes. The seed's
  //   lxc config set lxdbr0 ipv4.dhcp.ranges 10.154.195.10-10.154.195.10.20,10.154.195.110-10.154.195.10.120
  // has malformed end addresses (and needs `lxc network set`); these are the ranges it meant.
  const lxdbr0 = new Bridge(stack, 'lxdbr0', {
    host: lxd01,
    ipv4Address: '10.154.195.1/24',
    ipv4Nat: true,
    ipv6Address: 'none',
    ipv4DhcpRanges: [
      { start: '10.154.195.10', end: '10.154.195.20' },
      { start: '10.154.195.110', end: '10.154.195.120' },
    ],
  });

  // lxc profile device add default root disk path=/ pool=lxd_vol01 (and eth0 on lxdbr0)
  const defaultProfile = new Profile(stack, 'default-profile', { host: lxd01, name: 'default', rootPool: vol01, network: lxdbr0 });

  // lxc launch ubuntu:18.04 ubuntu01
  // lxc config device add ubuntu01 port8443 proxy listen=tcp:0.0.0.0:8443 connect=tcp:localhost:8443
  // LXD's own API listens on port 8443 of lxd01 as well (remote access below), so the proxy takes
  // the container's 8443 out on host port 18443; the seed's listen=tcp:0.0.0.0:8443 would fail
  // with "address already in use".
  new Container(stack, 'ubuntu01', {
    host: lxd01, image: o.image ?? 'ubuntu:18.04', profiles: [defaultProfile],
    proxies: { port8443: { listen: 'tcp:0.0.0.0:18443', connect: 'tcp:127.0.0.1:8443' } },
  });

  // Remote control, on both hosts:
  //   lxc config set core.https_address "[::]"
  //   lxc config set core.trust_password password
  // The password is a sensitive variable: it never appears in the synthesized JSON or in plans.
  const trustPassword = new TerraformVariable(stack, 'trust_password', {
    type: 'string', sensitive: true, description: 'core.trust_password of lxd01 and lxd02 (Admin password for `lxc remote add`)',
  });
  for (const host of [lxd01, lxd02]) {
    new LxdPreseed(stack, `${host.node.id}-remote`, {
      host,
      preseed: { config: { 'core.https_address': '[::]:8443', 'core.trust_password': trustPassword.stringValue } },
    });
  }
  // Then, by hand: `lxc remote add lxd02 192.168.10.180` on lxd01, and `lxc move ubuntu01 lxd02:`.
  return stack;
}

function buildCluster(app: App, o: Seed001Options): LabStack {
  const stack = new LabStack(app, 'seed001-cluster');
  const [node01, node02] = hosts(stack, o, ['node01', 'node02']);
  const node01Address = `${o.host1Address ?? '192.168.10.170'}:8443`;
  const node02Address = `${o.host2Address ?? '192.168.10.180'}:8443`;

  // node01's trust password is the password node02 joins with (`core.trust_password: cluster`
  // in node01.yml, `cluster_password: cluster` in node02.yml): one sensitive variable.
  const clusterPassword = new TerraformVariable(stack, 'cluster_password', {
    type: 'string', sensitive: true, description: 'Trust password of node01, used by node02 to join',
  });
  // node01's certificate (/var/snap/lxd/common/lxd/cluster.crt, or /var/lib/lxd/cluster.crt).
  const clusterCertificate = new TerraformVariable(stack, 'cluster_certificate', {
    type: 'string', description: "PEM certificate of node01's cluster endpoint",
  });

  // cat node01.yml | lxd init --preseed
  const bootstrap = new LxdPreseed(stack, 'node01-bootstrap', {
    host: node01,
    preseed: {
      config: { 'core.https_address': node01Address, 'core.trust_password': clusterPassword.stringValue },
      cluster: { serverName: 'node01', enabled: true },
      networks: [{ name: 'lxdfan0', type: 'bridge', config: { 'bridge.mode': 'fan' } }],
      storagePools: [{ name: 'default', driver: 'btrfs' }],
      profiles: [{
        name: 'default',
        devices: {
          eth0: { name: 'eth0', nictype: 'bridged', parent: 'lxdfan0', type: 'nic' },
          // Not in the seed's node01.yml; without it instances of the cluster have no root disk.
          root: { path: '/', pool: 'default', type: 'disk' },
        },
      }],
    },
  });

  // cat node02.yml | lxd init --preseed
  // A joining member takes only the `cluster:` section: LXD ignores node02.yml's config,
  // storage_pools, networks and profiles, and copies the cluster's. Member-specific values
  // go into member_config. cluster_address is node01 (the seed's 10.0.0.1:8443 was a leftover).
  new LxdPreseed(stack, 'node02-join', {
    host: node02,
    dependsOn: bootstrap.ready,
    preseed: {
      cluster: {
        enabled: true,
        serverName: 'node02',
        serverAddress: node02Address,
        clusterAddress: node01Address,
        clusterCertificate: clusterCertificate.stringValue,
        clusterPassword: clusterPassword.stringValue,
        memberConfig: [{ entity: 'storage-pool', name: 'default', key: 'source', value: '' }],
      },
    },
  });
  return stack;
}

if (require.main === module) {
  const app = new App();
  buildSeed001(app);
  app.synth();
}
