import { Construct } from 'constructs';
import { ITerraformDependable } from '../core/cdk';
import { LxdRemote } from '../../src/hosts/lxd-remote';
import { HostRunner } from '../../src/hosts/runner';
import { BackendName } from '../../src/lxd/backend';
import { assertValid, Verdict } from '../../src/validation/errors';
import { HostBase } from './host';
import { hostMinLxdVersion } from './lxd-version';
import { renderingOf } from '../render/rendering';
import { assertBooleans, readProps } from '../core/input';

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

const word = (what: string, pattern: RegExp, example: string) => (v: unknown): Verdict | undefined =>
  typeof v === 'string' && pattern.test(v) ? undefined : { reason: `not a valid ${what}`, fix: `use e.g. ${example}` };

/** One jump host of `-J`: `[user@]host[:port]`, the host a name, an IPv4 address or an IPv6 address in brackets. */
const JUMP_HOP = /^([A-Za-z_][A-Za-z0-9_.-]*@)?([A-Za-z0-9][A-Za-z0-9.-]*|\[[0-9A-Fa-f:.]+\])(:(\d{1,5}))?$/;

/** Rule: ssh's `-J` value, jump hosts separated by commas. */
function checkProxyJump(value: unknown): Verdict | undefined {
  const hops = typeof value === 'string' ? value.split(',') : [];
  const bad = typeof value !== 'string' ? String(value) : hops.find((h) => {
    const m = JUMP_HOP.exec(h);
    return !m || (m[4] !== undefined && !(Number(m[4]) >= 1 && Number(m[4]) <= 65535));
  });
  return bad === undefined ? undefined : {
    reason: `${JSON.stringify(bad)} is not a jump host ([user@]host[:port])`,
    fix: 'use e.g. admin@bastion.example.com or bastion:2222; separate several jump hosts with commas, without spaces',
  };
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
    assertBooleans(path, props, ['sudo']);
    this.lxdRemote = props.lxdRemote;
    this.backend = props.backend ?? 'lxd';
    this.minLxdVersion = hostMinLxdVersion(path, props.minLxdVersion, this.backend, props.lxdRemote);
    assertValid(path, 'address', props.address, word('host name or address', /^[A-Za-z0-9][A-Za-z0-9.:-]*$/, '10.0.0.5 or lxd01.example.com')(props.address));
    if (props.user !== undefined) assertValid(path, 'user', props.user, word('user name', /^[A-Za-z_][A-Za-z0-9_.-]*$/, 'ubuntu')(props.user));
    const port = props.port ?? 22;
    assertValid(path, 'port', port, Number.isInteger(port) && port > 0 && port < 65536 ? undefined : { reason: 'not a TCP port', fix: 'use 1-65535' });
    for (const k of Object.keys(props.options ?? {})) {
      assertValid(path, 'options', k, word('ssh option name', /^[A-Za-z][A-Za-z0-9]*$/, 'StrictHostKeyChecking')(k));
      assertValid(path, `options.${k}`, k, ['match', 'host', 'include'].includes(k.toLowerCase()) ? {
        reason: `${k} is a block of ssh_config, which ssh refuses on the command line ("directive not supported as a command-line option")`,
        fix: `put the ${k} block in ~/.ssh/config on the deploying machine, or set the options it would apply directly`,
      } : undefined);
      assertValid(path, `options.${k}`, k, props.proxyJump !== undefined && k.toLowerCase() === 'proxyjump'
        ? { reason: 'proxyJump is set too', fix: 'set the jump hosts once, with proxyJump' } : undefined);
    }
    if (props.proxyJump !== undefined) assertValid(path, 'proxyJump', props.proxyJump, checkProxyJump(props.proxyJump));
    this._runner = {
      kind: 'ssh', address: props.address, user: props.user, port, identityFile: props.identityFile,
      options: props.options ?? {}, sudo: props.sudo ?? false,
      ...(props.proxyJump === undefined ? {} : { proxyJump: props.proxyJump }),
    };
    this.registerHost();
    renderingOf(this).trackHost(this);
  }
}
