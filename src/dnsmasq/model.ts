import { DhcpRange } from '../net/dhcp-range';
import { StaticLease } from '../net/static-lease';

/** Logging switches. */
export interface DnsmasqLogSpec {
  /** `log-dhcp`: log every DHCP option. @default true */
  readonly dhcp?: boolean;
  /** `log-queries`: log DNS queries. @default false */
  readonly queries?: boolean;
  /** `log-facility=<path>`: log to a file instead of syslog. @default syslog */
  readonly facility?: string;
}

/** dnsmasq as the DHCP/TFTP half of a Matchbox PXE setup (seed 003). */
export interface DnsmasqPxeOptions {
  /** Interface to serve, e.g. `eth1` or `br0`. */
  readonly interface: string;
  /** The interface's address with prefix, e.g. `192.168.0.1/24`. Ranges and leases must fall inside. */
  readonly subnet: string;
  /**
   * `full`: dnsmasq hands out addresses from {@link range}. `proxy`: another DHCP server does,
   * dnsmasq only adds PXE boot information (`dhcp-range=<network>,proxy`). @default 'full'
   */
  readonly mode?: 'full' | 'proxy';
  /** Dynamic range (full mode only; required there). @default - none (proxy mode) */
  readonly range?: DnsmasqRange;
  /** Default gateway handed out (option 3), e.g. the Matchbox host doing NAT. @default none */
  readonly router?: string;
  /** DNS servers handed out (option 6). @default dnsmasq's own address when DNS is on */
  readonly dnsServers?: string[];
  /** DNS listening port; 0 turns dnsmasq's DNS off. @default 53 */
  readonly dnsPort?: number;
  /** TFTP root holding the first-stage iPXE binaries. @default '/var/lib/tftpboot' */
  readonly tftpRoot?: string;
  /** BIOS first stage. @default 'undionly.kpxe' */
  readonly biosBootFile?: string;
  /** x86-64 UEFI first stage. @default 'ipxe.efi' */
  readonly uefiBootFile?: string;
  /**
   * Fixed addresses (`dhcp-host=` lines), each matched by MAC or, without one, by the host name the
   * machine sends; inside {@link subnet}, with no MAC, address or host name used twice. @default []
   */
  readonly staticLeases?: StaticLease[];
  /**
   * IPv6 prefix on the interface to announce with router advertisements only
   * (`enable-ra` + `dhcp-range=<prefix>,ra-only`). Without it iPXE waits ~13 s for IPv6. @default none
   */
  readonly raPrefix?: string;
  /** Lease database path (`dhcp-leasefile`). @default dnsmasq's built-in path */
  readonly leaseFile?: string;
  /** PID file path. @default dnsmasq's built-in path */
  readonly pidFile?: string;
  /** Skip the ICMP probe before offering a pool address (3 s faster per lease). @default false */
  readonly noPing?: boolean;
  /** Logging. @default { dhcp: true } */
  readonly log?: DnsmasqLogSpec;
}

/** The dynamic DHCP range of a full-mode dnsmasq: a DhcpRange with a lease time. */
export interface DnsmasqRange extends DhcpRange {
  /** Lease time, e.g. `12h`. @default - dnsmasq's default (1h) */
  readonly leaseTime?: string;
}

/** dnsmasq for PXE: the options and the Matchbox endpoint iPXE chainloads to. */
export interface DnsmasqPxeSpec extends DnsmasqPxeOptions {
  /** Base URL of Matchbox's HTTP endpoint, e.g. `http://192.168.0.1:8080`. */
  readonly matchboxUrl: string;
}
