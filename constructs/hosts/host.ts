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

/** Shared bookkeeping of the host constructs. */
export abstract class HostBase extends Construct implements IHost, ProblemSource {
  public abstract readonly runner: HostRunner;
  public abstract readonly ready: ITerraformDependable[];
  public readonly lxdRemote?: LxdRemote;
  public abstract readonly backend: BackendName;
  private readonly names = new Map<string, IConstruct[]>();

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
    const key = `${kind}\u0000${name}`;
    this.names.set(key, [...(this.names.get(key) ?? []), owner]);
  }

  public collectProblems(): Problem[] {
    const problems: Problem[] = [];
    for (const [key, owners] of this.names) {
      const [kind, name] = key.split('\u0000');
      for (const owner of owners.slice(1)) {
        problems.push({
          path: owner.node.path, property: 'name', value: name,
          reason: `another ${kind} on host ${this.node.path} already has this name (${owners[0].node.path})`,
          fix: `give each ${kind} on a host its own name`,
        });
      }
    }
    return problems;
  }
}
