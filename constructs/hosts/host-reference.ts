import { Construct } from 'constructs';
import { ITerraformDependable } from '../core/cdk';
import { LxdRemote } from '../../src/hosts/lxd-remote';
import { HostRunner } from '../../src/hosts/runner';
import { DaemonHost } from '../core/daemons';
import { BackendName } from '../../src/lxd/backend';
import { dependablesIn } from '../core/cross-stack';
import { IHost, runnerOf, daemonHost } from '../core/host';
import { minLxdVersionChecks } from './private/lxd-version';
import { renderingOf } from '../render/rendering';
import { readProps } from '../core/input';
import { checkProps } from '../../src/validation/props';
import { HostBase } from './private/host-base';

export { dependablesIn, inStackOf } from '../core/cross-stack';

/** Props of {@link HostReference}. */
export interface HostReferenceProps {
  /** The host, usually declared in another stack. */
  readonly host: IHost;
  /** Other objects (of any stack) to wait for, e.g. a bridge's `ready`. @default [] */
  readonly after?: ITerraformDependable[];
  /**
   * The host's LXD API as seen from this stack, for provider rendering; its address may
   * reference the other stack (e.g. `https://${vm.ipv4Address}:8443`). @default - the host's own
   */
  readonly lxdRemote?: LxdRemote;
}

/**
 * A host declared in another stack, used in this one: the same machine (same runner), with a
 * `ready` that is a local anchor referencing the other stack's objects. Constructs on it then
 * depend on the anchor, and cdktf deploys the other stack first (`cdktf deploy '*'`).
 *
 * @example
 * const vmHere = new HostReference(pxeStack, 'vm', { host: labVm, after: labBridge.ready });
 * const br = Bridge.fromBridgeAttributes(pxeStack, 'br', { host: vmHere, networkName: labBridge.networkName, ipv4Cidr: labBridge.ipv4Cidr });
 */
export class HostReference extends HostBase {
  /** @internal */
  public readonly _runner: HostRunner;
  /** @internal */
  public readonly _daemonParent: DaemonHost['_daemonParent'];
  public readonly ready: ITerraformDependable[];
  public readonly lxdRemote?: LxdRemote;
  /** Changes when the referenced objects are replaced. @default - none (same stack) */
  public readonly generation?: string;
  /** The host this refers to. */
  public readonly target: IHost;
  public readonly backend: BackendName;
  /** The referenced host's. @default - the referenced host's (unknown when it declares none) */
  public readonly minLxdVersion?: string;

  constructor(scope: Construct, id: string, props: HostReferenceProps) {
    super(scope, id);
    props = readProps(this.node.path, props);
    this.target = props.host;
    this._daemonParent = { kind: 'same', host: daemonHost(props.host) };
    this._runner = runnerOf(props.host);
    this.backend = props.host.backend ?? 'lxd';
    this.lxdRemote = props.lxdRemote ?? props.host.lxdRemote;
    this.minLxdVersion = props.host.minLxdVersion;
    checkProps(this.node.path, minLxdVersionChecks(this.minLxdVersion, this.backend, props.lxdRemote));
    const anchored = dependablesIn(this, 'ready', [...props.host.ready, ...(props.after ?? [])], 'after');
    this.ready = anchored.ready;
    this.generation = anchored.generation;
    this.registerHost();
    renderingOf(this).trackHost(this);
  }
}
