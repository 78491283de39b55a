/**
 * Jest fixture: real SSH hosts on one box. Each "machine" is a private LXD or Incus daemon in its own
 * network namespace with its own sshd (key-only logins as root, alice or bob, both with sudo), all on
 * one bridge in a hub namespace; tests run terraform, node and ssh from a workstation namespace on
 * the same bridge. The machines can form a cluster over the bridge (`core.https_address`
 * `SUBNET.N:8443`). The core is ./lib/ssh-lab.js (layout, teardown, watchdog, sweep).
 *
 * Login environment (checked by test/e2e/ssh-lab.test.ts): every session gets its machine's
 * LXD_DIR/LXD_CONF (INCUS_DIR/INCUS_CONF) and its own XDG_STATE_HOME from sshd's `SetEnv`; sudo keeps
 * them (`env_keep` in /etc/sudoers.d). Debian's sudo (1.9, `env_reset`) sets HOME to the target
 * user's: `sudo sh -s` as alice runs with HOME=/root, USER=root, and PATH = secure_path.
 *
 * sshd keeps its defaults, as a real host has them: MaxStartups 10:30:100 (connections not yet
 * authenticated beyond 10 are dropped at random) and MaxSessions 10 (sessions per connection, so per
 * ControlMaster: an 11th concurrent session is refused and ssh falls back to a fresh login). Several
 * `ControlMaster=auto` clients started at once with no master yet race: the losers print
 * "ControlSocket ... already exists, disabling multiplexing" and log in on their own.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { SshHostProps } from '../../../constructs/hosts/ssh-host';
import { shellCommand } from '../../../src/shell/quote';
import { daemonEnv, Flavor, parseQuery } from './lib/daemon';
import { importBusyboxSync } from './lib/image';
import * as core from './lib/ssh-lab';
import type { RunResult } from './lib/sh';
import { runAsync, RunAsyncOptions } from './lxd-daemon';
import { TerraformWorkdir } from './terraform';

export { INCUS, LXD } from './lib/daemon';
export type { LabMachineSpec } from './lib/ssh-lab';

/** What startSshLab builds. */
export interface SshLabOptions {
  /** Short name (the lab's id and namespaces are derived from it). */
  readonly name: string;
  /** First three octets of the hub's /24, e.g. `10.131.7`: machine N (from 1) is SUBNET.N, the workstation SUBNET.250. */
  readonly subnet: string;
  readonly machines: readonly core.LabMachineSpec[];
  /** Per daemon start. Default 30. */
  readonly timeoutSec?: number;
}

/** One machine of a running lab. */
export interface SshLabMachine {
  readonly name: string;
  readonly flavor: Flavor;
  /** Its address on the hub (sshd listens on port 22 there). */
  readonly address: string;
  /** `ADDRESS:8443`, the address to serve the cluster API on. */
  readonly clusterAddress: string;
  /** The network namespace of the daemon, its bridges and dnsmasq, and its sshd. */
  readonly netns: string;
  /** LXD_DIR / INCUS_DIR. */
  readonly dataDir: string;
  /** XDG_STATE_HOME of every ssh session on this machine (where the library's records go). */
  readonly stateHome: string;
  readonly sshdLog: string;
  readonly daemonLog: string;
  /** Environment for a client run here (root namespace) against this daemon: LXD_DIR/LXD_CONF or INCUS_*. */
  readonly env: NodeJS.ProcessEnv;
}

/** A machine, by name or object. */
export type MachineRef = string | SshLabMachine;

/** How to log in. */
export interface SshLoginOptions {
  /** Run the script with `sudo sh -s` instead of `sh -s`. Default false. */
  readonly sudo?: boolean;
  /** Extra `-o` options, added to (or overriding) sshOptions(). */
  readonly options?: Record<string, string>;
}

/** A running lab. */
export interface SshLab {
  readonly id: string;
  /** The lab's folder (keys, sshd configs and logs, state homes, control sockets). */
  readonly dir: string;
  readonly subnet: string;
  /** The namespace holding the hub bridge (`br0`). */
  readonly hubNetns: string;
  readonly workstation: { readonly netns: string; readonly address: string };
  readonly machines: readonly SshLabMachine[];
  /** Private key whose login works for root, alice and bob on every machine. */
  readonly identityFile: string;
  /** The client's private UserKnownHostsFile (host keys accepted on first use). */
  readonly knownHostsFile: string;
  /** A private folder for ControlPath sockets (short enough for `%C`). */
  readonly controlDir: string;
  /** Milliseconds the start took. */
  readonly startMs: number;
  machine(ref: MachineRef): SshLabMachine;
  /** `-o` options for the lab's client, as `SshHost.options`: accept-new into the private known_hosts, this key only. */
  sshOptions(extra?: Record<string, string>): Record<string, string>;
  /** Props for the library's `SshHost` reaching `machine` as `user`. */
  sshHost(machine: MachineRef, user: string, opts?: SshLoginOptions): SshHostProps;
  /** `ssh` argv up to and including `user@address` (BatchMode, options, key, port, `--`). */
  sshArgs(machine: MachineRef, user: string, options?: Record<string, string>): string[];
  /** A shell command line (for the workstation) that runs a script read from stdin on `machine`: a runner. */
  sshCommand(machine: MachineRef, user: string, opts?: SshLoginOptions): string;
  /** Run `script` on `machine` as `user` through real ssh from the workstation. Never rejects on a non-zero exit. */
  ssh(machine: MachineRef, user: string, script: string, opts?: SshLoginOptions & RunAsyncOptions): Promise<RunResult>;
  /** Run a command inside the workstation namespace. Never rejects on a non-zero exit. */
  inWorkstation(cmd: string, args: string[], opts?: RunAsyncOptions): Promise<RunResult>;
  /** TerraformWorkdir for `dir` whose terraform (and so its local-exec provisioners) runs in the workstation. */
  terraformIn(dir: string, env?: NodeJS.ProcessEnv): TerraformWorkdir;
  /** The machine's client (`lxc` or `incus`) with `args`, run locally against its daemon. Never rejects on a non-zero exit. */
  lxc(machine: MachineRef, args: string[], opts?: RunAsyncOptions): Promise<RunResult>;
  /** lxc() that rejects with stderr on failure and resolves to stdout. */
  lxcOk(machine: MachineRef, args: string[], opts?: RunAsyncOptions): Promise<string>;
  /** `client query PATH` parsed as JSON (an empty list is `[]`); rejects on error. */
  lxcJson<T = any>(machine: MachineRef, urlPath: string): Promise<T>;
  /** Import the offline busybox image into the machine's daemon under `alias` (default 'busybox'). */
  importBusybox(machine: MachineRef, alias?: string): Promise<void>;
  /** Stop the machine's daemon only (as a crash would): its netns, sshd, data and running instances stay. */
  stopDaemon(machine: MachineRef): Promise<void>;
  /** Start the machine's daemon again with the same data in the same netns (after stopDaemon). */
  startDaemon(machine: MachineRef): Promise<void>;
  /** Tear everything down (idempotent): daemons, sshds, namespaces, veths, files. Resolves to problems met. */
  stop(): Promise<string[]>;
}

/** The binaries a suite using the lab needs beyond the e2e defaults (the `extra` of describeE2E). */
export const SSH_LAB_BINARIES = ['ssh-keygen', 'sshd', 'ssh', 'sudo', 'visudo', 'useradd'];

// Labs started by this module instance and not stopped yet (for cleanupSshLabs). Each also has a
// detached watchdog that tears it down if this process dies first.
const live = new Map<string, core.LabRecord>();

/**
 * Start a lab (see the module comment). Also tears down labs left by processes that died. Resolves
 * once every daemon answers and every sshd listens.
 */
export async function startSshLab(opts: SshLabOptions): Promise<SshLab> {
  core.sweepStaleLabs();
  const rec = core.describeLab({
    name: opts.name,
    subnet: opts.subnet,
    machines: opts.machines,
    ownerPid: process.pid,
  });
  live.set(rec.id, rec);
  try {
    core.startLabSync(rec, { timeoutSec: opts.timeoutSec ?? 30 });
  } catch (e) {
    live.delete(rec.id);
    throw e;
  }
  const machines = rec.machines.map((m): SshLabMachine => {
    const d = core.machineDaemon(m);
    const flavor = core.flavorOfMachine(m);
    return {
      name: m.name,
      flavor,
      address: m.address,
      clusterAddress: `${m.address}:8443`,
      netns: m.netns,
      dataDir: String(d[flavor.dirKey]),
      stateHome: m.stateHome,
      sshdLog: m.sshd.log,
      daemonLog: d.logFile,
      env: daemonEnv(d),
    };
  });
  const machine = (ref: MachineRef) => {
    const name = typeof ref === 'string' ? ref : ref.name;
    const m = machines.find((x) => x.name === name);
    if (!m)
      throw new Error(`ssh lab ${rec.name}: no machine ${name} (machines: ${machines.map((x) => x.name).join(', ')})`);
    return m;
  };
  const record = (ref: MachineRef) => rec.machines.find((m) => m.name === machine(ref).name)!;
  const sshOptions = (extra: Record<string, string> = {}): Record<string, string> => ({
    StrictHostKeyChecking: 'accept-new',
    UserKnownHostsFile: rec.knownHostsFile,
    IdentitiesOnly: 'yes',
    LogLevel: 'ERROR',
    ConnectTimeout: '10',
    ...extra,
  });
  const sshArgs = (ref: MachineRef, user: string, options: Record<string, string> = {}) => {
    const o = sshOptions(options);
    return [
      'ssh',
      '-o',
      'BatchMode=yes',
      ...Object.keys(o)
        .sort()
        .flatMap((k) => ['-o', `${k}=${o[k]}`]),
      '-i',
      rec.identityFile,
      '-p',
      '22',
      '--',
      `${user}@${machine(ref).address}`,
    ];
  };
  const remote = (sudo?: boolean) => (sudo ? 'sudo sh -s' : 'sh -s');
  const inWorkstation = (cmd: string, args: string[], o: RunAsyncOptions = {}) =>
    runAsync('ip', ['netns', 'exec', rec.workstation.netns, cmd, ...args], o);
  const lxc = (ref: MachineRef, args: string[], o: RunAsyncOptions = {}) => {
    const m = machine(ref);
    return runAsync(m.flavor.client, args, { ...o, env: o.env ?? m.env });
  };
  const lxcOk = async (ref: MachineRef, args: string[], o: RunAsyncOptions = {}) => {
    const r = await lxc(ref, args, o);
    if (r.code !== 0)
      throw new Error(
        `${machine(ref).flavor.client} ${args.join(' ')} on ${machine(ref).name} failed (exit ${r.code}): ${r.stderr.trim()}`,
      );
    return r.stdout;
  };
  return {
    id: rec.id,
    dir: rec.dir,
    subnet: rec.subnet,
    hubNetns: rec.hubNetns,
    workstation: rec.workstation,
    machines,
    identityFile: rec.identityFile,
    knownHostsFile: rec.knownHostsFile,
    controlDir: rec.controlDir,
    startMs: rec.startMs ?? 0,
    machine,
    sshOptions,
    sshHost: (ref, user, o = {}) => ({
      address: machine(ref).address,
      user,
      port: 22,
      identityFile: rec.identityFile,
      options: sshOptions(o.options),
      sudo: o.sudo ?? false,
      backend: machine(ref).flavor.kind,
    }),
    sshArgs,
    sshCommand: (ref, user, o = {}) => `${shellCommand(sshArgs(ref, user, o.options))} ${remote(o.sudo)}`,
    ssh: (ref, user, script, o = {}) => {
      const [cmd, ...args] = sshArgs(ref, user, o.options);
      return inWorkstation(cmd, [...args, remote(o.sudo)], { ...o, input: script });
    },
    inWorkstation,
    terraformIn: (dir, env = process.env) =>
      new TerraformWorkdir(dir, env, ['ip', 'netns', 'exec', rec.workstation.netns]),
    lxc,
    lxcOk,
    async lxcJson(ref: MachineRef, urlPath: string) {
      return parseQuery(machine(ref).flavor, await lxcOk(ref, ['query', urlPath]));
    },
    async importBusybox(ref, alias = 'busybox') {
      importBusyboxSync(machine(ref).env, alias, machine(ref).flavor.client);
    },
    async stopDaemon(ref) {
      const problems = core.haltMachineSync(record(ref));
      if (problems.length) throw new Error(problems.join('\n'));
    },
    async startDaemon(ref) {
      core.resumeMachineSync(record(ref));
    },
    async stop() {
      if (!live.delete(rec.id)) return [];
      return core.stopRecordSync(rec);
    },
  };
}

/** Tear down every lab this process started and has not stopped (use in afterAll). */
export async function cleanupSshLabs(): Promise<string[]> {
  const problems: string[] = [];
  for (const rec of [...live.values()]) {
    live.delete(rec.id);
    problems.push(...core.stopRecordSync(rec));
  }
  return problems;
}

/** What a lab leaves on the box while it runs (namespaces, files, processes), to check that stop() removed it. */
export function labTraces(lab: SshLab): string[] {
  const traces: string[] = [];
  const namespaces = [lab.workstation.netns, lab.hubNetns, ...lab.machines.map((m) => m.netns)];
  for (const ns of namespaces) if (fs.existsSync(`/run/netns/${ns}`)) traces.push(`netns ${ns}`);
  for (const p of [lab.dir, `${lab.dir}.json`, ...lab.machines.flatMap((m) => [m.dataDir, `${m.dataDir}.json`])]) {
    if (fs.existsSync(p)) traces.push(`file ${p}`);
  }
  // A process whose command line names one of the lab's folders (daemons, sshds, watchdog, masters).
  const marks = [lab.dir, lab.id, ...lab.machines.map((m) => m.dataDir)];
  for (const pid of fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    let cmdline = '';
    try {
      cmdline = fs.readFileSync(path.join('/proc', pid, 'cmdline'), 'utf8').replace(/\0/g, ' ');
    } catch {
      continue;
    }
    if (Number(pid) !== process.pid && marks.some((m) => cmdline.includes(m)))
      traces.push(`process ${pid}: ${cmdline.trim()}`);
  }
  return traces;
}
