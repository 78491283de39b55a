/**
 * What the benchmark parts share: medians and formatting, the private LXD daemon (the e2e
 * fixture's synchronous core), PATH shims that log every `lxc` and `sh` exec, and a timed spawn.
 */
import { spawn, spawnSync, SpawnSyncReturns } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

// Compiled to node_modules/.cache/cdktf-lxd-matchbox/bench/bench/support.js.
export const REPO = path.resolve(__dirname, '..', '..', '..', '..', '..');

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
export const ms = (x: number) =>
  x >= 10000 ? `${(x / 1000).toFixed(1)} s` : x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(0)} ms`;
export const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');

export function table(head: string[], rows: (string | number)[][]): string {
  const cells = [head, ...rows.map((r) => r.map(String))];
  const w = head.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => `| ${r.map((c, i) => (i === 0 ? c.padEnd(w[i]) : c.padStart(w[i]))).join(' | ')} |`;
  return [
    line(head),
    `|${w.map((x, i) => (i === 0 ? '-'.repeat(x + 2) : `${'-'.repeat(x + 1)}:`)).join('|')}|`,
    ...rows.map((r) => line(r.map(String))),
  ].join('\n');
}

/** A PASS/FAIL line of the report. */
export interface Target {
  target: string;
  measured: string;
  ok: boolean;
}

export interface Daemon {
  id: string;
  env: NodeJS.ProcessEnv;
  reset(): string[];
  stop(): string[];
}

export function startDaemon(): Daemon {
  // The e2e fixture's synchronous core (compiled JS shipped with the tests).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const core = require(
    path.join(REPO, 'test/e2e/support/lib/daemon.js'),
  ) as typeof import('../test/e2e/support/lib/daemon');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const image = require(
    path.join(REPO, 'test/e2e/support/lib/image.js'),
  ) as typeof import('../test/e2e/support/lib/image');
  core.sweepStale();
  const rec = core.describeDaemon(core.makeId('b', 'bench'), { ownerPid: process.pid });
  core.startDaemonSync(rec, { timeoutSec: 60 });
  const env = core.daemonEnv(rec);
  const d: Daemon = {
    id: rec.id,
    env,
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

/**
 * The e2e ssh lab fixture (test/e2e/support/ssh-lab.ts), compiled with the bench into the cache. Its
 * synchronous core (test/e2e/support/lib/*.js, plain JavaScript next to the sources) is linked next
 * to the compiled copy first, so the fixture runs as the e2e tests run it.
 */
export function sshLabFixture(): typeof import('../test/e2e/support/ssh-lab') {
  const compiled = path.resolve(__dirname, '..', 'test', 'e2e', 'support');
  const link = path.join(compiled, 'lib');
  if (!fs.existsSync(link)) fs.symlinkSync(path.join(REPO, 'test', 'e2e', 'support', 'lib'), link, 'dir');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(path.join(compiled, 'ssh-lab.js'));
}

/** The machine's 1-minute load average over a run, per part (other engineers' tests share it). */
export interface LoadReport {
  cpus: number;
  /** Sampled every 5 s: [epoch seconds, 1-minute load average]. */
  samples: [number, number][];
  parts: { part: string; fromS: number; toS: number; median: number; max: number }[];
}

/** Samples /proc/loadavg every 5 s in a child process (the bench blocks its own event loop) until stop(). */
export function loadSampler(): { start(part: string): void; stop(): LoadReport } {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bench-load-')), 'load');
  const out = fs.openSync(file, 'a');
  const child = spawn(
    '/bin/sh',
    ['-c', 'while :; do echo "$(date +%s) $(cut -d" " -f1 /proc/loadavg)"; sleep 5; done'],
    { stdio: ['ignore', out, 'ignore'] },
  );
  fs.closeSync(out);
  const kill = () => child.kill('SIGKILL');
  // Also when the bench fails or is interrupted.
  process.once('exit', kill);
  const marks: { part: string; at: number }[] = [];
  return {
    start: (part) => marks.push({ part, at: Date.now() / 1000 }),
    stop: () => {
      kill();
      process.removeListener('exit', kill);
      const samples = fs
        .readFileSync(file, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => l.split(' ').map(Number) as [number, number]);
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
      const end = Date.now() / 1000;
      const parts = marks.map((m, i) => {
        const toS = marks[i + 1]?.at ?? end;
        const inPart = samples.filter(([t]) => t >= m.at && t <= toS).map(([, l]) => l);
        return {
          part: m.part,
          fromS: m.at,
          toS,
          median: inPart.length ? median(inPart) : NaN,
          max: inPart.length ? Math.max(...inPart) : NaN,
        };
      });
      return { cpus: os.cpus().length, samples, parts };
    },
  };
}

/** Why the parts that need a daemon cannot run here (undefined: they can). */
export function daemonUnavailable(part: string, extra: readonly string[] = []): string | undefined {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  const missing = ['lxd', 'lxc', 'terraform', 'dnsmasq', 'ip', 'busybox', ...extra].filter(
    (b) => !which(b, { ...process.env, PATH: `${process.env.PATH}:/usr/sbin:/sbin` }),
  );
  if (root && !missing.length) return undefined;
  return `${part} benchmark skipped: ${[...(root ? [] : ['not root']), ...(missing.length ? [`missing ${missing.join(', ')}`] : [])].join('; ')}`;
}

/**
 * A PATH directory whose `lxc`, `sh` and `node` log each call (with a timestamp) to $BENCH_CALL_LOG,
 * then exec the real ones. Terraform runs a local-exec with `/bin/sh -c` (not logged); the command
 * then execs what it names through PATH: `sh -s` for a converge (the LocalHost runner), `node` for
 * the lifecycle program (prunes, destroy steps), which runs its host scripts with `sh -c RUNNER`.
 */
export function makeShims(dir: string, realLxc: string): string {
  fs.mkdirSync(dir, { recursive: true });
  const shim = (name: string, real: string) => {
    fs.writeFileSync(
      path.join(dir, name),
      `#!/bin/sh\nprintf '%s %s %s\\n' "$(date +%s.%N)" ${name} "$*" >> "$BENCH_CALL_LOG"\nexec ${real} "$@"\n`,
      { mode: 0o755 },
    );
  };
  shim('lxc', realLxc);
  shim('sh', '/bin/sh');
  shim('node', process.execPath);
  return dir;
}

/** What a shim log holds, by kind. */
export interface ShimCalls {
  /** Scripts run on the host: execs of the LocalHost runner `sh -s` (a converge, a read, a delete script...). */
  hostCommands: number;
  /** Runs of the lifecycle program (`node …/program-main.js prune|destroy`). */
  programRuns: number;
  lxc: number;
  /** Every logged exec (`sh -c RUNNER` wrappers of the program included). */
  execs: number;
  lines: string[];
  /** Epoch ms of each line. */
  times: number[];
}

/** Reads (and removes) a shim log. */
export function readShimLog(log: string): ShimCalls {
  const raw = fs.existsSync(log) ? fs.readFileSync(log, 'utf8').split('\n').filter(Boolean) : [];
  fs.rmSync(log, { force: true });
  const times = raw.map((l) => Number(l.slice(0, l.indexOf(' '))) * 1000);
  const lines = raw.map((l) => l.slice(l.indexOf(' ') + 1));
  return {
    hostCommands: lines.filter((l) => l === 'sh -s').length,
    programRuns: lines.filter((l) => l.startsWith('node ') && l.includes('program-main.js')).length,
    lxc: lines.filter((l) => l.startsWith('lxc ')).length,
    execs: lines.length,
    lines,
    times,
  };
}

/** Deletes every instance, 4 `lxc delete` processes at a time (one call for 100 running containers outlasts the fixture's reset timeout). */
export function deleteInstances(env: NodeJS.ProcessEnv): void {
  const names = instanceNames(env);
  if (names.length) timed('/bin/sh', ['-c', 'xargs -n 10 -P 4 lxc delete --force'], { env, input: names.join('\n') });
}

export function instanceNames(env: NodeJS.ProcessEnv): string[] {
  const r = timed('lxc', ['query', '/1.0/instances'], { env });
  return (JSON.parse(r.r.stdout) as string[]).map((u) => u.split('/').pop()!).sort();
}

/** Resets the daemon whose record is `<dataDir>.json` (a lab machine's): instances first, 4 deletes at a time. */
export function resetDaemonAt(dataDir: string, env: NodeJS.ProcessEnv): void {
  deleteInstances(env);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const core = require(
    path.join(REPO, 'test/e2e/support/lib/daemon.js'),
  ) as typeof import('../test/e2e/support/lib/daemon');
  const problems = core.resetDaemonSync(JSON.parse(fs.readFileSync(`${dataDir}.json`, 'utf8')), {
    instances: true,
    profiles: true,
    networks: true,
    pools: true,
  });
  if (problems.length) throw new Error(`reset failed: ${problems.join('; ')}`);
}

export function which(bin: string, env: NodeJS.ProcessEnv): string | undefined {
  const r = spawnSync('sh', ['-c', `command -v ${bin}`], { env, encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

/** Runs a command to completion (non-zero exit, listed in `okCodes` or not, fails), with its wall time. */
export function timed(
  cmd: string,
  args: string[],
  opts: { cwd?: string; env: NodeJS.ProcessEnv; input?: string; okCodes?: number[] },
): { ms: number; r: SpawnSyncReturns<string> } {
  const t0 = process.hrtime.bigint();
  // LXD 5.0 occasionally never answers one of many concurrent requests: give up, with the daemon log's path.
  const r = spawnSync(cmd, args, {
    cwd: opts.cwd,
    env: opts.env,
    input: opts.input,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    timeout: 300000,
    killSignal: 'SIGKILL',
  });
  const elapsed = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.signal)
    throw new Error(
      `${cmd} ${args.join(' ')} did not finish within 300 s (killed); a hung LXD request? see the daemon log under /tmp/lxe`,
    );
  if (!(opts.okCodes ?? [0]).includes(r.status ?? -1)) {
    throw new Error(
      `${cmd} ${args.join(' ')} failed (${r.status}):\n${(r.stdout ?? '').slice(-3000)}\n${(r.stderr ?? '').slice(-3000)}`,
    );
  }
  return { ms: elapsed, r };
}
