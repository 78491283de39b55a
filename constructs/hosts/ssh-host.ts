import { Construct } from 'constructs';
import { ITerraformDependable } from '../core/cdk';
import { LxdRemote } from '../../src/hosts/lxd-remote';
import { HostRunner } from '../../src/hosts/runner';
import { BackendName } from '../../src/lxd/backend';
import {
  checkProxyJump,
  checkSshAddress,
  checkSshOptionName,
  checkSshOptionUse,
  checkSshUser,
} from '../../src/hosts/ssh';
import { booleans, check, checkProps, checkRequired, Checks } from '../../src/validation/props';
import { tcpPort } from '../../src/validation/rules';
import { minLxdVersionChecks } from './private/lxd-version';
import { renderingOf } from '../render/rendering';
import { readProps } from '../core/input';
import { HostBase } from './private/host-base';

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
  /**
   * Extra `-o Key=Value` options, e.g. `{ StrictHostKeyChecking: 'accept-new' }`.
   *
   * Options are trusted input, like the code of the app: they configure the ssh client on the
   * deploying machine, and some of them run commands or load code there. `ProxyCommand`,
   * `LocalCommand` (with `PermitLocalCommand: 'yes'`) and `KnownHostsCommand` execute a command
   * on the deploying machine; `PKCS11Provider` and `SecurityKeyProvider` load a shared library into
   * ssh. Never build them from values you do not control. `Match`, `Host` and `Include` are
   * refused at synth (ssh refuses them on the command line). To reach a host behind a bastion,
   * use {@link SshHostProps.proxyJump}.
   * @default {}
   */
  readonly options?: Record<string, string>;
  /**
   * Jump hosts (a bastion) to reach the host through: ssh's `-J`, `[user@]host[:port]`, several
   * separated by commas (`admin@bastion.example.com,10.0.0.1:2222`). ssh connects to each jump
   * host in turn and tunnels to the next; no command runs on them. Typical for the private side
   * of a Matchbox server or a lab network. The command-line options (`identityFile`, `options`,
   * `BatchMode`) apply to the destination only: the jump hosts authenticate with the deploying
   * machine's ssh agent, default keys or `~/.ssh/config`, and their host keys must be known there.
   * @default - a direct connection
   */
  readonly proxyJump?: string;
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

/**
 * An existing machine reached over ssh (BatchMode: keys or agent, never a password prompt),
 * directly or through jump hosts ({@link SshHostProps.proxyJump}).
 */
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
    const path = this.node.path;
    props = readProps(path, props);
    this.lxdRemote = props.lxdRemote;
    this.backend = props.backend ?? 'lxd';
    this.minLxdVersion = props.minLxdVersion;
    const port = props.port ?? 22;
    checkProps(path, sshHostChecks(props, this.backend, port));
    this._runner = {
      kind: 'ssh',
      address: props.address,
      user: props.user,
      port,
      identityFile: props.identityFile,
      options: props.options ?? {},
      sudo: props.sudo ?? false,
      ...(props.proxyJump === undefined ? {} : { proxyJump: props.proxyJump }),
    };
    this.registerHost();
    renderingOf(this).trackHost(this);
  }
}

/** The checks of an ssh host's props (`port` with its default). */
function sshHostChecks(props: SshHostProps, backend: BackendName, port: number): Checks {
  return [
    booleans(props, ['sudo']),
    minLxdVersionChecks(props.minLxdVersion, backend, props.lxdRemote),
    checkRequired('address', props.address, checkSshAddress),
    check('user', props.user, checkSshUser),
    checkRequired('port', port, tcpPort),
    Object.keys(props.options ?? {}).flatMap((k) => [
      checkRequired('options', k, checkSshOptionName),
      checkRequired(`options.${k}`, k, checkSshOptionUse(props.proxyJump !== undefined)),
    ]),
    check('proxyJump', props.proxyJump, checkProxyJump),
  ];
}
