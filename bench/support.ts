/**
 * What the benchmark parts share: medians and formatting, the private LXD daemon (the e2e
 * fixture's synchronous core), PATH shims that log every `lxc` and `sh` exec, and a timed spawn.
 */
import { spawnSync, SpawnSyncReturns } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

// Compiled to node_modules/.cache/cdktf-lxd-matchbox/bench/bench/support.js.
export const REPO = path.resolve(__dirname, '..', '..', '..', '..', '..');

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
export const ms = (x: number) => (x >= 10000 ? `${(x / 1000).toFixed(1)} s` : x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(0)} ms`);
export const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');

export function table(head: string[], rows: (string | number)[][]): string {
  const cells = [head, ...rows.map((r) => r.map(String))];
  const w = head.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => `| ${r.map((c, i) => (i === 0 ? c.padEnd(w[i]) : c.padStart(w[i]))).join(' | ')} |`;
  return [line(head), `|${w.map((x, i) => (i === 0 ? '-'.repeat(x + 2) : `${'-'.repeat(x + 1)}:`)).join('|')}|`, ...rows.map((r) => line(r.map(String)))].join('\n');
}

/** A PASS/FAIL line of the report. */
export interface Target { target: string; measured: string; ok: boolean }

export interface Daemon {
  id: string; env: NodeJS.ProcessEnv;
  reset(): string[]; stop(): string[];
}

export function startDaemon(): Daemon {
  // The e2e fixture's synchronous core (compiled JS shipped with the tests).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const core = require(path.join(REPO, 'test/e2e/support/lib/daemon.js')) as typeof import('../test/e2e/support/lib/daemon');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const image = require(path.join(REPO, 'test/e2e/support/lib/image.js')) as typeof import('../test/e2e/support/lib/image');
  core.sweepStale();
  const rec = core.describeDaemon(core.makeId('b', 'bench'), { ownerPid: process.pid });
  core.startDaemonSync(rec, { timeoutSec: 60 });
  const env = core.daemonEnv(rec);
  const d: Daemon = {
    id: rec.id, env,
    reset: () => core.resetDaemonSync(rec, { instances: true, profiles: true, networks: true, pools: true }),
    stop: () => core.stopDaemonSync(rec),
  };
  try {
    image.importBusyboxSync(env, 'busybox');
  } catch (e) {
    d.stop();
    throw e;
  }
  return d;
}

/**
 * Runs `body` with a private daemon, stopped afterwards (also on SIGINT/SIGTERM; the fixture's
 * watchdog removes it if the process dies).
 */
export function withDaemon<T>(body: (d: Daemon) => T): T {
  let daemon: Daemon | undefined;
  const stop = () => {
    if (daemon) {
      const problems = daemon.stop();
      daemon = undefined;
      if (problems.length) process.stderr.write(`daemon clean-up: ${problems.join('; ')}\n`);
    }
  };
  const onSignal = () => {
    stop();
    process.exit(130);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    process.stderr.write('  starting a private LXD daemon...\n');
    daemon = startDaemon();
    return body(daemon);
  } finally {
    stop();
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  }
}

/** Why the parts that need a daemon cannot run here (undefined: they can). */
export function daemonUnavailable(part: string): string | undefined {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  const missing = ['lxd', 'lxc', 'terraform', 'dnsmasq', 'ip', 'busybox'].filter((b) => !which(b, { ...process.env, PATH: `${process.env.PATH}:/usr/sbin:/sbin` }));
  if (root && !missing.length) return undefined;
  return `${part} benchmark skipped: ${[...(root ? [] : ['not root']), ...(missing.length ? [`missing ${missing.join(', ')}`] : [])].join('; ')}`;
}

/** A PATH directory whose `lxc` and `sh` log each call to $BENCH_CALL_LOG, then exec the real ones. */
export function makeShims(dir: string, realLxc: string): string {
  fs.mkdirSync(dir, { recursive: true });
  const shim = (name: string, real: string) => {
    fs.writeFileSync(path.join(dir, name), `#!/bin/sh\nprintf '%s %s %s\\n' "$(date +%s.%N)" ${name} "$*" >> "$BENCH_CALL_LOG"\nexec ${real} "$@"\n`, { mode: 0o755 });
  };
  shim('lxc', realLxc);
  shim('sh', '/bin/sh');
  return dir;
}

export function which(bin: string, env: NodeJS.ProcessEnv): string | undefined {
  const r = spawnSync('sh', ['-c', `command -v ${bin}`], { env, encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

/** Runs a command to completion (non-zero exit, listed in `okCodes` or not, fails), with its wall time. */
export function timed(cmd: string, args: string[], opts: { cwd?: string; env: NodeJS.ProcessEnv; input?: string; okCodes?: number[] }): { ms: number; r: SpawnSyncReturns<string> } {
  const t0 = process.hrtime.bigint();
  // LXD 5.0 occasionally never answers one of many concurrent requests: give up, with the daemon log's path.
  const r = spawnSync(cmd, args, { cwd: opts.cwd, env: opts.env, input: opts.input, encoding: 'utf8', maxBuffer: 1 << 28, timeout: 300000, killSignal: 'SIGKILL' });
  const elapsed = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.signal) throw new Error(`${cmd} ${args.join(' ')} did not finish within 300 s (killed); a hung LXD request? see the daemon log under /tmp/lxe`);
  if (!(opts.okCodes ?? [0]).includes(r.status ?? -1)) {
    throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}):\n${(r.stdout ?? '').slice(-3000)}\n${(r.stderr ?? '').slice(-3000)}`);
  }
  return { ms: elapsed, r };
}
