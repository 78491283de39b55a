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

/**
 * Every command to one ssh machine shares one connection (sshd drops logins beyond its
 * `MaxStartups`, 10 at a time by default, and Terraform runs 10 commands at once). The socket
 * is in the deploying user's private ~/.ssh; `%C` hashes host, port, user and jump host.
 * A host's own `Control*` options replace these.
 */
export const SSH_MULTIPLEX: Readonly<Record<string, string>> = {
  ControlMaster: 'auto',
  ControlPersist: '60',
  ControlPath: '~/.ssh/cdktf-lxd-matchbox-%C',
};

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
      const multiplexed = !Object.keys(r.options).some((k) => /^control/i.test(k));
      const options: Record<string, string> = multiplexed ? { ...SSH_MULTIPLEX, ...r.options } : r.options;
      const opts = Object.keys(options)
        .sort()
        .flatMap((k) => ['-o', `${k}=${options[k]}`]);
      const identity = r.identityFile ? ['-i', r.identityFile] : [];
      const jump = r.proxyJump ? ['-J', r.proxyJump] : [];
      const target = r.user ? `${r.user}@${r.address}` : r.address;
      const ssh = shellCommand([
        'ssh',
        '-o',
        'BatchMode=yes',
        ...opts,
        ...identity,
        ...jump,
        '-p',
        String(r.port),
        '--',
        target,
      ]);
      // The remote command is one fixed word list: ssh joins it for the remote shell.
      const command = `${ssh} ${shq(shellCommand(words))}`;
      // ssh does not create the socket's folder.
      return multiplexed ? `{ mkdir -p -m 700 ~/.ssh && ${command}; }` : command;
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
