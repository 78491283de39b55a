import { Construct } from 'constructs';
import { ITerraformDependable } from '../core/cdk';
import { HostRunner } from '../../src/hosts/runner';
import { DaemonHost } from '../core/daemons';
import { IContainer } from '../lxd/container';
import { BackendName } from '../../src/lxd/backend';
import { backendOf, runnerOf, daemonHost } from '../core/host';
import { dependablesIn } from './host-reference';
import { minLxdVersionChecks } from './private/lxd-version';
import { renderingOf } from '../render/rendering';
import { readProps } from '../core/input';
import { checkProps } from '../../src/validation/props';
import { HostBase } from './private/host-base';

/** Props of {@link ContainerHost}. */
export interface ContainerHostProps {
  /** The LXD container to run scripts in (declared, or imported with `Container.fromContainerName`). */
  readonly container: IContainer;
  /** The daemon inside the container, for objects declared on this host. @default 'lxd' */
  readonly backend?: BackendName;
  /**
   * The oldest LXD version the host runs, `MAJOR.MINOR` as `lxd --version` prints it (e.g. `'5.0'`,
   * `'5.21'`, `'6.1'`): from 6.1 on a trust password (`core.trust_password`, a cluster join password, the
   * `lxdRemote`'s password) is refused at synth. LXD hosts only.
   * @default - unknown: a script that would use a trust password reads the version at deploy time and stops on LXD 6.1 or later
   */
  readonly minLxdVersion?: string;
}

/**
 * An LXD container used as a host: scripts run inside it, as root, through its parent host
 * (`lxc exec NAME -T -- sh -s` on the parent, the script on stdin). Ready once the container is.
 * The container may be declared in another stack: its readiness is then referenced across stacks.
 *
 * @example
 * const mb = new Container(stack, 'matchbox', { host: vm, image: 'ubuntu:22.04', nics: [{ bridge, ipv4Address: '10.20.0.2' }] });
 * new MatchboxServer(stack, 'server', { host: new ContainerHost(stack, 'mb-host', { container: mb }), ... });
 */
export class ContainerHost extends HostBase {
  /** @internal */
  public readonly _runner: HostRunner;
  /** @internal */
  public readonly _daemonParent: DaemonHost['_daemonParent'];
  public readonly ready: ITerraformDependable[];
  public readonly backend: BackendName;
  /** The oldest LXD version the host runs, as declared. @default - unknown */
  public readonly minLxdVersion?: string;
  /** The container. */
  public readonly container: IContainer;
  /**
   * A value that changes when the container is replaced (a fresh root filesystem): objects
   * inside it put it in their settings so that they converge again.
   */
  public readonly generation?: string;

  constructor(scope: Construct, id: string, props: ContainerHostProps) {
    super(scope, id);
    props = readProps(this.node.path, props);
    this.container = props.container;
    this.backend = props.backend ?? 'lxd';
    this._daemonParent = { kind: 'instance', host: daemonHost(props.container.host) };
    this.minLxdVersion = props.minLxdVersion;
    checkProps(this.node.path, minLxdVersionChecks(props.minLxdVersion, this.backend));
    this._runner = {
      kind: 'lxd-exec',
      parent: runnerOf(props.container.host),
      instance: props.container.containerName,
      client: backendOf(props.container.host).client,
    };
    const anchored = dependablesIn(this, 'ready', props.container.ready, 'container');
    this.ready = anchored.ready;
    this.registerHost();
    renderingOf(this).trackHost(this);
    this.generation = anchored.generation ?? firstId(props.container.ready);
  }
}

/** The `id` of the first resource among `deps` (the container's `object`, replaced with it). */
function firstId(deps: readonly ITerraformDependable[]): string | undefined {
  const r = deps.find(
    (d): d is ITerraformDependable & { getStringAttribute(a: string): string } =>
      typeof (d as { getStringAttribute?: unknown }).getStringAttribute === 'function',
  );
  return r?.getStringAttribute('id');
}
