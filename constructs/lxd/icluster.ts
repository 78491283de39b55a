import { IConstruct } from 'constructs';
import { ITerraformDependable } from '../core/cdk';
import { daemonHost, IHost } from '../core/host';
import { daemonOf } from '../core/daemons';
import { Problem } from '../../src/validation/errors';
import { check, Check, checkRequired } from '../../src/validation/props';
import { ensure, refused } from '../../src/validation/rule';

/** An LXD (or Incus) cluster: what pools, networks and containers on it need. */
export interface ILxdCluster {
  /** The first member's host: objects of the cluster are declared on it. */
  readonly host: IHost;
  /** Member names in order. */
  readonly memberNames: string[];
  /** Everything the cluster needs (bootstrap, joins, membership). */
  readonly ready: ITerraformDependable[];
}

/**
 * The checks of the cluster placement props of a pool or network: declared on the cluster's first
 * member, `perMember` only with a cluster, naming its members and only member-specific keys
 * (`memberKeys`, further narrowed by `allowed` when given).
 */
export function clusterPlacementChecks(
  host: IHost,
  cluster: ILxdCluster | undefined,
  perMember: Readonly<Record<string, Readonly<Record<string, string>>>> | undefined,
  memberKeys: readonly string[],
  allowed: (key: string) => boolean = () => true,
): Check[] {
  if (!cluster) {
    return [
      check(
        'perMember',
        perMember,
        refused(
          'per-member keys need a cluster',
          'set cluster to the LxdCluster the object is created on, or drop perMember',
        ),
      ),
    ];
  }
  const keys = memberKeys.filter(allowed);
  return [
    checkRequired(
      'host',
      host.node.path,
      ensure(
        host === cluster.host,
        "an object of a cluster is declared on the cluster's first member",
        'set host to cluster.host',
      ),
    ),
    ...Object.entries(perMember ?? {}).flatMap(([member, config]) => [
      checkRequired(
        `perMember.${member}`,
        member,
        ensure(
          cluster.memberNames.includes(member),
          'not a member of the cluster',
          `use one of ${cluster.memberNames.join(', ')}`,
        ),
      ),
      ...Object.keys(config).map((key) =>
        checkRequired(
          `perMember.${member}.${key}`,
          key,
          ensure(
            keys.includes(key),
            'not a member-specific key',
            `use ${keys.join(', ')}; set cluster-wide keys on the object itself`,
          ),
        ),
      ),
    ]),
  ];
}

/**
 * The problem with `target` (the cluster member a container is placed on) for an object on `host`:
 * the host must be a member of a cluster of the app, and `target` one of that cluster's members.
 */
export function targetProblem(owner: IConstruct & { readonly host: IHost }, target: string): Problem | undefined {
  const cluster = daemonOf(daemonHost(owner.host)).cluster as ILxdCluster | undefined;
  const base = { path: owner.node.path, property: 'target', value: target };
  if (!cluster) {
    return {
      ...base,
      reason: `the host ${owner.host.node.path} is not a member of any LxdCluster of the app, so there is no member to place the container on`,
      fix: 'declare the cluster with this host as a member (new LxdCluster, or LxdCluster.fromClusterAttributes for a cluster formed elsewhere) and create the container on cluster.host, or drop target',
    };
  }
  if (cluster.memberNames.includes(target)) return undefined;
  const names = cluster.memberNames.join(', ');
  return { ...base, reason: `not a member of the cluster (members: ${names})`, fix: `use one of ${names}` };
}
