/**
 * Jest fixture: a private Incus daemon (`incusd`) in its own network namespace with its own INCUS_DIR.
 * The Incus twin of ./lxd-daemon.ts; the heavy lifting is in ./lib/incus-daemon.js.
 */
import * as core from './lib/incus-daemon';
import { runAsync, type RunAsyncOptions } from './lxd-daemon';
import type { RunResult } from './lib/sh';

export type { RunResult } from './lib/sh';
export type { ResetWhat } from './lib/daemon';
export type { RunAsyncOptions } from './lxd-daemon';

/** A running private Incus daemon. */
export interface IncusDaemon {
  readonly name: string;
  readonly id: string;
  /** Network namespace the daemon (its bridges, dnsmasq, proxies, nftables) lives in. */
  readonly netns: string;
  readonly incusDir: string;
  readonly logFile: string;
  /** Milliseconds from creating the netns to `incus admin waitready` answering. */
  readonly startMs: number;
  /** Environment for child processes: process.env plus INCUS_DIR and INCUS_CONF. */
  readonly env: NodeJS.ProcessEnv;
  /** Run `incus ARGS` against this daemon; never rejects for a non-zero exit. */
  incus(args: string[], opts?: RunAsyncOptions): Promise<RunResult>;
  /** Run `incus ARGS`; rejects with stderr if it fails, else resolves to stdout. */
  incusOk(args: string[], opts?: RunAsyncOptions): Promise<string>;
  /** `incus query PATH` parsed as JSON (e.g. '/1.0/networks/br0'; an empty list is `[]`); rejects on error. */
  incusJson<T = any>(path: string): Promise<T>;
  /** Run a command inside the daemon's netns with this daemon's env. */
  inNetns(cmd: string, args: string[], opts?: RunAsyncOptions): Promise<RunResult>;
  /** Import the offline busybox image (the LXD fixture's tarball) under `alias`; idempotent. */
  importBusybox(alias?: string): Promise<void>;
  /** Remove objects (see ResetWhat) so the daemon is as new; resolves to problems met. */
  reset(what?: core.ResetWhat): Promise<string[]>;
  /** Tear everything down (idempotent). `reset` first deletes the listed object kinds. */
  stop(opts?: { reset?: core.ResetWhat }): Promise<string[]>;
}

// Daemons started by this module instance and not yet stopped (for cleanupAll). Each also has a
// detached watchdog (lib/incus-watchdog.js) that tears it down once this process is gone.
const live = new Map<string, core.IncusDaemonRecord>();

/**
 * Start a private Incus daemon named after `name` (a short unique id is derived from it).
 * Also sweeps daemons left behind by fixture processes that died. Resolves when Incus answers.
 * The daemon is owned by this process: if it exits without stop()/cleanupAll(), a watchdog
 * removes the daemon within about a second.
 */
export async function startIncus(opts: { name: string; timeoutSec?: number }): Promise<IncusDaemon> {
  core.sweepStale();
  const rec = core.describeDaemon(core.makeId('i', opts.name), { ownerPid: process.pid });
  live.set(rec.id, rec);
  try {
    core.startDaemonSync(rec, { timeoutSec: opts.timeoutSec ?? 30 });
  } catch (e) {
    live.delete(rec.id);
    throw e;
  }
  const env = core.daemonEnv(rec);
  const incus = (args: string[], o: RunAsyncOptions = {}) => runAsync('incus', args, { ...o, env: o.env ?? env });
  return {
    name: opts.name,
    id: rec.id,
    netns: rec.netns,
    incusDir: rec.incusDir,
    logFile: rec.logFile,
    startMs: rec.startMs ?? 0,
    env,
    incus,
    async incusOk(args, o) {
      const r = await incus(args, o);
      if (r.code !== 0) throw new Error(`incus ${args.join(' ')} failed (exit ${r.code}): ${r.stderr.trim()}`);
      return r.stdout;
    },
    async incusJson(path) {
      const r = await incus(['query', path]);
      if (r.code !== 0) throw new Error(`incus query ${path} failed: ${r.stderr.trim()}`);
      // Unlike `lxc query`, `incus query` prints nothing (not `[]`) for an empty list.
      return r.stdout.trim() === '' ? [] : JSON.parse(r.stdout);
    },
    inNetns: (cmd, args, o = {}) => runAsync('ip', ['netns', 'exec', rec.netns, cmd, ...args], { ...o, env: o.env ?? env }),
    async importBusybox(alias = 'busybox') {
      core.importBusyboxSync(env, alias);
    },
    async reset(what = { instances: true, profiles: true, images: false, networks: true, pools: true }) {
      return core.resetDaemonSync(rec, what);
    },
    async stop(o = {}) {
      live.delete(rec.id);
      return core.stopDaemonSync(rec, { reset: o.reset });
    },
  };
}

/** Stop every Incus daemon this process started and has not stopped yet (use in afterAll). */
export async function cleanupAllIncus(): Promise<string[]> {
  const problems: string[] = [];
  for (const d of [...live.values()]) {
    live.delete(d.id);
    problems.push(...core.stopDaemonSync(d));
  }
  return problems;
}
