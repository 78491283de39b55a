/**
 * Jest fixture: a private LXD daemon in its own network namespace with its own LXD_DIR.
 * The heavy lifting is in ./lib/daemon.js (shared with the multipass stand-in).
 */
import { spawn } from 'child_process';
import * as core from './lib/daemon';
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

/** A running private LXD daemon. */
export interface LxdDaemon {
  readonly name: string;
  readonly id: string;
  /** Network namespace the daemon (its bridges, dnsmasq, proxies, nftables) lives in. */
  readonly netns: string;
  readonly lxdDir: string;
  readonly logFile: string;
  /** Environment for child processes: process.env plus LXD_DIR and LXD_CONF. */
  readonly env: NodeJS.ProcessEnv;
  /** Run `lxc ARGS` against this daemon; never rejects for a non-zero exit. */
  lxc(args: string[], opts?: RunAsyncOptions): Promise<RunResult>;
  /** Run `lxc ARGS`; rejects with stderr if it fails, else resolves to stdout. */
  lxcOk(args: string[], opts?: RunAsyncOptions): Promise<string>;
  /** `lxc query PATH` parsed as JSON (e.g. '/1.0/networks/br0'); rejects on error. */
  lxcJson<T = any>(path: string): Promise<T>;
  /** Run a command inside the daemon's netns with this daemon's env. */
  inNetns(cmd: string, args: string[], opts?: RunAsyncOptions): Promise<RunResult>;
  /** Remove objects (see ResetWhat) so the daemon is as new; resolves to problems met. */
  reset(what?: core.ResetWhat): Promise<string[]>;
  /** Tear everything down (idempotent). `reset` first deletes the listed object kinds. */
  stop(opts?: { reset?: core.ResetWhat }): Promise<string[]>;
}

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

// Daemons started by this module instance and not yet stopped (for cleanupAll).
// Safety net when a test file forgets afterAll(cleanupAll) or its process dies: every daemon has a
// detached watchdog (lib/watchdog.js) that tears it down once this process is gone. A
// process.on('exit') hook would not do: jest's sandboxed `process` never emits 'exit'.
const live = new Map<string, core.DaemonRecord>();

/**
 * Start a private LXD daemon named after `name` (a short unique id is derived from it).
 * Also sweeps daemons left behind by fixture processes that died. Resolves when LXD answers.
 * The daemon is owned by this process: if it exits without stop()/cleanupAll(), a watchdog
 * removes the daemon within about a second.
 */
export async function startLxd(opts: { name: string; timeoutSec?: number }): Promise<LxdDaemon> {
  core.sweepStale();
  const rec = core.describeDaemon(core.makeId('f', opts.name), { ownerPid: process.pid });
  live.set(rec.id, rec);
  try {
    core.startDaemonSync(rec, { timeoutSec: opts.timeoutSec ?? 30 });
  } catch (e) {
    live.delete(rec.id);
    throw e;
  }
  const env = core.daemonEnv(rec);
  const lxc = (args: string[], o: RunAsyncOptions = {}) => runAsync('lxc', args, { ...o, env: o.env ?? env });
  return {
    name: opts.name,
    id: rec.id,
    netns: rec.netns,
    lxdDir: rec.lxdDir,
    logFile: rec.logFile,
    env,
    lxc,
    async lxcOk(args, o) {
      const r = await lxc(args, o);
      if (r.code !== 0) throw new Error(`lxc ${args.join(' ')} failed (exit ${r.code}): ${r.stderr.trim()}`);
      return r.stdout;
    },
    async lxcJson(path) {
      const r = await lxc(['query', path]);
      if (r.code !== 0) throw new Error(`lxc query ${path} failed: ${r.stderr.trim()}`);
      return JSON.parse(r.stdout);
    },
    inNetns: (cmd, args, o = {}) => runAsync('ip', ['netns', 'exec', rec.netns, cmd, ...args], { ...o, env: o.env ?? env }),
    async reset(what = { instances: true, profiles: true, images: false, networks: true, pools: true }) {
      return core.resetDaemonSync(rec, what);
    },
    async stop(o = {}) {
      live.delete(rec.id);
      return core.stopDaemonSync(rec, { reset: o.reset });
    },
  };
}

/** Stop every daemon this process started and has not stopped yet (use in afterAll). */
export async function cleanupAll(): Promise<string[]> {
  const problems: string[] = [];
  for (const d of [...live.values()]) {
    live.delete(d.id);
    problems.push(...core.stopDaemonSync(d));
  }
  return problems;
}
