import { IConstruct } from 'constructs';
import { ITerraformDependable } from './cdk';
import { LxdRemote } from '../../src/hosts/lxd-remote';
import { BackendName, backendSpec, BackendSpec } from '../../src/lxd/backend';
import { HostRunner } from '../../src/hosts/runner';
import { ValidationError } from '../../src/validation/errors';
import { DaemonHost, daemonOf, registerName as registerDaemonName, sameDaemon } from './daemons';

/**
 * A machine that runs LXD (or Incus) commands: a multipass VM, an ssh host, the local machine, an
 * LXD container, or a host of another stack. Create one with the library's host constructs; how
 * scripts reach the machine (the transport) is internal to the library.
 */
export interface IHost extends IConstruct {
  /**
   * The identity of the daemon behind this host, e.g. `ssh:10.0.0.5:22/lxd` (the user aside), or
   * `cluster:…` for a member of an {@link LxdCluster}. Host constructs with the same id reach the
   * same daemon: they share its object names and its prune. Read it once the app is complete.
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

/** Something that lives on a host. */
export interface IOnHost extends IConstruct {
  /** The host it lives on. */
  readonly host: IHost;
}

/** How scripts reach `host` (internal: the transport is not part of the public API). */
export function runnerOf(host: IHost): HostRunner {
  const runner = (host as Partial<DaemonHost>)._runner;
  if (!runner) {
    throw new ValidationError([
      {
        path: host.node.path,
        property: 'host',
        value: host.constructor.name,
        reason: 'this IHost has no transport',
        fix: "use one of the library's hosts (LocalHost, SshHost, MultipassVm, ContainerHost, HostReference) instead of implementing IHost",
      },
    ]);
  }
  return runner;
}

/** The library's view of a host: with its transport (see {@link runnerOf}). */
export function daemonHost(host: IHost): DaemonHost {
  runnerOf(host);
  return host as unknown as DaemonHost;
}

/** What the scripts for `host` call (`lxc`/`lxd init`, or `incus`/`incus admin init`). */
export function backendOf(host: IHost): BackendSpec {
  return backendSpec(host.backend ?? 'lxd');
}

/** Records an object name on `host`'s daemon, so duplicates across the app are reported at synth. */
export function registerName(host: IHost, kind: string, name: string, owner: IConstruct): void {
  registerDaemonName(daemonHost(host), kind, name, owner);
}

/** Returns true when two hosts reach the same daemon. */
export function sameHost(a: IHost, b: IHost): boolean {
  return a === b || sameDaemon(daemonHost(a), daemonHost(b));
}

/** The daemon's label for people, e.g. `ssh 10.0.0.5:22`. */
export function hostLabel(host: IHost): string {
  return daemonOf(daemonHost(host)).label;
}
