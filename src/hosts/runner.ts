import { shellCommand, shq } from '../shell/quote';

/**
 * How a script reaches the machine it must run on. Every runner reads the
 * script from stdin (`sh -s`), so no script text is ever re-parsed by an
 * intermediate shell (ssh, multipass) and no secret appears in a command line.
 */
export type HostRunner =
  | { readonly kind: 'local'; readonly sudo: boolean }
  | { readonly kind: 'multipass'; readonly name: string; readonly sudo: boolean }
  | {
      readonly kind: 'ssh';
      readonly user?: string;
      readonly address: string;
      readonly port: number;
      readonly identityFile?: string;
      readonly options: Record<string, string>;
      readonly sudo: boolean;
      /** Jump hosts, `[user@]host[:port]` separated by commas: ssh's `-J`. */
      readonly proxyJump?: string;
    }
  /** Inside an LXD instance on the parent machine: `lxc exec INSTANCE -- sh -s` run there (as root). */
  | { readonly kind: 'lxd-exec'; readonly parent: HostRunner; readonly instance: string; readonly client?: string };

/** The environment variable that carries the script into the local-exec command. */
export const SCRIPT_ENV = 'CDKTF_LAB_SCRIPT';

const shell = (sudo: boolean) => (sudo ? ['sudo', 'sh', '-s'] : ['sh', '-s']);

/** The command that runs a script read from stdin on the runner's machine. */
export function runnerCommand(r: HostRunner): string {
  return onMachine(r, r.kind === 'lxd-exec' ? shell(false) : shell(r.sudo));
}

/**
 * The local command line that runs the fixed word list `words` on the runner's machine,
 * stdin passed through. Each hop quotes the words for the next shell; no script text is in them.
 */
function onMachine(r: HostRunner, words: readonly string[]): string {
  switch (r.kind) {
    case 'local':
      return shellCommand(words);
    case 'multipass':
      return shellCommand(['multipass', 'exec', r.name, '--', ...words]);
    case 'ssh': {
      const opts = Object.keys(r.options).sort().flatMap((k) => ['-o', `${k}=${r.options[k]}`]);
      const identity = r.identityFile ? ['-i', r.identityFile] : [];
      const jump = r.proxyJump ? ['-J', r.proxyJump] : [];
      const target = r.user ? `${r.user}@${r.address}` : r.address;
      // The remote command is one fixed word list: ssh joins it for the remote shell.
      return [shellCommand(['ssh', '-o', 'BatchMode=yes', ...opts, ...identity, ...jump, '-p', String(r.port), '--', target]), shq(shellCommand(words))].join(' ');
    }
    case 'lxd-exec': {
      // `lxc` runs on the parent machine (with its sudo); -T: no pseudo-terminal, stdin is the script.
      const sudo = r.parent.kind !== 'lxd-exec' && r.parent.sudo ? ['sudo'] : [];
      return onMachine(r.parent, [...sudo, r.client ?? 'lxc', 'exec', '-T', r.instance, '--', ...words]);
    }
  }
}

/** The local-exec command line: pipe the script (from the environment) into the runner. */
export function execCommand(r: HostRunner): string {
  return `printf '%s\\n' "$${SCRIPT_ENV}" | ${runnerCommand(r)}`;
}

/** A stable identity of the machine behind a runner, used to detect cross-host references. */
export function runnerIdentity(r: HostRunner): string {
  switch (r.kind) {
    case 'local':
      return 'local';
    case 'multipass':
      return `multipass:${r.name}`;
    case 'ssh':
      return `ssh:${r.user ?? ''}@${r.address}:${r.port}`;
    case 'lxd-exec':
      return `${runnerIdentity(r.parent)}/lxd:${r.instance}`;
  }
}
