import { IConstruct } from 'constructs';
import { ITerraformDependable } from './cdk';
import { daemonOn, Identity, machineOf, recordStoreOf } from '../../src/hosts/daemon-identity';
import { HostRunner } from '../../src/hosts/runner';
import { BackendName } from '../../src/lxd/backend';
import { Problem } from '../../src/validation/errors';

/**
 * Which daemon a host construct reaches: the one answer every part of the library uses (name and
 * address registries, prunes, drift, provider remotes, importers). Host constructs that reach the
 * same daemon share its names and its prune; all members of a cluster are one daemon.
 */

/**
 * What this module needs of a host construct (the library's hosts provide it).
 * @internal
 */
export interface DaemonHost extends IConstruct {
  readonly backend: BackendName;
  /** What must exist before commands can run there. */
  readonly ready: ITerraformDependable[];
  /** @internal */
  readonly _runner: HostRunner;
  /**
   * Another host this one stands for (`same`: a reference to a host of another stack), or the host
   * an instance used as a host lives on (`instance`). @internal
   */
  readonly _daemonParent?: { readonly kind: 'same' | 'instance'; readonly host: DaemonHost };
}

/** A daemon, as the app sees it. */
export interface Daemon extends Identity {
  readonly backend: BackendName;
  /** The host construct scripts that read the daemon go through (for a cluster: its first member). */
  readonly primary: DaemonHost;
  /** Set when the daemon is a cluster. */
  readonly cluster?: IConstruct;
  /** A cluster's member names. */
  readonly members?: readonly string[];
}

interface ClusterEntry {
  readonly cluster: IConstruct;
  readonly hosts: readonly DaemonHost[];
  readonly memberNames: readonly string[];
}

interface AppDaemons {
  /** Host constructs in construction order. */
  readonly hosts: DaemonHost[];
  readonly clusters: ClusterEntry[];
  readonly names: { host: DaemonHost; kind: string; name: string; owner: IConstruct }[];
  /** daemonOf's answers, valid until the next host or cluster is registered. */
  readonly daemons: Map<DaemonHost, Daemon>;
}

const APPS = new WeakMap<IConstruct, AppDaemons>();

function appOf(c: IConstruct): AppDaemons {
  const root = c.node.root;
  let app = APPS.get(root);
  if (!app) APPS.set(root, (app = { hosts: [], clusters: [], names: [], daemons: new Map() }));
  return app;
}

/** Called by every host construct once constructed. */
export function registerHost(host: DaemonHost): void {
  const app = appOf(host);
  app.hosts.push(host);
  app.daemons.clear();
}

/** Called by a cluster construct: its members' hosts are one daemon from now on. */
export function registerCluster(
  cluster: IConstruct,
  hosts: readonly DaemonHost[],
  memberNames: readonly string[],
): void {
  const app = appOf(cluster);
  app.clusters.push({ cluster, hosts, memberNames });
  app.daemons.clear();
}

/** The host a host construct stands for (through references). */
function resolved(host: DaemonHost): DaemonHost {
  let h = host;
  while (h._daemonParent?.kind === 'same') h = h._daemonParent.host;
  return h;
}

/** The machine a host construct reaches (an instance host: that instance on its parent's daemon). */
export function machineOfHost(host: DaemonHost): Identity {
  const h = resolved(host);
  const parent = h._daemonParent;
  if (parent?.kind === 'instance') return machineOf(h._runner, () => daemonOf(parent.host));
  return machineOf(h._runner);
}

/** The daemon of the host alone, cluster membership aside. */
function standaloneDaemon(host: DaemonHost): Identity {
  return daemonOn(machineOfHost(host), resolved(host).backend);
}

/** The cluster `host`'s daemon belongs to, if any (the first one declared). */
function clusterOf(host: DaemonHost): ClusterEntry | undefined {
  const id = standaloneDaemon(host).id;
  return appOf(host).clusters.find((c) => c.hosts.some((h) => standaloneDaemon(h).id === id));
}

/** The daemon `host` reaches (every object, name and prune asks: kept per host). */
export function daemonOf(host: DaemonHost): Daemon {
  const known = appOf(host).daemons;
  let daemon = known.get(host);
  if (!daemon) known.set(host, (daemon = findDaemon(host)));
  return daemon;
}

function findDaemon(host: DaemonHost): Daemon {
  const cluster = clusterOf(host);
  if (cluster) {
    const primary = cluster.hosts[0];
    const first = standaloneDaemon(primary);
    return {
      id: `cluster:${first.id}`,
      label: `cluster ${cluster.memberNames.join('+')} via ${first.label}`,
      backend: resolved(primary).backend,
      primary,
      cluster: cluster.cluster,
      members: cluster.memberNames,
    };
  }
  const own = standaloneDaemon(host);
  const primary = appOf(host).hosts.find((h) => standaloneDaemon(h).id === own.id) ?? host;
  return { ...own, backend: resolved(host).backend, primary };
}

/** True when two hosts reach the same daemon. */
export function sameDaemon(a: DaemonHost, b: DaemonHost): boolean {
  return a === b || daemonOf(a).id === daemonOf(b).id;
}

/** Where record files written through `host` live: its machine and account. */
export function recordStoreOfHost(host: DaemonHost): Identity {
  return recordStoreOf(resolved(host)._runner, machineOfHost(host));
}

/** Records an object name on `host`'s daemon, so duplicates across the app are reported at synth. */
export function registerName(host: DaemonHost, kind: string, name: string, owner: IConstruct): void {
  appOf(host).names.push({ host, kind, name, owner });
}

/** True when `host` is the first host construct of its app (the one that reports the app's daemon problems). */
export function reportsDaemonProblems(host: DaemonHost): boolean {
  return appOf(host).hosts[0] === host;
}

/**
 * Every conflict of the app's daemons: two objects of one kind and name on one daemon, two host
 * constructs that reach one machine with different daemons, a machine in two clusters, two
 * members of a cluster on one machine.
 */
export function daemonProblems(root: IConstruct): Problem[] {
  const app = appOf(root);
  return [...duplicateNames(app), ...backendConflicts(app), ...clusterConflicts(app)];
}

function duplicateNames(app: AppDaemons): Problem[] {
  const seen = new Map<string, { owner: IConstruct; label: string }>();
  const problems: Problem[] = [];
  for (const { host, kind, name, owner } of app.names) {
    const daemon = daemonOf(host);
    const key = JSON.stringify([daemon.id, kind, name]);
    const first = seen.get(key);
    if (!first) {
      seen.set(key, { owner, label: daemon.label });
      continue;
    }
    problems.push({
      path: owner.node.path,
      property: 'name',
      value: name,
      reason: `another ${kind} on the same daemon (${first.label}) already has this name: ${first.owner.node.path}`,
      fix: `give each ${kind} on a daemon its own name (hosts that reach the same daemon, and the members of a cluster, share its names)`,
    });
  }
  return problems;
}

function backendConflicts(app: AppDaemons): Problem[] {
  const byMachine = new Map<string, DaemonHost>();
  const problems: Problem[] = [];
  for (const host of app.hosts) {
    const machine = machineOfHost(host);
    // The deploying machine may run LXD and Incus side by side; any other machine runs one daemon.
    if (machine.id === 'local') continue;
    const first = byMachine.get(machine.id);
    if (!first) {
      byMachine.set(machine.id, host);
    } else if (resolved(first).backend !== resolved(host).backend) {
      problems.push({
        path: host.node.path,
        property: 'backend',
        value: resolved(host).backend,
        reason: `${first.node.path} reaches the same machine (${machine.label}) with backend ${resolved(first).backend}`,
        fix: 'declare one backend per machine: host constructs that reach one machine reach one daemon',
      });
    }
  }
  return problems;
}

function clusterConflicts(app: AppDaemons): Problem[] {
  const problems: Problem[] = [];
  const owner = new Map<string, { cluster: IConstruct; index: number }>();
  for (const c of app.clusters) {
    c.hosts.forEach((host, index) => {
      const id = standaloneDaemon(host).id;
      const first = owner.get(id);
      if (!first) {
        owner.set(id, { cluster: c.cluster, index });
        return;
      }
      const label = standaloneDaemon(host).label;
      problems.push(
        first.cluster === c.cluster
          ? {
              path: c.cluster.node.path,
              property: `members[${index}].host`,
              value: host.node.path,
              reason: `members[${first.index}] is on the same daemon (${label}): one daemon is one cluster member`,
              fix: 'give each member its own machine',
            }
          : {
              path: c.cluster.node.path,
              property: `members[${index}].host`,
              value: host.node.path,
              reason: `the daemon (${label}) is already a member of ${first.cluster.node.path}`,
              fix: 'a daemon belongs to one cluster: declare the cluster once and use its host',
            },
      );
    });
  }
  return problems;
}
