import { Construct, IConstruct } from 'constructs';
import { ITerraformDependable } from '../core/cdk';
import { LxdRemote } from '../../src/hosts/lxd-remote';
import { BackendName, backendSpec, BackendSpec } from '../../src/lxd/backend';
import { HostRunner, runnerIdentity } from '../../src/hosts/runner';
import { Problem } from '../../src/validation/errors';
import { HostLifecycle } from '../core/host-lifecycle';
import { LabStack, ProblemSource, registerProblems } from '../core/lab-stack';

/** A machine that runs LXD commands: a multipass VM, an ssh host, or the local machine. */
export interface IHost extends IConstruct {
  /** How scripts reach this machine. */
  readonly runner: HostRunner;
  /** What must exist before commands can run on it (e.g. the launched VM). */
  readonly ready: ITerraformDependable[];
  /** Its LXD API, for `provider` rendering. */
  readonly lxdRemote?: LxdRemote;
  /** The daemon it runs: `lxd` or `incus`. @default 'lxd' */
  readonly backend?: BackendName;
  /** Records an object name on this host, so duplicates are reported at synth. */
  registerName(kind: string, name: string, owner: IConstruct): void;
}

/** What the scripts for `host` call (`lxc`/`lxd init`, or `incus`/`incus admin init`). */
export function backendOf(host: IHost): BackendSpec {
  return backendSpec(host.backend ?? 'lxd');
}

/** Returns true when two hosts are the same machine. */
export function sameHost(a: IHost, b: IHost): boolean {
  return a === b || runnerIdentity(a.runner) === runnerIdentity(b.runner);
}

/** The names declared on one machine (and daemon), shared by every host construct that reaches it. */
interface MachineNames {
  /** The first host construct that registered a name there: it reports the duplicates. */
  readonly reporter: IHost;
  readonly label: string;
  readonly names: Map<string, IConstruct[]>;
}

const MACHINES = new WeakMap<IConstruct, Map<string, MachineNames>>();

/** The machine behind a host: ssh hosts by address and port whatever the user, plus the daemon. */
function machineIdentity(host: IHost): string {
  const r = host.runner;
  const machine = r.kind === 'ssh' ? `ssh:${r.address}:${r.port}` : runnerIdentity(r);
  return `${machine}/${host.backend ?? 'lxd'}`;
}

/** The app-wide name registry of `host`'s machine. */
function machineNames(host: IHost): MachineNames {
  const root = host.node.root;
  let machines = MACHINES.get(root);
  if (!machines) MACHINES.set(root, (machines = new Map()));
  const id = machineIdentity(host);
  let m = machines.get(id);
  if (!m) machines.set(id, (m = { reporter: host, label: id.replace(/\/lxd$/, ''), names: new Map() }));
  return m;
}

/** Shared bookkeeping of the host constructs. */
export abstract class HostBase extends Construct implements IHost, ProblemSource {
  public abstract readonly runner: HostRunner;
  public abstract readonly ready: ITerraformDependable[];
  public readonly lxdRemote?: LxdRemote;
  public abstract readonly backend: BackendName;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    registerProblems(this);
  }

  /**
   * Gives the stack its prune on this host and on the deploying machine even before any object
   * is declared there, so removing the last object (or the VM itself) still deletes it.
   * Subclasses call it once `runner` and `ready` are set.
   */
  protected trackLifecycle(): void {
    if (LabStack.settingsOf(this).rendering !== 'cli') return;
    HostLifecycle.of(this, { kind: 'local', sudo: false }, [], undefined, false);
    HostLifecycle.of(this, this.runner, this.ready, backendOf(this));
  }

  public registerName(kind: string, name: string, owner: IConstruct): void {
    const machine = machineNames(this);
    const key = `${kind}\u0000${name}`;
    machine.names.set(key, [...(machine.names.get(key) ?? []), owner]);
  }

  /** Duplicate names on this machine, across every host construct and stack of the app (reported once). */
  public collectProblems(): Problem[] {
    const machine = machineNames(this);
    if (machine.reporter !== this) return [];
    const problems: Problem[] = [];
    for (const [key, owners] of machine.names) {
      const [kind, name] = key.split('\u0000');
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
