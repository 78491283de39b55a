/**
 * Jest fixture: a private LXD daemon in its own network namespace with its own LXD_DIR, and the
 * flavor-independent fixture it is one binding of (./incus-daemon.ts is the other: a private Incus
 * daemon). The heavy lifting is in ./lib/daemon.js (shared with the multipass stand-in).
 */
import { spawn } from 'child_process';
import * as core from './lib/daemon';
import { importBusyboxSync } from './lib/image';
import type { RunResult } from './lib/sh';

export type { RunResult } from './lib/sh';
export type { ResetWhat } from './lib/daemon';

/** Options for async command helpers. */
export interface RunAsyncOptions {
  /** Text fed to the command's stdin. */
  input?: string;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Kill the command (SIGKILL) after this many ms; code is then 137. Default 120 s. */
  timeoutMs?: number;
}

/** What a running private daemon offers, whatever its flavor. */
export interface DaemonFixture {
  readonly name: string;
  readonly id: string;
  /** Network namespace the daemon (its bridges, dnsmasq, proxies, nftables) lives in. */
  readonly netns: string;
  readonly logFile: string;
  /** Milliseconds from creating the netns to the daemon answering `waitready`. */
  readonly startMs: number;
  /** Environment for child processes: process.env plus LXD_DIR and LXD_CONF (INCUS_DIR, INCUS_CONF). */
  readonly env: NodeJS.ProcessEnv;
  /** Run a command inside the daemon's netns with this daemon's env. */
  inNetns(cmd: string, args: string[], opts?: RunAsyncOptions): Promise<RunResult>;
  /** Import the offline busybox image (./lib/image.js) under `alias` (default 'busybox'); idempotent. */
  importBusybox(alias?: string): Promise<void>;
  /** Remove objects (see ResetWhat) so the daemon is as new; resolves to problems met. */
  reset(what?: core.ResetWhat): Promise<string[]>;
  /** Tear everything down (idempotent). `reset` first deletes the listed object kinds. */
  stop(opts?: { reset?: core.ResetWhat }): Promise<string[]>;
}

/**
 * The client methods of a flavor whose client is `C` (`lxc`, `incus`): `C(ARGS)` runs `C ARGS` and
 * never rejects for a non-zero exit; `COk(ARGS)` rejects with stderr if it fails, else resolves to
 * stdout; `CJson(PATH)` is `C query PATH` parsed as JSON (e.g. '/1.0/networks/br0'; an empty list is
 * `[]`) and rejects on error. `D` is the data dir's field (`lxdDir`, `incusDir`).
 */
export type FlavoredDaemon<C extends string, D extends string> = DaemonFixture & { readonly [K in D]: string } & {
  readonly [K in C]: (args: string[], opts?: RunAsyncOptions) => Promise<RunResult>;
} & { readonly [K in `${C}Ok`]: (args: string[], opts?: RunAsyncOptions) => Promise<string> } & {
  readonly [K in `${C}Json`]: <T = any>(path: string) => Promise<T>;
};

/** A running private LXD daemon: `lxdDir`, `lxc`, `lxcOk`, `lxcJson` besides DaemonFixture. */
export type LxdDaemon = FlavoredDaemon<'lxc', 'lxdDir'>;

/** Spawn a command asynchronously, collecting output; never rejects for a non-zero exit. */
export function runAsync(cmd: string, args: string[], opts: RunAsyncOptions = {}): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { env: opts.env ?? process.env, cwd: opts.cwd, stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 120000);
    child.stdout.on('data', (b) => (stdout += b));
    child.stderr.on('data', (b) => (stderr += b));
    child.on('error', (e) => {
      clearTimeout(timer);
      resolve({ stdout, stderr: stderr + e.message, code: 127 });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ stdout, stderr, code: code ?? (signal === 'SIGKILL' ? 137 : 1) });
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(opts.input ?? '');
  });
}

// Daemons started by this module instance and not yet stopped (for cleanupAll / cleanupAllIncus).
// Safety net when a test file forgets afterAll(cleanupAll) or its process dies: every daemon has a
// detached watchdog (lib/watchdog.js) that tears it down once this process is gone. A
// process.on('exit') hook would not do: jest's sandboxed `process` never emits 'exit'.
const live = new Map<string, core.DaemonRecordBase>();

/**
 * Start a private daemon of `flavor` named after `name` (a short unique id is derived from it).
 * Also sweeps daemons of that flavor left behind by fixture processes that died. Resolves when the
 * daemon answers. It is owned by this process: if it exits without stop()/cleanupDaemons(), a
 * watchdog removes the daemon within about a second.
 */
export async function startDaemon<C extends string, D extends string>(
  flavor: core.Flavor<C, D>,
  opts: { name: string; timeoutSec?: number },
): Promise<FlavoredDaemon<C, D>> {
  core.sweepStale(flavor);
  const rec = core.describeDaemon(core.makeId(flavor.idPrefix, opts.name), { ownerPid: process.pid }, flavor);
  live.set(rec.id, rec);
  try {
    core.startDaemonSync(rec, { timeoutSec: opts.timeoutSec ?? 30 });
  } catch (e) {
    live.delete(rec.id);
    throw e;
  }
  const env = core.daemonEnv(rec);
  const client = flavor.client;
  const run = (args: string[], o: RunAsyncOptions = {}) => runAsync(client, args, { ...o, env: o.env ?? env });
  const fixture: DaemonFixture = {
    name: opts.name,
    id: rec.id,
    netns: rec.netns,
    logFile: rec.logFile,
    startMs: rec.startMs ?? 0,
    env,
    inNetns: (cmd, args, o = {}) =>
      runAsync('ip', ['netns', 'exec', rec.netns, cmd, ...args], { ...o, env: o.env ?? env }),
    async importBusybox(alias = 'busybox') {
      importBusyboxSync(env, alias, client);
    },
    async reset(what = { instances: true, profiles: true, images: false, networks: true, pools: true }) {
      return core.resetDaemonSync(rec, what);
    },
    async stop(o = {}) {
      live.delete(rec.id);
      return core.stopDaemonSync(rec, { reset: o.reset });
    },
  };
  const methods = {
    [flavor.dirKey]: rec[flavor.dirKey],
    [client]: run,
    async [`${client}Ok`](args: string[], o?: RunAsyncOptions) {
      const r = await run(args, o);
      if (r.code !== 0) throw new Error(`${client} ${args.join(' ')} failed (exit ${r.code}): ${r.stderr.trim()}`);
      return r.stdout;
    },
    async [`${client}Json`](path: string) {
      const r = await run(['query', path]);
      if (r.code !== 0) throw new Error(`${client} query ${path} failed: ${r.stderr.trim()}`);
      return core.parseQuery(flavor, r.stdout);
    },
  };
  return { ...fixture, ...methods } as FlavoredDaemon<C, D>;
}

/** Stop every daemon of `flavor` this process started and has not stopped yet. */
export async function cleanupDaemons(flavor: core.Flavor): Promise<string[]> {
  const problems: string[] = [];
  for (const d of [...live.values()]) {
    if (core.flavorOf(d) !== flavor) continue;
    live.delete(d.id);
    problems.push(...core.stopDaemonSync(d));
  }
  return problems;
}

/**
 * Start a private LXD daemon named after `name` (a short unique id is derived from it).
 * Also sweeps daemons left behind by fixture processes that died. Resolves when LXD answers.
 * The daemon is owned by this process: if it exits without stop()/cleanupAll(), a watchdog
 * removes the daemon within about a second.
 */
export function startLxd(opts: { name: string; timeoutSec?: number }): Promise<LxdDaemon> {
  return startDaemon(core.LXD, opts);
}

/** Stop every LXD daemon this process started and has not stopped yet (use in afterAll). */
export function cleanupAll(): Promise<string[]> {
  return cleanupDaemons(core.LXD);
}
