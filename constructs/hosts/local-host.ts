import { Construct } from 'constructs';
import { ITerraformDependable } from '../core/cdk';
import { LxdRemote } from '../../src/hosts/lxd-remote';
import { HostRunner } from '../../src/hosts/runner';
import { BackendName } from '../../src/lxd/backend';
import { minLxdVersionChecks } from './private/lxd-version';
import { renderingOf } from '../render/rendering';
import { readProps } from '../core/input';
import { booleans, checkProps } from '../../src/validation/props';
import { HostBase } from './private/host-base';

/** Props of {@link LocalHost}. */
export interface LocalHostProps {
  /** The host's LXD API for `provider` rendering. @default unix:// (the local socket) */
  readonly lxdRemote?: LxdRemote;
  /** Run the commands with sudo. @default false */
  readonly sudo?: boolean;
  /** The daemon on this machine: `lxd` or `incus`. @default 'lxd' */
  readonly backend?: BackendName;
  /**
   * The oldest LXD version the host runs, `MAJOR.MINOR` as `lxd --version` prints it (e.g. `'5.0'`,
   * `'5.21'`, `'6.1'`): from 6.1 on a trust password (`core.trust_password`, a cluster join password, the
   * `lxdRemote`'s password) is refused at synth. LXD hosts only.
   * @default - unknown: a script that would use a trust password reads the version at deploy time and stops on LXD 6.1 or later
   */
  readonly minLxdVersion?: string;
}

/** The machine that runs terraform: commands run there directly. */
export class LocalHost extends HostBase {
  /** @internal */
  public readonly _runner: HostRunner;
  public readonly lxdRemote?: LxdRemote;
  public readonly ready: ITerraformDependable[] = [];
  public readonly backend: BackendName;
  /** The oldest LXD version the host runs, as declared. @default - unknown */
  public readonly minLxdVersion?: string;

  constructor(scope: Construct, id: string, props: LocalHostProps = {}) {
    super(scope, id);
    props = readProps(this.node.path, props);
    this.lxdRemote = props.lxdRemote ?? { address: 'unix://' };
    this._runner = { kind: 'local', sudo: props.sudo ?? false };
    this.backend = props.backend ?? 'lxd';
    this.minLxdVersion = props.minLxdVersion;
    checkProps(this.node.path, [
      booleans(props, ['sudo']),
      minLxdVersionChecks(props.minLxdVersion, this.backend, this.lxdRemote),
    ]);
    this.registerHost();
    renderingOf(this).trackHost(this);
  }
}
