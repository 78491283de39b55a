import { Construct } from 'constructs';
import { ITerraformDependable } from '../core/cdk';
import { LxdRemote } from '../../src/hosts/lxd-remote';
import { HostRunner } from '../../src/hosts/runner';
import { BackendName } from '../../src/lxd/backend';
import { assertValid, Verdict } from '../../src/validation/errors';
import { HostBase } from './host';
import { hostMinLxdVersion } from './lxd-version';
import { renderingOf } from '../render/rendering';

/** Props of {@link SshHost}. */
export interface SshHostProps {
  /** The host's LXD API for `provider` rendering. @default - none (required by provider rendering) */
  readonly lxdRemote?: LxdRemote;
  /** Host name or IP address. */
  readonly address: string;
  /** The SSH login user. @default - ssh's default (current user or ~/.ssh/config) */
  readonly user?: string;
  /** The SSH port. @default 22 */
  readonly port?: number;
  /** Private key file on the deploying machine. @default - ssh's default keys / agent */
  readonly identityFile?: string;
  /** Extra `-o Key=Value` options, e.g. `{ StrictHostKeyChecking: 'accept-new' }`. @default {} */
  readonly options?: Record<string, string>;
  /** Run the commands with sudo on the host. @default false */
  readonly sudo?: boolean;
  /** The daemon on that machine: `lxd` or `incus`. @default 'lxd' */
  readonly backend?: BackendName;
  /**
   * The oldest LXD version the host runs, `MAJOR.MINOR` as `lxd --version` prints it (e.g. `'5.0'`,
   * `'5.21'`, `'6.1'`): from 6.1 on a trust password (`core.trust_password`, a cluster join password, the
   * `lxdRemote`'s password) is refused at synth. LXD hosts only.
   * @default - unknown: a script that would use a trust password reads the version at deploy time and stops on LXD 6.1 or later
   */
  readonly minLxdVersion?: string;
}

const word = (what: string, pattern: RegExp, example: string) => (v: unknown): Verdict | undefined =>
  typeof v === 'string' && pattern.test(v) ? undefined : { reason: `not a valid ${what}`, fix: `use e.g. ${example}` };

/** An existing machine reached over ssh (BatchMode: keys or agent, never a password prompt). */
export class SshHost extends HostBase {
  /** @internal */
  public readonly _runner: HostRunner;
  public readonly lxdRemote?: LxdRemote;
  public readonly ready: ITerraformDependable[] = [];
  public readonly backend: BackendName;
  /** The oldest LXD version the host runs, as declared. @default - unknown */
  public readonly minLxdVersion?: string;

  constructor(scope: Construct, id: string, props: SshHostProps) {
    super(scope, id);
    this.lxdRemote = props.lxdRemote;
    this.backend = props.backend ?? 'lxd';
    const path = this.node.path;
    this.minLxdVersion = hostMinLxdVersion(path, props.minLxdVersion, this.backend, props.lxdRemote);
    assertValid(path, 'address', props.address, word('host name or address', /^[A-Za-z0-9][A-Za-z0-9.:-]*$/, '10.0.0.5 or lxd01.example.com')(props.address));
    if (props.user !== undefined) assertValid(path, 'user', props.user, word('user name', /^[A-Za-z_][A-Za-z0-9_.-]*$/, 'ubuntu')(props.user));
    const port = props.port ?? 22;
    assertValid(path, 'port', port, Number.isInteger(port) && port > 0 && port < 65536 ? undefined : { reason: 'not a TCP port', fix: 'use 1-65535' });
    for (const k of Object.keys(props.options ?? {})) {
      assertValid(path, 'options', k, word('ssh option name', /^[A-Za-z][A-Za-z0-9]*$/, 'StrictHostKeyChecking')(k));
    }
    this._runner = {
      kind: 'ssh', address: props.address, user: props.user, port, identityFile: props.identityFile,
      options: props.options ?? {}, sudo: props.sudo ?? false,
    };
    renderingOf(this).trackHost(this);
  }
}
