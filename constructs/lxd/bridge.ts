import { Construct, IConstruct } from 'constructs';
import { ITerraformDependable, TerraformResource } from '../core/cdk';
import { terraformResourcesOf } from '../core/escape-hatch';
import { backendConfig } from '../../src/lxd/backend';
import { AddressClaim, checkBridgeAddressing, formatRanges } from '../../src/lxd/addressing';
import { DhcpRange } from '../../src/net/dhcp-range';
import { memberConfigs, networkConverge, networkConvergeCluster, networkDelete } from '../../src/lxd/cli';
import { NETWORK_MEMBER_KEYS, NetworkModel } from '../../src/lxd/model';
import { checkNetworkName } from '../../src/lxd/names';
import { checkMtu } from '../../src/net/mtu';
import { checkLeaseHostname, checkLeaseMatch, dhcpHostValue, StaticLease } from '../../src/net/static-lease';
import { Problem } from '../../src/validation/errors';
import { booleans, check, checkProps, checkRequired, Checks } from '../../src/validation/props';
import { ensure } from '../../src/validation/rule';
import { dnsDomain, hostCidr, ipv4Address, ipv6Cidr, macAddress } from '../../src/validation/rules';
import { registerProblems } from '../core/problems';
import { readProps } from '../core/input';
import { networkResource } from '../render/lxd-provider';
import { renderingOf } from '../render/rendering';
import { backendOf, IHost, IOnHost, registerName } from '../core/host';
import { configChecks, stringValues, withConfig } from './private/common';
import { clusterPlacementChecks, ILxdCluster } from './icluster';

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

/** The member-specific keys of a bridge (`parent` is a physical network's). */
const BRIDGE_MEMBER_KEYS = NETWORK_MEMBER_KEYS.filter((k) => k !== 'parent');

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
    return this.ipv4Cidr
      ? checkBridgeAddressing(this.node.path, this.ipv4Cidr, this.ranges(), CLAIMS.get(this) ?? [])
      : [];
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
    checkProps(`${scope.node.path}/${id}`, [
      checkRequired(nameProperty, attrs.networkName, checkNetworkName),
      check('ipv4Cidr', attrs.ipv4Cidr, hostCidr),
    ]);
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
  public get terraformResources(): TerraformResource[] {
    return terraformResourcesOf(this);
  }

  constructor(scope: Construct, id: string, props: BridgeProps) {
    super(scope, id);
    const path = this.node.path;
    props = readProps(path, props);
    this.props = props;
    this.host = props.host;
    this.networkName = props.name ?? id;
    this.ipv4Cidr = addressKeyword(props.ipv4Address ?? 'auto');
    checkProps(path, bridgeChecks(props, this.networkName, this.ipv4Cidr));
    registerName(this.host, 'network', this.networkName, this);
    const cluster = props.cluster;
    // Lazily: the member keys come from the model, which static leases extend until synth.
    const members = cluster
      ? () => memberConfigs(this.model().config, BRIDGE_MEMBER_KEYS, cluster.memberNames, props.perMember)
      : undefined;

    this.ready = renderingOf(this).lxdObject(this, 'network', {
      host: this.host,
      dependsOn: cluster ? [...this.host.ready, ...cluster.ready] : this.host.ready,
      lifecycle: { kind: 'network', name: this.networkName },
      adopt: props.adopt,
      cli: (ownership) => {
        const model = withConfig(this.model(), ownership.config);
        return {
          identity: { kind: 'lxd-network', name: model.name, type: model.type },
          settings: members
            ? { description: model.description, config: model.config, perMember: members() }
            : { description: model.description, config: model.config },
          converge: members
            ? networkConvergeCluster(model, members(), backendOf(this.host), ownership.claim)
            : networkConverge(model, backendOf(this.host), ownership.claim),
          destroy: networkDelete(model.name, backendOf(this.host)),
        };
      },
      provider: (target) =>
        networkResource(
          this,
          'resource',
          target,
          () => this.model(),
          cluster && members
            ? {
                memberNames: cluster.memberNames,
                members,
                overrides: props.perMember ?? {},
                memberKeys: BRIDGE_MEMBER_KEYS,
              }
            : undefined,
        ),
    }).ready;
  }

  /**
   * Pins an address for a machine LXD does not manage, by hostname or MAC
   * (a `dhcp-host=` line in the bridge's dnsmasq). Containers get theirs from their NIC.
   */
  public addStaticLease(lease: StaticLease): void {
    const path = this.node.path;
    lease = readProps(path, lease, 'addStaticLease');
    checkProps(path, [
      checkRequired('addStaticLease.ipv4Address', lease.ipv4Address, ipv4Address),
      checkRequired('addStaticLease', lease, (l) => checkLeaseMatch(l, true)),
      check('addStaticLease.mac', lease.mac, macAddress),
      check('addStaticLease.hostname', lease.hostname, checkLeaseHostname),
    ]);
    this.leases.push({ lease, owner: this });
    claimAddress(this, {
      path,
      property: `addStaticLease(${lease.hostname ?? lease.mac})`,
      ipv4: lease.ipv4Address,
      mac: lease.mac,
      hostname: lease.hostname,
    });
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
          'ipv4.nat': hasV4 ? (p.ipv4Nat ?? true) : undefined,
          'ipv4.dhcp.ranges': p.ipv4DhcpRanges?.length ? formatRanges(p.ipv4DhcpRanges) : undefined,
          'ipv6.address': v6,
          'ipv6.nat': v6 !== 'none' ? (p.ipv6Nat ?? false) : undefined,
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

/** An address prop: undefined for the keywords `auto` and `none`, else the address. */
function addressKeyword(address: string): string | undefined {
  return address === 'auto' || address === 'none' ? undefined : address;
}

/** The checks of a bridge's props (`ipv4Cidr`: its ipv4Address unless a keyword). */
function bridgeChecks(props: BridgeProps, name: string, ipv4Cidr: string | undefined): Checks {
  return [
    booleans(props, ['ipv4Nat', 'ipv6Nat']),
    checkRequired('name', name, checkNetworkName),
    check('ipv4Address', ipv4Cidr, hostCidr),
    check('ipv6Address', addressKeyword(props.ipv6Address ?? 'none'), ipv6Cidr),
    check('dnsDomain', props.dnsDomain, dnsDomain),
    check(
      'ipv4DhcpRanges',
      props.ipv4DhcpRanges?.length ? props.ipv4DhcpRanges : undefined,
      ensure(
        ipv4Cidr !== undefined,
        'DHCP ranges need a known subnet',
        'set ipv4Address to a CIDR such as 10.0.0.1/24',
      ),
    ),
    check('mtu', props.mtu, checkMtu),
    configChecks('config', props.config),
    Object.entries(props.config ?? {}).map(([k, v]) =>
      checkRequired(`config.${k}`, v, backendConfig(k, backendOf(props.host))),
    ),
    clusterPlacementChecks(props.host, props.cluster, props.perMember, BRIDGE_MEMBER_KEYS),
  ];
}
