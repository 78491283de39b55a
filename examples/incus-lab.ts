/**
 * The lab on an Incus host (Incus 6.0 LTS: Debian 13, Debian 12 backports, Ubuntu 24.04+):
 * the same constructs as on LXD, with `backend: 'incus'` on the host. Scripts call `incus` and
 * `incus admin init`; images come from the `images:` remote (Incus has no `ubuntu:`).
 *
 *   cdktf deploy incus-lab              (cli: ssh to 192.168.10.180, no provider download)
 *   cdktf deploy incus-lab-provider     (lxc/incus provider on the HTTPS API of 192.168.10.181)
 *
 * The two renderings of the lab go to two Incus hosts. Both stacks declare the same pool, bridge,
 * profile, image and containers, so on one daemon they would create and delete each other's
 * objects; the app refuses two declarations of one name on one machine at synth.
 */
import { App } from '../constructs/core/cdk';
import {
  Bridge,
  CachedImage,
  CloudConfig,
  Container,
  LabStack,
  LxdPreseed,
  MultipassVm,
  Profile,
  SshHost,
  StoragePool,
} from '../index';

/** Options of {@link buildIncusLab}. */
export interface IncusLabOptions {
  /** @default 'cli' */
  readonly rendering?: 'cli' | 'provider';
  /** The Incus host. @default '192.168.10.180' */
  readonly address?: string;
  /** Trust token for the provider (`incus config trust add terraform`). @default $INCUS_TRUST_TOKEN or a placeholder */
  readonly trustToken?: string;
}

/** Builds the stack: preseed (cli only), pool, bridge, profile, a cached image and two containers. */
export function buildIncusLab(app: App, o: IncusLabOptions = {}): LabStack {
  const rendering = o.rendering ?? 'cli';
  const address = o.address ?? '192.168.10.180';
  const stack = new LabStack(app, rendering === 'cli' ? 'incus-lab' : 'incus-lab-provider', { rendering });
  const host = new SshHost(stack, 'incus01', {
    address,
    user: 'debian',
    sudo: true,
    backend: 'incus',
    lxdRemote: {
      address: `https://${address}:8443`,
      trustToken: o.trustToken ?? process.env.INCUS_TRUST_TOKEN ?? 'change-me',
    },
  });
  // The HTTPS API the provider rendering talks to (`incus admin init --preseed`).
  if (rendering === 'cli')
    new LxdPreseed(stack, 'init', { host, preseed: { config: { 'core.https_address': '[::]:8443' } } });
  const pool = new StoragePool(stack, 'data', { host, driver: 'dir' });
  const bridge = new Bridge(stack, 'incusbr1', {
    host,
    ipv4Address: '10.30.0.1/24',
    ipv6Address: 'none',
    dnsDomain: 'incus.test',
    ipv4DhcpRanges: [{ start: '10.30.0.100', end: '10.30.0.199' }],
  });
  const base = new Profile(stack, 'base', { host, rootPool: pool, network: bridge });
  const debian = new CachedImage(stack, 'debian12', { host, source: 'images:debian/12/cloud' });
  new Container(stack, 'web', {
    host,
    image: debian,
    profiles: [base],
    limits: { cpu: 1, memory: '1GiB' },
    nics: [{ bridge, ipv4Address: '10.30.0.10' }],
    proxies: { http: { listen: 'tcp:0.0.0.0:8080', connect: 'tcp:127.0.0.1:80' } },
  });
  new Container(stack, 'db', {
    host,
    image: 'images:ubuntu/24.04/cloud',
    profiles: [base],
    nics: [{ bridge, ipv4Address: '10.30.0.11' }],
  });
  return stack;
}

/**
 * An Incus VM: multipass launches Ubuntu 24.04, cloud-init installs Incus and applies the preseed
 * (`incus admin init --preseed`), then the lab's objects go on it like on any host.
 */
export function buildIncusVm(app: App): LabStack {
  const stack = new LabStack(app, 'incus-vm');
  const vm = new MultipassVm(stack, 'vm', {
    name: 'incus-vm',
    cpus: 2,
    memory: '4G',
    disk: '40G',
    image: '24.04',
    backend: 'incus',
    cloudConfig: new CloudConfig({
      timezone: 'UTC',
      packageUpdate: true,
      incus: {
        os: { distro: 'ubuntu', version: '24.04' },
        package: 'incus-base',
        preseed: {
          storagePools: [{ name: 'default', driver: 'dir' }],
          networks: [
            {
              name: 'incusbr0',
              type: 'bridge',
              config: { 'ipv4.address': '10.31.0.1/24', 'ipv4.nat': 'true', 'ipv6.address': 'none' },
            },
          ],
          profiles: [
            {
              name: 'default',
              devices: {
                root: { type: 'disk', path: '/', pool: 'default' },
                eth0: { type: 'nic', name: 'eth0', network: 'incusbr0' },
              },
            },
          ],
        },
      },
    }),
  });
  const bridge = Bridge.fromBridgeAttributes(stack, 'incusbr0', {
    host: vm,
    networkName: 'incusbr0',
    ipv4Cidr: '10.31.0.1/24',
  });
  new Container(stack, 'web', { host: vm, image: 'images:debian/12', nics: [{ bridge, ipv4Address: '10.31.0.10' }] });
  return stack;
}

if (require.main === module) {
  const app = new App();
  buildIncusLab(app);
  buildIncusVm(app);
  buildIncusLab(app, { rendering: 'provider', address: '192.168.10.181' });
  app.synth();
}
