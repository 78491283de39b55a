import { Construct } from 'constructs';
import { ITerraformDependable, TerraformResource } from '../core/cdk';
import { terraformResourcesOf } from '../core/escape-hatch';
import { HostRunner, runnerCommand } from '../../src/hosts/runner';
import {
  checkMemberAddress,
  clusterBootstrap,
  clusterJoin,
  clusterMemberRemove,
  clusterMembersConverge,
} from '../../src/lxd/cluster';
import { script } from '../../src/lxd/cli';
import { PreseedMemberConfig } from '../../src/lxd/preseed';
import { shq } from '../../src/shell/quote';
import { checkObjectName } from '../../src/lxd/names';
import { Check, checkProps, checkRequired, Checks } from '../../src/validation/props';
import { ensure } from '../../src/validation/rule';
import { ownerOf } from '../core/stack-settings';
import { ManagedObject } from '../core/managed-object';
import { backendOf, daemonHost, IHost, runnerOf } from '../core/host';
import { registerCluster } from '../core/daemons';
import { ILxdCluster } from './icluster';
import { readProps } from '../core/input';

/** One member of an {@link LxdCluster}. */
export interface LxdClusterMember {
  /** The machine the member's daemon runs on. */
  readonly host: IHost;
  /** The member's name in the cluster (`server_name`). */
  readonly name: string;
  /**
   * `host:port` the member serves the cluster API on (`core.https_address`); the other members
   * must reach it. e.g. `10.0.0.11:8443`.
   */
  readonly address: string;
  /**
   * Answers for member-specific keys of pools and networks that exist when the member joins
   * (`cluster.member_config`), e.g. `{ entity: 'storage-pool', name: 'local', key: 'source', value: '/srv/lxd' }`.
   * Pools and networks declared with `cluster` are defined on the members listed when they are created
   * (their own `perMember`); a member that joins after they exist needs their member-specific keys here.
   * @default []
   */
  readonly memberConfig?: PreseedMemberConfig[];
}

/** Props of {@link LxdCluster}. */
export interface LxdClusterProps {
  /** The members; the first bootstraps the cluster, the others join it in order. At least one. */
  readonly members: LxdClusterMember[];
  /** Must be ready first (e.g. the hosts' package installs). @default [] */
  readonly dependsOn?: ITerraformDependable[];
}

/** Attributes of an LXD (or Incus) cluster that already exists (see `LxdCluster.fromClusterAttributes`). */
export interface LxdClusterAttributes {
  /** A member's host, through which the cluster's objects are created (usually the bootstrap member). */
  readonly host: IHost;
  /** The cluster's member names (`lxc cluster list`), which `target` and `perMember` may name. At least one. */
  readonly memberNames: string[];
}

/** The machine that runs the join script: the deploying one. */
const LOCAL: HostRunner = { kind: 'local', sudo: false };

/**
 * An LXD (or Incus) cluster formed at deploy time. The first member bootstraps it
 * (`core.https_address` and `cluster.enabled` through `lxd init --preseed`); each further member
 * joins with a token the deploying machine asks the cluster for (`lxc cluster add NAME` through
 * the first member's runner) and pipes into the member's `lxd init --preseed`: the token is never
 * in the state, a plan, a log or a command line. A member removed from the code is removed from
 * the cluster (`lxc cluster remove`) on the next deploy; destroying the stack removes every member
 * but the first (LXD has no way to un-cluster the last one). Objects on the cluster are declared
 * on {@link LxdCluster.host} (the first member) and placed on members with `target`.
 */
export class LxdCluster extends Construct implements ILxdCluster {
  /**
   * A cluster formed outside this app (by hand or by another stack): pools, networks and
   * containers declared on `host` with `cluster` are placed on its members.
   *
   * @example
   * const cluster = LxdCluster.fromClusterAttributes(stack, 'cluster', { host: node1, memberNames: ['node1', 'node2', 'node3'] });
   * new StoragePool(stack, 'local', { host: cluster.host, cluster, driver: 'lvm', perMember: { node2: { source: '/dev/sdb' } } });
   */
  public static fromClusterAttributes(scope: Construct, id: string, attrs: LxdClusterAttributes): ILxdCluster {
    return new ImportedLxdCluster(scope, id, attrs);
  }

  /** The first member's host: declare pools, networks, profiles and containers of the cluster on it. */
  public readonly host: IHost;
  /** Member names in order. */
  public readonly memberNames: string[];
  /** Everything the cluster needs (bootstrap, joins, membership): objects on the cluster depend on it. */
  public readonly ready: ITerraformDependable[];

  /** Escape hatch: the Terraform resources this construct synthesizes, e.g. for `addOverride`. */
  public get terraformResources(): TerraformResource[] {
    return terraformResourcesOf(this);
  }

  constructor(scope: Construct, id: string, props: LxdClusterProps) {
    super(scope, id);
    const path = this.node.path;
    props = readProps(path, props);
    checkProps(path, memberChecks(props.members));
    const [first, ...joiners] = props.members;
    this.host = first.host;
    this.memberNames = props.members.map((m) => m.name);
    // From now on its members are one daemon: one name space, one prune.
    registerCluster(
      this,
      props.members.map((m) => daemonHost(m.host)),
      this.memberNames,
    );
    const b = backendOf(first.host);
    const bootstrap = new ManagedObject(this, 'bootstrap', {
      runner: runnerOf(first.host),
      dependsOn: [...first.host.ready, ...(props.dependsOn ?? [])],
      deletable: false,
      state: () => ({
        identity: { kind: 'lxd-cluster', name: first.name },
        settings: { address: first.address },
        converge: clusterBootstrap(first, b),
        destroy: '',
      }),
    });
    const ready: ITerraformDependable[] = [bootstrap.object, bootstrap.converged];
    const clusterCmd = runnerCommand(runnerOf(first.host));
    for (const m of joiners) {
      // Each join waits for the one before: LXD joins one member at a time.
      const join = new ManagedObject(this, `member-${m.name}`, {
        runner: LOCAL,
        dependsOn: [...m.host.ready, ...ready],
        state: () => ({
          identity: { kind: 'lxd-cluster-member', cluster: first.name, name: m.name, address: m.address },
          settings: { memberConfig: m.memberConfig ?? [] },
          converge: clusterJoin(m, first.address, { cluster: clusterCmd, member: runnerCommand(runnerOf(m.host)) }, b),
          destroy: script([
            `remove_script=${shq(clusterMemberRemove(m.name, b))}`,
            `printf '%s\\n' "$remove_script" | ${clusterCmd}`,
          ]),
        }),
      });
      ready.push(join.object, join.converged);
    }
    // Members the code no longer lists (joined by this stack before) leave the cluster.
    const recordKey = `user.cdktf.members.${ownerOf(this)}`;
    const membership = new ManagedObject(this, 'membership', {
      runner: runnerOf(first.host),
      dependsOn: ready,
      state: () => ({
        identity: { kind: 'lxd-cluster-membership', cluster: first.name },
        settings: { members: joiners.map((m) => m.name) },
        converge: clusterMembersConverge(
          joiners.map((m) => m.name),
          recordKey,
          b,
        ),
        destroy: script([`${b.client} config unset ${shq(recordKey)} 2>/dev/null || true`]),
      }),
    });
    this.ready = [...ready, membership.object, membership.converged];
  }
}

/** The checks of the members of a cluster: names and addresses, each once, and one daemon kind. */
function memberChecks(members: readonly LxdClusterMember[]): Checks {
  const seen = new Map<string, string>();
  const unique = (i: number, what: 'name' | 'address', key: string): Check => {
    const other = seen.get(`${what}:${key}`);
    seen.set(`${what}:${key}`, `members[${i}]`);
    return checkRequired(
      `members[${i}].${what}`,
      key,
      ensure(other === undefined, `${other} has the same ${what}`, `give each member its own ${what}`),
    );
  };
  return [
    checkRequired(
      'members',
      members.length,
      ensure(
        members.length > 0,
        'a cluster needs at least one member',
        'list the bootstrap member first, then the members that join',
      ),
    ),
    members.flatMap((m, i) => [
      checkRequired(`members[${i}].name`, m.name, checkObjectName),
      checkRequired(`members[${i}].address`, m.address, checkMemberAddress),
      unique(i, 'name', m.name),
      unique(i, 'address', m.address),
      checkRequired(
        `members[${i}].host`,
        m.host.node.path,
        ensure(
          backendOf(m.host).name === backendOf(members[0].host).name,
          'all members of a cluster run the same daemon',
          'give every member host the same backend',
        ),
      ),
    ]),
  ];
}

/** A cluster this app does not form: its objects wait only for the host. */
class ImportedLxdCluster extends Construct implements ILxdCluster {
  public readonly host: IHost;
  public readonly memberNames: string[];
  public readonly ready: ITerraformDependable[];

  constructor(scope: Construct, id: string, attrs: LxdClusterAttributes) {
    super(scope, id);
    const path = this.node.path;
    attrs = readProps(path, attrs);
    checkProps(path, [
      checkRequired(
        'memberNames',
        attrs.memberNames,
        ensure(
          attrs.memberNames.length > 0,
          'a cluster has at least one member',
          'list the member names `lxc cluster list` shows',
        ),
      ),
      attrs.memberNames.map((name, i) =>
        checkRequired(
          `memberNames[${i}]`,
          name,
          checkObjectName,
          ensure(attrs.memberNames.indexOf(name) === i, 'listed twice', 'list each member once'),
        ),
      ),
    ]);
    this.host = attrs.host;
    this.memberNames = [...attrs.memberNames];
    registerCluster(this, [daemonHost(attrs.host)], this.memberNames);
    this.ready = [...attrs.host.ready];
  }
}
