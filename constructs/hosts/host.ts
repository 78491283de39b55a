import { Construct, IConstruct } from 'constructs';
import { ITerraformDependable } from '../core/cdk';
import { LxdRemote } from '../../src/hosts/lxd-remote';
import { BackendName, backendSpec, BackendSpec } from '../../src/lxd/backend';
import { HostRunner, runnerIdentity } from '../../src/hosts/runner';
import { Problem } from '../../src/validation/errors';
import { registerProblems } from '../core/problems';

/**
 * A machine that runs LXD (or Incus) commands: a multipass VM, an ssh host, the local machine, an
 * LXD container, or a host of another stack. Create one with the library's host constructs; how
 * scripts reach the machine (the transport) is internal to the library.
 */
export interface IHost extends IConstruct {
  /**
   * A stable identity of the machine and daemon behind this host, e.g. `ssh:10.0.0.5:22/lxd`.
   * Host constructs with the same id are the same machine: they share its object names.
   */
  readonly hostId: string;
  /** What must exist before commands can run on it (e.g. the launched VM). */
  readonly ready: ITerraformDependable[];
  /** Its LXD API, for `provider` rendering. @default - none: only `cli` rendering can use the host */
  readonly lxdRemote?: LxdRemote;
  /** The daemon it runs: `lxd` or `incus`. */
  readonly backend: BackendName;
  /**
   * The oldest LXD version the host runs (`MAJOR.MINOR`): synth refuses what that version no longer
   * has (trust passwords from LXD 6.1). @default - unknown: scripts that need to know read the version at deploy time
   */
  readonly minLxdVersion?: string;
  /**
   * Changes when the machine is replaced under the host (a recreated container or VM of another
   * stack), so objects on it converge again. @default - none: the host is never replaced under its objects
   */
  readonly generation?: string;
}

/** A host as the library's constructs see it: with its transport. */
interface HostWithRunner extends IHost {
  readonly _runner?: HostRunner;
}

/** How scripts reach `host` (internal: the transport is not part of the public API). */
export function runnerOf(host: IHost): HostRunner {
  const runner = (host as HostWithRunner)._runner;
  if (!runner) {
    throw new Error(`[${host.node.path}] host: this IHost has no transport. Fix: use one of the library's hosts `
      + '(LocalHost, SshHost, MultipassVm, ContainerHost, HostReference) instead of implementing IHost.');
  }
  return runner;
}

/** Records an object name on `host`'s machine, so duplicates across the app are reported at synth. */
export function registerName(host: IHost, kind: string, name: string, owner: IConstruct): void {
  const machine = machineNames(host);
  const key = JSON.stringify([kind, name]);
  const entry = machine.names.get(key);
  if (entry) entry.owners.push(owner);
  else machine.names.set(key, { kind, name, owners: [owner] });
}

/** What the scripts for `host` call (`lxc`/`lxd init`, or `incus`/`incus admin init`). */
export function backendOf(host: IHost): BackendSpec {
  return backendSpec(host.backend ?? 'lxd');
}

/** Returns true when two hosts are the same machine. */
export function sameHost(a: IHost, b: IHost): boolean {
  return a === b || a.hostId === b.hostId;
}

/** The names declared on one machine (and daemon), shared by every host construct that reaches it. */
interface MachineNames {
  /** The first host construct that registered a name there: it reports the duplicates. */
  readonly reporter: IHost;
  readonly label: string;
  /** By kind and name: who declared it, first the original. */
  readonly names: Map<string, { readonly kind: string; readonly name: string; readonly owners: IConstruct[] }>;
}

const MACHINES = new WeakMap<IConstruct, Map<string, MachineNames>>();

/** The machine behind a runner: ssh hosts by address and port whatever the user, plus the daemon. */
function machineIdentity(r: HostRunner, backend: BackendName): string {
  const machine = r.kind === 'ssh' ? `ssh:${r.address}:${r.port}` : runnerIdentity(r);
  return `${machine}/${backend}`;
}

/** The app-wide name registry of `host`'s machine. */
function machineNames(host: IHost): MachineNames {
  const root = host.node.root;
  let machines = MACHINES.get(root);
  if (!machines) MACHINES.set(root, (machines = new Map()));
  const id = host.hostId;
  let m = machines.get(id);
  if (!m) machines.set(id, (m = { reporter: host, label: id.replace(/\/lxd$/, ''), names: new Map() }));
  return m;
}

/**
 * Shared bookkeeping of the host constructs.
 * @internal
 */
export abstract class HostBase extends Construct implements IHost {
  /** @internal */
  public abstract readonly _runner: HostRunner;
  public abstract readonly ready: ITerraformDependable[];
  public readonly lxdRemote?: LxdRemote;
  public abstract readonly backend: BackendName;

  public get hostId(): string {
    return machineIdentity(this._runner, this.backend);
  }

  constructor(scope: Construct, id: string) {
    super(scope, id);
    registerProblems(this);
  }

  /** Duplicate names on this machine, across every host construct and stack of the app (reported once). */
  public collectProblems(): Problem[] {
    const machine = machineNames(this);
    if (machine.reporter !== this) return [];
    const problems: Problem[] = [];
    for (const { kind, name, owners } of machine.names.values()) {
      for (const owner of owners.slice(1)) {
        problems.push({
          path: owner.node.path, property: 'name', value: name,
          reason: `another ${kind} on the same machine (${machine.label}) already has this name: ${owners[0].node.path}`,
          fix: `give each ${kind} on a machine its own name (hosts that reach the same machine share its names)`,
        });
      }
    }
    return problems;
  }
}
