/**
 * Seed 004: "LXD" (Chinese) — a privileged profile `share-host` that shares the host's apt
 * configuration and package cache, and a container `test` using the profiles `default` and
 * `share-host`, on the host bridge br0, with its root disk on the pool `default`; `test` published
 * as the image `test` (`lxc publish`), and `test2` launched from it.
 */
import { App } from '../constructs/core/cdk';
import { Bridge, Container, IHost, LabStack, LocalHost, Profile, PublishedImage, SshHost, StoragePool } from '../index';

/** Options of {@link buildSeed004}. */
export interface Seed004Options {
  /** @default 'seed004' */
  readonly stackId?: string;
  /** Run on this machine over ssh instead of the deploying machine. @default - the local machine */
  readonly sshAddress?: string;
  /** The seed copies `ubuntu:16.04` to the local alias `ubuntu/16.04`. @default 'ubuntu:16.04' */
  readonly image?: string;
  /** The host bridge the container joins (`-n br0`). @default 'br0' */
  readonly hostBridge?: string;
}

/** Builds the stack of seed 004. */
export function buildSeed004(app: App, o: Seed004Options = {}): LabStack {
  const stack = new LabStack(app, o.stackId ?? 'seed004');
  const host: IHost = o.sshAddress
    ? new SshHost(stack, 'host', { address: o.sshAddress })
    : new LocalHost(stack, 'host');

  // Made by `lxd init --auto --storage-backend=lvm --storage-pool=lxd`: referenced, not managed.
  const defaultPool = StoragePool.fromPoolName(stack, 'default-pool', host, 'default');
  const defaultProfile = Profile.fromProfileName(stack, 'default-profile', host, 'default');

  // lxc profile create share-host
  // lxc profile set share-host security.privileged true
  // (The seed first set security.privileged on `default`; keeping it in share-host leaves
  // `default` untouched, and only containers with share-host are privileged.)
  const shareHost = new Profile(stack, 'share-host', { host, config: { 'security.privileged': 'true' } });
  // lxc profile device add share-host /etc/apt/ disk {source,path}=/etc/apt/
  shareHost.addDisk('/etc/apt/', { source: '/etc/apt/', path: '/etc/apt/' });
  // lxc profile device add share-host /var/cache/apt/ disk {source,path}=/var/cache/apt/
  shareHost.addDisk('/var/cache/apt/', { source: '/var/cache/apt/', path: '/var/cache/apt/' });

  // -n br0: br0 is a Linux bridge of the host (it enslaves enp5s0, see `brctl show`) that LXD
  // does not manage (`lxc network list` shows MANAGED NO): containers join it by parent
  // (`nictype: bridged`) and get their addresses from the LAN's DHCP server.
  const br0 = Bridge.fromHostBridge(stack, 'br0', host, o.hostBridge ?? 'br0');

  // lxc init ubuntu/16.04 test -s default -n br0 ; lxc profile add test share-host ; lxc start test
  const test = new Container(stack, 'test', {
    host,
    image: o.image ?? 'ubuntu:16.04',
    profiles: [defaultProfile, shareHost], // later profiles override earlier ones
    storagePool: defaultPool, // -s default
    nics: [{ bridge: br0 }],
  });

  // lxc publish test --alias test --public
  // Built once, after test exists (test is stopped for the publish and started again); built
  // again (old image deleted) only when `rebuild` changes, e.g. to a new date: changes to test
  // alone never rebuild it.
  const image = new PublishedImage(stack, 'test-image', { container: test, alias: 'test', public: true, rebuild: '1' });

  // lxc init test test2 -p share-host -p default -s default -n br0 (and lxc start test2)
  new Container(stack, 'test2', {
    host,
    image, // waits for the publish
    profiles: [shareHost, defaultProfile],
    storagePool: defaultPool,
    nics: [{ bridge: br0 }],
  });
  return stack;
}

if (require.main === module) {
  const app = new App();
  buildSeed004(app);
  app.synth();
}
