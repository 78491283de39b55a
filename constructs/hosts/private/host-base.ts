import { Construct } from 'constructs';
import { ITerraformDependable } from '../../core/cdk';
import { DaemonHost, daemonOf, daemonProblems, registerHost, reportsDaemonProblems } from '../../core/daemons';
import { registerProblems } from '../../core/problems';
import { LxdRemote } from '../../../src/hosts/lxd-remote';
import { HostRunner } from '../../../src/hosts/runner';
import { BackendName } from '../../../src/lxd/backend';
import { Problem } from '../../../src/validation/errors';
import { IHost } from '../../core/host';

/**
 * Shared bookkeeping of the host constructs.
 * @internal
 */
export abstract class HostBase extends Construct implements IHost {
  /** @internal */
  public abstract readonly _runner: HostRunner;
  /** @internal */
  public readonly _daemonParent?: DaemonHost['_daemonParent'];
  public abstract readonly ready: ITerraformDependable[];
  public readonly lxdRemote?: LxdRemote;
  public abstract readonly backend: BackendName;

  public get hostId(): string {
    return daemonOf(this).id;
  }

  constructor(scope: Construct, id: string) {
    super(scope, id);
    registerProblems(this);
  }

  /** Conflicts of the app's daemons (duplicate names, two backends on one machine...): reported by the app's first host. */
  public collectProblems(): Problem[] {
    return reportsDaemonProblems(this) ? daemonProblems(this) : [];
  }

  /** Subclasses call this once their transport is set. */
  protected registerHost(): void {
    registerHost(this);
  }
}
