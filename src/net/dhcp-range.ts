/** An inclusive IPv4 DHCP range: an LXD bridge's `ipv4.dhcp.ranges` entry, or the base of a PXE dnsmasq's `dhcp-range`. */
export interface DhcpRange {
  /** First address of the range. */
  readonly start: string;
  /** Last address of the range (inclusive). */
  readonly end: string;
}
