/**
 * Seed 003 (terraform-sakuracloud-matchbox blog post) re-expressed with this library:
 * a Matchbox host at 192.168.0.1 (HTTP :8080) doing DHCP/TFTP/NAT for a private switch,
 * profiles `coreos-install` (PXE live system that installs to /dev/vda) and `simple` (ssh key only),
 * groups `default` (no selector) and `node1` (`os=installed`).
 *
 * The post used a templated Container Linux Config; Matchbox does not render templates in raw
 * `.ign` files, so the templated Ignition is served through `/generic` instead (as written).
 */
import { DnsmasqPxeSpec } from '../../../src/dnsmasq/model';
import { installToDisk } from '../../../src/ignition/install';
import { IgnitionSpec } from '../../../src/ignition/types';
import { MatchboxDataSpec } from '../../../src/matchbox/model';

export const MATCHBOX_HTTP = 'http://192.168.0.1:8080';
export const SSH_KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBc5X0k7n3yqfQ2Jm0x1m2Qp3wD3n2k9o6W0sH1xY2zQ user@example';

const coreUser = { name: 'core', sshAuthorizedKeys: ['{{.ssh_authorized_key}}'] };

/** The install-stage Ignition (coreos-install's container_linux_config). */
export const INSTALL_IGNITION: IgnitionSpec = {
  users: [coreUser],
  ...installToDisk({ flavor: 'flatcar', device: '/dev/vda', baseUrlVariable: 'baseurl' }),
};

/** The installed-stage Ignition (simple's container_linux_config). */
export const SIMPLE_IGNITION: IgnitionSpec = { users: [coreUser] };

export const SEED003: MatchboxDataSpec = {
  profiles: [
    {
      id: 'coreos-install',
      name: 'coreos-install',
      boot: {
        kernel: '/assets/flatcar/current/flatcar_production_pxe.vmlinuz',
        initrd: ['/assets/flatcar/current/flatcar_production_pxe_image.cpio.gz'],
        args: [
          'initrd=flatcar_production_pxe_image.cpio.gz',
          `flatcar.config.url=${MATCHBOX_HTTP}/generic?uuid=\${uuid}&mac=\${mac:hexhyp}`,
          'flatcar.first_boot=yes',
          'ipv6.disable=1',
          'console=tty0',
          'console=ttyS0',
        ],
      },
      generic: INSTALL_IGNITION,
    },
    { id: 'simple', name: 'simple', generic: SIMPLE_IGNITION },
  ],
  groups: [
    {
      id: 'default',
      name: 'default',
      profile: 'coreos-install',
      metadata: {
        ignition_endpoint: `${MATCHBOX_HTTP}/generic`,
        ssh_authorized_key: SSH_KEY,
        baseurl: `${MATCHBOX_HTTP}/assets/coreos`,
      },
    },
    {
      id: 'node1',
      name: 'node1',
      profile: 'simple',
      selector: { os: 'installed' },
      metadata: { ssh_authorized_key: SSH_KEY },
    },
  ],
};

/** The module's dnsmasq: full DHCP on the switch NIC, the Matchbox host as gateway (NAT). */
export const SEED003_DNSMASQ: DnsmasqPxeSpec = {
  interface: 'eth1',
  subnet: '192.168.0.1/24',
  range: { start: '192.168.0.101', end: '192.168.0.200' },
  router: '192.168.0.1',
  dnsServers: ['192.168.0.1'],
  matchboxUrl: MATCHBOX_HTTP,
};
