/**
 * Matchbox PXE plus LXD: one app, two stacks.
 * - `lab`: a multipass VM with LXD and a bridge, `pxebr0` (10.20.0.1/24; LXD's dnsmasq hands out
 *   addresses), with a fixed lease for the known machine `node1`.
 * - `pxe`: an LXD container on that bridge with a static IP (10.20.0.2) running Matchbox and a
 *   proxy-DHCP dnsmasq (PXE boot information only, beside LXD's DHCP), plus profiles and groups.
 *
 * The pxe stack uses the lab stack's VM and bridge. A reference to a lab object's attribute becomes
 * a lab output and a `terraform_remote_state` in pxe, and cdktf deploys lab first:
 *
 *   cdktf deploy lab pxe      (or: cdktf deploy '*')
 *
 * (`depends_on` cannot cross stacks: cdktf would write `depends_on` on a remote-state attribute,
 * which Terraform rejects. So the pxe stack waits for the lab objects through `HostReference`,
 * a local `terraform_data` that references their ids.)
 *
 * Boot a machine on the bridge: `lxc init node1 --empty --vm -c security.secureboot=false
 * -n pxebr0 -d eth0,hwaddr=52:54:00:20:00:11 && lxc start node1` (inside the VM).
 */
import { App } from '../constructs/core/cdk';
import {
  Bridge,
  CloudConfig,
  Container,
  ContainerHost,
  HostReference,
  LabStack,
  MatchboxGroup,
  MatchboxProfile,
  MatchboxServer,
  MultipassVm,
} from '../index';

/** Options of {@link buildPxeWithLxd}. */
export interface PxeWithLxdOptions {
  /** SHA-256 of the matchbox release tarball. @default $MATCHBOX_SHA256 (a placeholder fails the install, nothing else) */
  readonly matchboxSha256?: string;
  /** Public key for the `core` user. @default $PXE_SSH_KEY or a placeholder */
  readonly sshKey?: string;
  /** @default 'pxe-lab' */
  readonly vmName?: string;
}

/** The MAC and address of the machine the example knows in advance. */
export const NODE1 = { mac: '52:54:00:20:00:11', ipv4: '10.20.0.11' } as const;

/** Builds the `lab` and `pxe` stacks. */
export function buildPxeWithLxd(app: App, o: PxeWithLxdOptions = {}): { lab: LabStack; pxe: LabStack } {
  // --- lab: VM + LXD bridge ---
  const lab = new LabStack(app, 'lab');
  const vm = new MultipassVm(lab, 'vm', {
    name: o.vmName ?? 'pxe-lab',
    cpus: 2,
    memory: '4G',
    disk: '30G',
    image: '22.04',
    cloudConfig: new CloudConfig({ lxd: { init: { storageBackend: 'dir' } } }),
  });
  const bridge = new Bridge(lab, 'pxebr0', {
    host: vm,
    ipv4Address: '10.20.0.1/24',
    ipv6Address: 'none',
    ipv4DhcpRanges: [{ start: '10.20.0.100', end: '10.20.0.199' }],
  });
  bridge.addStaticLease({ mac: NODE1.mac, ipv4Address: NODE1.ipv4 });

  // --- pxe: Matchbox in a container on the lab's bridge ---
  const pxe = new LabStack(app, 'pxe');
  const vmHere = new HostReference(pxe, 'vm', { host: vm, after: bridge.ready });
  const pxebr0 = Bridge.fromBridgeAttributes(pxe, 'pxebr0', {
    host: vmHere,
    networkName: bridge.networkName,
    ipv4Cidr: bridge.ipv4Cidr,
  });
  const container = new Container(pxe, 'matchbox', {
    host: vmHere,
    image: 'ubuntu:22.04',
    nics: [{ bridge: pxebr0, ipv4Address: '10.20.0.2' }],
  });
  const server = new MatchboxServer(pxe, 'server', {
    host: new ContainerHost(pxe, 'matchbox-host', { container }),
    address: '10.20.0.2',
    sha256: o.matchboxSha256 ?? process.env.MATCHBOX_SHA256 ?? '0'.repeat(64),
    // LXD's dnsmasq leases the addresses; this one only adds PXE options. No DNS (port 0).
    dnsmasq: { interface: 'eth0', subnet: '10.20.0.2/24', mode: 'proxy', dnsPort: 0 },
    prefetch: [{ os: 'flatcar', channel: 'stable', version: 'current' }],
  });

  const sshKey =
    o.sshKey ?? process.env.PXE_SSH_KEY ?? 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPlaceholderReplaceMe user@example';
  const flatcar = (id: string, hostname?: string) =>
    new MatchboxProfile(pxe, id, {
      server,
      kernel: '/assets/flatcar/current/flatcar_production_pxe.vmlinuz',
      initrd: ['/assets/flatcar/current/flatcar_production_pxe_image.cpio.gz'],
      args: [
        'initrd=flatcar_production_pxe_image.cpio.gz',
        `flatcar.config.url=${server.httpEndpoint}/ignition?uuid=\${uuid}&mac=\${mac:hexhyp}`,
        'flatcar.first_boot=yes',
        'console=ttyS0',
      ],
      // Plain (untemplated) Ignition. Matchbox v0.11.0's /ignition serves it re-serialized as spec
      // 3.4.0, the spec the builder writes for it (Flatcar with Ignition 2.15 or later).
      ignition: {
        users: [{ name: 'core', sshAuthorizedKeys: [sshKey] }],
        files: hostname ? [{ path: '/etc/hostname', contents: `${hostname}\n` }] : [],
      },
    });
  new MatchboxGroup(pxe, 'default', { profile: flatcar('flatcar-live') });
  new MatchboxGroup(pxe, 'node1', { profile: flatcar('flatcar-node1', 'node1'), selector: { mac: NODE1.mac } });
  return { lab, pxe };
}

if (require.main === module) {
  const app = new App();
  buildPxeWithLxd(app);
  app.synth();
}
