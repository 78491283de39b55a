/**
 * Seed 003: "さくらのクラウド+Container LinuxでPXEブート+Ignitionを使う" (terraform-sakuracloud-matchbox).
 * Line count: the seed's HCL for the Matchbox server, provider, profiles and groups (matchbox.tf,
 * provider_matchbox.tf, profile.tf, group.tf) is 108 lines, plus the module it calls; the same
 * setup here, server included, is the 58 lines of `buildSeed003` below (as Prettier lays them out).
 *
 * A Matchbox host with two NICs (as the seed's module makes): eth0 to the outside, eth1 on the
 * private PXE switch at 192.168.0.1/24. It runs matchbox (HTTP :8080 on the switch, gRPC :8081
 * with generated TLS), dnsmasq (DHCP .101-.200, TFTP, iPXE chainload), NAT for the switch, and
 * prefetches Flatcar (Container Linux's successor) stable/current. Profiles `coreos-install`
 * (PXE live system that installs to /dev/vda) and `simple` (ssh key only); groups `default`
 * (no selector) and `node1` (`os=installed`, asked for by the installer).
 *
 * The seed's container_linux_config was a template; Matchbox renders templates only for
 * `/generic` (raw `.ign` files are never rendered), so the configs are `generic` Ignition, which
 * Matchbox serves as written: spec 3.3.0, which Flatcar's Ignition 2.14 and later take. The key,
 * the endpoint and the mirror reach the machine as written (escaped with `js` and `urlquery`).
 *
 *   MATCHBOX_SHA256=<sha256 of matchbox-v0.11.0-linux-amd64.tar.gz> SEED003_HOST=<ssh address> cdktf deploy seed003
 */
import { App } from '../constructs/core/cdk';
import {
  IgnitionUserSpec,
  installToDisk,
  LabStack,
  MatchboxGroup,
  MatchboxProfile,
  MatchboxServer,
  Rendering,
  SshHost,
} from '../index';

/** Options of {@link buildSeed003}. */
export interface Seed003Options {
  /** @default 'seed003' */
  readonly stackId?: string;
  /** The Matchbox host's public address (ssh and gRPC). @default $SEED003_HOST or 192.0.2.10 */
  readonly hostAddress?: string;
  /** Public key put on the machines. @default $SEED003_SSH_KEY or a placeholder */
  readonly sshKey?: string;
  /** SHA-256 of the matchbox release tarball. @default $MATCHBOX_SHA256 (a placeholder fails the install, nothing else) */
  readonly matchboxSha256?: string;
  /**
   * `provider` writes profiles and groups through poseidon/matchbox, from a second stack
   * (`<stackId>-data`) configured with the server's gRPC endpoint and client credentials. @default 'cli'
   */
  readonly rendering?: Rendering;
}

/** Builds the seed 003 stack. */
export function buildSeed003(app: App, o: Seed003Options = {}): LabStack {
  const stack = new LabStack(app, o.stackId ?? 'seed003');
  const publicAddress = o.hostAddress ?? process.env.SEED003_HOST ?? '192.0.2.10';
  const sshKey =
    o.sshKey ?? process.env.SEED003_SSH_KEY ?? 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPlaceholderReplaceMe user@example';
  const host = new SshHost(stack, 'host', { address: publicAddress, user: 'ubuntu', sudo: true });

  const server = new MatchboxServer(stack, 'matchbox', {
    host,
    address: '192.168.0.1',
    grpcAddress: publicAddress,
    sha256: o.matchboxSha256 ?? process.env.MATCHBOX_SHA256 ?? '0'.repeat(64),
    dnsmasq: {
      interface: 'eth1',
      subnet: '192.168.0.1/24',
      router: '192.168.0.1',
      dnsServers: ['192.168.0.1'],
      range: { start: '192.168.0.101', end: '192.168.0.200' },
    },
    nat: { outInterface: 'eth0' },
    prefetch: [{ os: 'flatcar', channel: 'stable', version: 'current' }],
  });

  // With the provider, profiles and groups go through the gRPC API of the running server:
  // a second stack, deployed after this one (cdktf orders them by their cross-stack references).
  const data =
    o.rendering === 'provider' ? new LabStack(app, `${stack.node.id}-data`, { rendering: 'provider' }) : stack;
  const core: IgnitionUserSpec = { name: 'core', sshAuthorizedKeys: ['{{.ssh_authorized_key}}'] };
  const install = new MatchboxProfile(data, 'coreos-install', {
    server,
    kernel: '/assets/flatcar/current/flatcar_production_pxe.vmlinuz',
    initrd: ['/assets/flatcar/current/flatcar_production_pxe_image.cpio.gz'],
    args: [
      'initrd=flatcar_production_pxe_image.cpio.gz',
      `flatcar.config.url=${server.httpEndpoint}/generic?uuid=\${uuid}&mac=\${mac:hexhyp}`,
      'flatcar.first_boot=yes',
      'ipv6.disable=1',
      'console=tty0',
      'console=ttyS0',
    ],
    generic: { users: [core], ...installToDisk({ flavor: 'flatcar', device: '/dev/vda', baseUrlVariable: 'baseurl' }) },
  });
  const simple = new MatchboxProfile(data, 'simple', { server, generic: { users: [core] } });

  new MatchboxGroup(data, 'default', {
    profile: install,
    metadata: {
      ignition_endpoint: `${server.httpEndpoint}/generic`,
      ssh_authorized_key: sshKey,
      baseurl: `${server.assetsUrl}/flatcar`,
    },
  });
  new MatchboxGroup(data, 'node1', {
    profile: simple,
    selector: { os: 'installed' },
    metadata: { ssh_authorized_key: sshKey },
  });
  return stack;
}

if (require.main === module) {
  const app = new App();
  buildSeed003(app);
  app.synth();
}
