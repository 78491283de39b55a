/**
 * Seed 002: "LXDコンテナで固定IPアドレスを使うための設定" — fixed addresses on the LXD bridge
 * for cent01 (10.64.177.101) and cent02 (10.64.177.102).
 *
 * The seed (LXD 2.0, 2016) wrote `dhcp-host=NAME,IP` lines to /etc/dnsmasq.conf and restarted
 * lxd-bridge. Current LXD runs the bridge's dnsmasq itself and writes a `dhcp-host=MAC,...,NAME`
 * entry for every instance NIC; dnsmasq then never looks up a lease by hostname for that MAC.
 * So a hostname lease only pins machines LXD does not manage, and a container gets its fixed
 * address from its NIC (`ipv4.address`, LXD's own reservation). Two variants, on the same bridge:
 * - `leases`: the seed's two dnsmasq lines, for cent01/cent02 being machines LXD does not
 *   manage (VMs or hosts whose interface is on the bridge);
 * - `containers`: cent01/cent02 as LXD containers with static addresses.
 *
 *   cdktf deploy seed002-leases    or    cdktf deploy seed002-containers
 */
import { App } from '../constructs/core/cdk';
import { Bridge, Container, IHost, LabStack, LocalHost, Rendering, SshHost } from '../index';

/** Options of {@link buildSeed002}. */
export interface Seed002Options {
  /** What cent01 and cent02 are. @default 'containers' */
  readonly variant?: 'leases' | 'containers';
  /** @default 'seed002-<variant>' */
  readonly stackId?: string;
  /** Run on this machine over ssh instead of the deploying machine. @default - the local machine */
  readonly sshAddress?: string;
  /** Container image. The seed's CentOS 7 is no longer published. @default 'images:almalinux/9' */
  readonly image?: string;
  /** `provider` renders lxd_network/lxd_instance (terraform-lxd/lxd) instead of lxc scripts. @default 'cli' */
  readonly rendering?: Rendering;
}

/** The seed's machines and their fixed addresses. */
export const SEED002_MACHINES = [
  { name: 'cent01', ipv4: '10.64.177.101' },
  { name: 'cent02', ipv4: '10.64.177.102' },
] as const;

/** Builds the stack of one variant of seed 002. */
export function buildSeed002(app: App, o: Seed002Options = {}): LabStack {
  const variant = o.variant ?? 'containers';
  const stack = new LabStack(app, o.stackId ?? `seed002-${variant}${o.rendering === 'provider' ? '-provider' : ''}`, {
    rendering: o.rendering,
  });
  const host: IHost = o.sshAddress
    ? new SshHost(stack, 'host', { address: o.sshAddress, lxdRemote: { address: `https://${o.sshAddress}:8443` } })
    : new LocalHost(stack, 'host');

  // The bridge `lxd init` set up (/etc/default/lxd-bridge in the seed), on the seed's subnet.
  // Dynamic leases stay below .100, clear of the fixed addresses.
  const lxdbr0 = new Bridge(stack, 'lxdbr0', {
    host,
    ipv4Address: '10.64.177.1/24',
    ipv4DhcpRanges: [{ start: '10.64.177.2', end: '10.64.177.99' }],
    ipv6Address: 'none',
  });

  for (const m of SEED002_MACHINES) {
    if (variant === 'leases') {
      // dhcp-host=cent01,10.64.177.101 / dhcp-host=cent02,10.64.177.102
      // (in the bridge's raw.dnsmasq; LXD restarts its dnsmasq, no `systemctl restart lxd-bridge`)
      lxdbr0.addStaticLease({ hostname: m.name, ipv4Address: m.ipv4 });
    } else {
      // lxc launch images:centos/7 cent01, with its address reserved on the bridge:
      // lxc config device override cent01 eth0 ipv4.address=10.64.177.101
      new Container(stack, m.name, {
        host,
        image: o.image ?? 'images:almalinux/9',
        nics: [{ bridge: lxdbr0, ipv4Address: m.ipv4 }],
      });
    }
  }
  // After changing an address, the seed restarts the machine (`lxc restart cent01`) so that it
  // asks for a new lease; do the same here.
  return stack;
}

if (require.main === module) {
  // The variants are alternatives for one machine (both manage lxdbr0): SEED002_VARIANT=containers for the other.
  const app = new App();
  buildSeed002(app, { variant: process.env.SEED002_VARIANT === 'containers' ? 'containers' : 'leases' });
  app.synth();
}
