/**
 * Seed 000: "multipassのVM作成時にcloud-initでLXDをセットアップ" — set up LXD in a multipass VM
 * with cloud-init at launch.
 *
 * Variant 1: Japanese apt mirror, zfs pool on an 80 GB loop file, a new default `lxdbr0`.
 * Variant 2: the same, plus a fixed bridge subnet (192.168.255.1/24, NAT, no IPv6, domain
 * my-lxd.test) and a container `u1` at 192.168.255.2.
 *
 * Both variants launch the same VM (`primary`), so deploy one of them:
 *   cdktf deploy seed000-v1    or    cdktf deploy seed000-v2
 */
import { App } from '../constructs/core/cdk';
import { Bridge, CloudConfig, Container, LabStack, LxdBridgeOptions, MultipassVm } from '../index';

/** Options of {@link buildSeed000}. */
export interface Seed000Options {
  /** Which of the seed's two cloud-config files. @default 2 */
  readonly variant?: 1 | 2;
  /** @default 'seed000-v<variant>' */
  readonly stackId?: string;
  /** @default 'primary' (`multipass launch -n primary`) */
  readonly vmName?: string;
  /** multipass image. @default - multipass's default LTS */
  readonly vmImage?: string;
  /** Image of the container `u1` (variant 2). @default 'ubuntu:18.04' */
  readonly containerImage?: string;
}

/** The seed's `#cloud-config` for one variant. */
export function seed000CloudConfig(variant: 1 | 2): CloudConfig {
  // `bridge: { mode: new, name: lxdbr0 }`, and in variant 2 the explicit addressing.
  const bridge: LxdBridgeOptions =
    variant === 1
      ? // "デフォルト設定": LXD picks a subnet. (Left out, cloud-init creates the bridge with
        // `ipv4.address=none`, and the containers get no IPv4 address.)
        { mode: 'new', name: 'lxdbr0', ipv4Address: 'auto' }
      : {
          mode: 'new',
          name: 'lxdbr0',
          ipv4Address: '192.168.255.1',
          ipv4Netmask: 24,
          // The seed needed `ipv4_nat: !!str "true"`: cloud-init 22.x compares it with the string
          // "true". The library renders lxd.init/lxd.bridge as a preseed, so a plain boolean works.
          ipv4Nat: true,
          ipv6Address: 'none',
          domain: 'my-lxd.test',
        };
  return new CloudConfig({
    locale: 'en_US.utf8',
    timezone: 'Asia/Tokyo',
    packageUpgrade: true,
    packageRebootIfRequired: true,
    // apt: primary: [{ arches: [amd64, default], uri: http://jp.archive.ubuntu.com/ubuntu/ }]
    aptPrimary: [{ arches: ['amd64', 'default'], uri: 'http://jp.archive.ubuntu.com/ubuntu/' }],
    lxd: {
      // lxd: init: { storage_backend: zfs, storage_create_loop: 80 }  -> a zfs pool of 80GB
      init: { storageBackend: 'zfs', storageCreateLoop: 80 },
      bridge,
    },
    // No `runcmd`: the seed's runcmd container creation is the Container below, created after
    // cloud-init has finished ("コンテナの作成はcloud-init終わって起動してからにするほうが無難").
  });
}

/** Builds the stack of one variant of seed 000. */
export function buildSeed000(app: App, o: Seed000Options = {}): LabStack {
  const variant = o.variant ?? 2;
  const stack = new LabStack(app, o.stackId ?? `seed000-v${variant}`);

  // multipass launch -n primary -c 2 -m 4G -d 100G --cloud-init lxd-cloud-config.yml
  // (100G = the 80GB zfs loop file + 20GB for the system.)
  const vm = new MultipassVm(stack, 'primary', {
    name: o.vmName ?? 'primary',
    cpus: 2,
    memory: '4G',
    disk: '100G',
    image: o.vmImage,
    cloudConfig: seed000CloudConfig(variant),
    // The seed hit multipass's 5-minute cloud-init timeout; package_upgrade needs longer.
    timeoutSeconds: 1800,
  });

  if (variant === 2) {
    // lxdbr0 was made by cloud-init's lxd module: reference it, do not manage it.
    const lxdbr0 = Bridge.fromBridgeAttributes(stack, 'lxdbr0', {
      host: vm,
      networkName: 'lxdbr0',
      ipv4Cidr: '192.168.255.1/24',
    });
    // lxc init ubuntu:18.04 u1
    // lxc network attach lxdbr0 u1 eth0 eth0
    // lxc config device set u1 eth0 ipv4.address 192.168.255.2
    // lxc start u1
    new Container(stack, 'u1', {
      host: vm,
      image: o.containerImage ?? 'ubuntu:18.04',
      nics: [{ bridge: lxdbr0, name: 'eth0', ipv4Address: '192.168.255.2' }],
    });
  }
  return stack;
}

if (require.main === module) {
  const app = new App();
  buildSeed000(app, { variant: 1 });
  buildSeed000(app, { variant: 2 });
  app.synth();
}
