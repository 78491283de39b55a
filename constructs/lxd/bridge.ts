import { Construct, IConstruct } from 'constructs';
import { ITerraformDependable, TerraformResource } from '../core/cdk';
import { terraformResourcesOf } from '../core/escape-hatch';
import { checkBackendConfig } from '../../src/lxd/backend';
import { AddressClaim, checkBridgeAddressing, formatRanges } from '../../src/lxd/addressing';
import { DhcpRange } from '../../src/net/dhcp-range';
import { memberConfigs, networkConverge, networkConvergeCluster, networkDelete } from '../../src/lxd/cli';
import { NETWORK_MEMBER_KEYS, NetworkModel } from '../../src/lxd/model';
import { checkNetworkName } from '../../src/lxd/names';
import { checkHostCidr, checkIpv4 } from '../../src/net/ipv4';
import { checkIpv6Cidr } from '../../src/net/ipv6';
import { checkMac } from '../../src/net/mac';
import { checkMtu } from '../../src/net/mtu';
import { checkLeaseHostname, checkLeaseMatch, dhcpHostValue, StaticLease } from '../../src/net/static-lease';
import { assertValid, Problem } from '../../src/validation/errors';
import { registerProblems } from '../core/problems';
import { assertBooleans, readProps } from '../core/input';
import { networkResource } from '../render/lxd-provider';
import { renderingOf } from '../render/rendering';
import { backendOf, IHost, registerName } from '../hosts/host';
import { assertConfig, IOnHost, stringValues, withConfig } from './common';
import { assertClusterPlacement, ILxdCluster } from './icluster';

// A bridge lease is the library's one StaticLease (defined in the pure core); re-exported for callers of addStaticLease.
export type { StaticLease };

/** A bridge network, declared or pre-existing. */
export interface IBridge extends IOnHost {
  /** The bridge's network name in LXD. */
  readonly networkName: string;
  /** False for a host bridge LXD does not manage (NICs attach with `nictype: bridged`, no LXD DHCP). */
  readonly managed: boolean;
  /** The bridge's `ipv4.address` (CIDR) when known, for address validation. @default - unknown: addresses on it are not checked */
  readonly ipv4Cidr?: string;
  /** What a user of the bridge must depend on. */
  readonly ready: ITerraformDependable[];
}

/** Addresses taken on each bridge (by containers with a static IP and by leases), checked at synth. */
const CLAIMS = new WeakMap<IBridge, AddressClaim[]>();

/** Records an address taken on `bridge` (internal bookkeeping, not part of IBridge). */
export function claimAddress(bridge: IBridge, claim: AddressClaim): void {
  const claims = CLAIMS.get(bridge);
  if (claims) claims.push(claim);
  else CLAIMS.set(bridge, [claim]);
}

/** Props of {@link Bridge}. */
export interface BridgeProps {
  /** The host the bridge is created on. */
  readonly host: IHost;
  /** Interface name. @default - the construct id */
  readonly name?: string;
  /** Gateway address with prefix (`10.0.0.1/24`), `auto`, or `none`. @default 'auto' */
  readonly ipv4Address?: string;
  /** NAT outgoing IPv4 traffic. @default true when ipv4Address is set */
  readonly ipv4Nat?: boolean;
  /** DHCP pools; static leases may lie outside them. @default - the whole subnet */
  readonly ipv4DhcpRanges?: DhcpRange[];
  /** `none`, `auto`, or an address with prefix. @default 'none' */
  readonly ipv6Address?: string;
  /** NAT outgoing IPv6 traffic (only when ipv6Address is not `none`). @default false */
  readonly ipv6Nat?: boolean;
  /** DNS domain handed to DHCP clients (`dns.domain`). @default 'lxd' (LXD's default) */
  readonly dnsDomain?: string;
  /** `bridge.mtu`, 68-65535. @default - LXD's default (1500) */
  readonly mtu?: number;
  /** Extra dnsmasq lines (`raw.dnsmasq`); static leases are appended. @default '' */
  readonly rawDnsmasq?: string;
  /** Other keys (`bridge.*`, `ipv4.*`, `ipv6.*`, `dns.*`, `user.*`...). @default {} */
  readonly config?: Record<string, string>;
  /** The network's description in LXD. @default '' */
  readonly description?: string;
  /**
   * The cluster the network is created on (declare it on `cluster.host`): defined on each member
   * first (`lxc network create N --target M` with the member-specific keys, e.g.
   * `bridge.external_interfaces`: those in `config` go to every member, `perMember` adds or
   * overrides per member), then globally with the other keys (addresses, NAT, DHCP, DNS).
   * With the `provider` rendering: terraform-lxd v3's `member_overrides`, or (v2, Incus) one resource
   * per member with `target` before the cluster-wide one. @default - a network of one daemon
   */
  readonly cluster?: ILxdCluster;
  /** Member-specific keys per member name, e.g. `{ m2: { 'bridge.external_interfaces': 'eth1' } }`. Needs `cluster`. @default {} */
  readonly perMember?: Record<string, Readonly<Record<string, string>>>;
  /**
   * Take over an object of this name that exists on the daemon already and is not the app's (made by
   * hand, or by another app): the stack then owns it, converges it to these props, and deletes it when
   * it leaves the code. Without it, such an object fails the deploy before anything is changed.
   * @default false
   */
  readonly adopt?: boolean;
}

/** What {@link Bridge.fromBridgeAttributes} needs to know of an existing bridge. */
export interface BridgeAttributes {
  /** The host the bridge is on. */
  readonly host: IHost;
  /** The bridge's name in LXD, e.g. `lxdbr0`. */
  readonly networkName: string;
  /** Its `ipv4.address` (CIDR), to check static addresses on it. @default - addresses are not checked */
  readonly ipv4Cidr?: string;
}

/** Shared address bookkeeping of declared and imported bridges. */
abstract class BridgeBase extends Construct implements IBridge {
  public readonly managed: boolean = true;
  public abstract readonly host: IHost;
  public abstract readonly networkName: string;
  public abstract readonly ipv4Cidr?: string;
  public abstract readonly ready: ITerraformDependable[];

  constructor(scope: Construct, id: string) {
    super(scope, id);
    registerProblems(this);
  }

  /** Checks static addresses claimed on the bridge against its subnet and DHCP ranges. */
  public collectProblems(): Problem[] {
    return this.ipv4Cidr ? checkBridgeAddressing(this.node.path, this.ipv4Cidr, this.ranges(), CLAIMS.get(this) ?? []) : [];
  }

  /** The bridge's DHCP ranges, for address checks (none for an imported bridge). */
  protected ranges(): DhcpRange[] {
    return [];
  }
}

class ImportedBridge extends BridgeBase {
  public readonly host: IHost;
  public readonly networkName: string;
  public readonly ipv4Cidr?: string;
  public readonly managed: boolean;
  public readonly ready: ITerraformDependable[];
  /** `nameProperty`: the importer's parameter for the name, for the error message. */
  constructor(scope: Construct, id: string, attrs: BridgeAttributes, nameProperty: string, managed = true) {
    const path = `${scope.node.path}/${id}`;
    assertValid(path, nameProperty, attrs.networkName, checkNetworkName(attrs.networkName));
    if (attrs.ipv4Cidr !== undefined) assertValid(path, 'ipv4Cidr', attrs.ipv4Cidr, checkHostCidr(attrs.ipv4Cidr));
    super(scope, id);
    this.host = attrs.host;
    this.networkName = attrs.networkName;
    this.ipv4Cidr = attrs.ipv4Cidr;
    this.managed = managed;
    this.ready = attrs.host.ready;
  }
}

/**
 * An LXD-managed bridge with its dnsmasq: subnet, NAT, DHCP ranges, DNS domain and
 * static leases. Every setting is mutable in place; only the name is fixed.
 */
export class Bridge extends BridgeBase {
  /** References an LXD-managed bridge that already exists on the host. */
  public static fromBridgeName(scope: Construct, id: string, host: IHost, networkName: string): IBridge {
    return Bridge.fromBridgeAttributes(scope, id, { host, networkName });
  }

  /**
   * References an LXD-managed bridge that already exists on the host; with its `ipv4Cidr`, static
   * addresses on it are checked at synth as on a declared bridge.
   */
  public static fromBridgeAttributes(scope: Construct, id: string, attrs: BridgeAttributes): IBridge {
    return new ImportedBridge(scope, id, attrs, 'networkName');
  }

  /**
   * References a bridge that already exists on the host, such as the `lxdbr0` made by
   * `lxd init`. Give its `ipv4Cidr` to have static addresses checked against it.
   * @deprecated use {@link Bridge.fromBridgeName} or {@link Bridge.fromBridgeAttributes}
   */
  public static fromName(scope: Construct, id: string, host: IHost, name: string, ipv4Cidr?: string): IBridge {
    return new ImportedBridge(scope, id, { host, networkName: name, ipv4Cidr }, 'name');
  }

  /**
   * References a Linux bridge on the host that LXD does not manage (seed 004's `br0`):
   * containers join it with `nictype: bridged, parent: NAME` and get addresses from that network.
   */
  public static fromHostBridge(scope: Construct, id: string, host: IHost, name: string): IBridge {
    return new ImportedBridge(scope, id, { host, networkName: name }, 'name', false);
  }

  /** The host the bridge is on. */
  public readonly host: IHost;
  /** The bridge's network name in LXD (`name`, or the construct id). */
  public readonly networkName: string;
  public readonly ipv4Cidr?: string;
  public readonly ready: ITerraformDependable[];
  private readonly props: BridgeProps;
  private readonly leases: { lease: StaticLease; owner: IConstruct }[] = [];

  /** Escape hatch: the Terraform resources this construct synthesizes, e.g. for `addOverride`. */
  public get terraformResources(): TerraformResource[] { return terraformResourcesOf(this); }

  constructor(scope: Construct, id: string, props: BridgeProps) {
    super(scope, id);
    const path = this.node.path;
    props = readProps(path, props);
    assertBooleans(path, props, ['ipv4Nat', 'ipv6Nat']);
    this.props = props;
    this.host = props.host;
    this.networkName = props.name ?? id;
    assertValid(path, 'name', this.networkName, checkNetworkName(this.networkName));
    const v4 = props.ipv4Address ?? 'auto';
    if (v4 !== 'auto' && v4 !== 'none') assertValid(path, 'ipv4Address', v4, checkHostCidr(v4));
    this.ipv4Cidr = v4 === 'auto' || v4 === 'none' ? undefined : v4;
    const v6 = props.ipv6Address ?? 'none';
    if (v6 !== 'none' && v6 !== 'auto') assertValid(path, 'ipv6Address', v6, checkIpv6Cidr(v6));
    if (props.dnsDomain !== undefined) {
      assertValid(path, 'dnsDomain', props.dnsDomain, /^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*$/.test(props.dnsDomain)
        ? undefined : { reason: 'not a DNS domain', fix: 'use e.g. my-lxd.test' });
    }
    if (props.ipv4DhcpRanges?.length && !this.ipv4Cidr) {
      assertValid(path, 'ipv4DhcpRanges', props.ipv4DhcpRanges, { reason: 'DHCP ranges need a known subnet', fix: 'set ipv4Address to a CIDR such as 10.0.0.1/24' });
    }
    if (props.mtu !== undefined) assertValid(path, 'mtu', props.mtu, checkMtu(props.mtu));
    assertConfig(path, 'config', props.config);
    for (const [k, v] of Object.entries(props.config ?? {})) assertValid(path, `config.${k}`, v, checkBackendConfig(k, v, backendOf(props.host)));
    const bridgeMemberKeys = NETWORK_MEMBER_KEYS.filter((k) => k !== 'parent');
    assertClusterPlacement(path, props.host, props.cluster, props.perMember, bridgeMemberKeys);
    registerName(this.host, 'network', this.networkName, this);
    const cluster = props.cluster;
    // Lazily: the member keys come from the model, which static leases extend until synth.
    const members = cluster ? () => memberConfigs(this.model().config, bridgeMemberKeys, cluster.memberNames, props.perMember) : undefined;

    this.ready = renderingOf(this).lxdObject(this, 'network', {
      host: this.host,
      dependsOn: cluster ? [...this.host.ready, ...cluster.ready] : this.host.ready,
      lifecycle: { kind: 'network', name: this.networkName },
      adopt: props.adopt,
      cli: (ownership) => {
        const model = withConfig(this.model(), ownership.config);
        return {
          identity: { kind: 'lxd-network', name: model.name, type: model.type },
          settings: members ? { description: model.description, config: model.config, perMember: members() } : { description: model.description, config: model.config },
          converge: members ? networkConvergeCluster(model, members(), backendOf(this.host), ownership.claim) : networkConverge(model, backendOf(this.host), ownership.claim),
          destroy: networkDelete(model.name, backendOf(this.host)),
        };
      },
      provider: (target) => networkResource(this, 'resource', target, () => this.model(), cluster && members ? {
        memberNames: cluster.memberNames, members, overrides: props.perMember ?? {}, memberKeys: bridgeMemberKeys,
      } : undefined),
    }).ready;
  }

  /**
   * Pins an address for a machine LXD does not manage, by hostname or MAC
   * (a `dhcp-host=` line in the bridge's dnsmasq). Containers get theirs from their NIC.
   */
  public addStaticLease(lease: StaticLease): void {
    const path = this.node.path;
    lease = readProps(path, lease, 'addStaticLease');
    assertValid(path, 'addStaticLease.ipv4Address', lease.ipv4Address, checkIpv4(lease.ipv4Address));
    assertValid(path, 'addStaticLease', lease, checkLeaseMatch(lease, true));
    if (lease.mac !== undefined) assertValid(path, 'addStaticLease.mac', lease.mac, checkMac(lease.mac));
    if (lease.hostname !== undefined) assertValid(path, 'addStaticLease.hostname', lease.hostname, checkLeaseHostname(lease.hostname));
    this.leases.push({ lease, owner: this });
    claimAddress(this, { path, property: `addStaticLease(${lease.hostname ?? lease.mac})`, ipv4: lease.ipv4Address, mac: lease.mac, hostname: lease.hostname });
  }

  /** The desired network, including leases added so far. */
  private model(): NetworkModel {
    const p = this.props;
    const hasV4 = (p.ipv4Address ?? 'auto') !== 'none';
    const v6 = p.ipv6Address ?? 'none';
    const leaseLines = this.leases.map(({ lease }) => `dhcp-host=${dhcpHostValue(lease)}`);
    const raw = [p.rawDnsmasq?.trimEnd(), ...leaseLines].filter((l) => l).join('\n');
    return {
      name: this.networkName,
      type: 'bridge',
      description: p.description ?? '',
      config: {
        ...p.config,
        ...stringValues({
          'ipv4.address': p.ipv4Address ?? 'auto',
          'ipv4.nat': hasV4 ? p.ipv4Nat ?? true : undefined,
          'ipv4.dhcp.ranges': p.ipv4DhcpRanges?.length ? formatRanges(p.ipv4DhcpRanges) : undefined,
          'ipv6.address': v6,
          'ipv6.nat': v6 !== 'none' ? p.ipv6Nat ?? false : undefined,
          'dns.domain': p.dnsDomain,
          'bridge.mtu': p.mtu,
          'raw.dnsmasq': raw || undefined,
        }),
      },
    };
  }

  /** The bridge's DHCP ranges, for address checks. */
  protected ranges(): DhcpRange[] {
    return this.props.ipv4DhcpRanges ?? [];
  }
}
