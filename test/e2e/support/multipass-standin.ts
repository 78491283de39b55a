/**
 * Test-side accessors for the multipass stand-in (./bin/multipass): environment, call log,
 * VM state, and clean-up. A VM is a netns + private LXD daemon; see ./lib/daemon.js.
 */
import * as fs from 'fs';
import * as path from 'path';
import { runAsync, RunAsyncOptions } from './lxd-daemon';
import type { RunResult } from './lib/sh';

/** Directory holding the `multipass` executable; prefix it to PATH. */
export const STANDIN_BIN_DIR = path.resolve(__dirname, 'bin');

/** Where a stand-in keeps its state; defaults follow the env vars the stand-in reads. */
export interface StandinPaths {
  /** State dir (MULTIPASS_STANDIN_HOME); default env value or /tmp/multipass-standin. */
  home?: string;
  /** Call log (MULTIPASS_STANDIN_LOG); default <home>/calls.log. */
  log?: string;
}

/** One logged invocation of the stand-in. */
export interface StandinCall {
  argv: string[];
  /** ISO time the call started. */
  time: string;
  exit: number;
  ms: number;
}

/** The state file `<home>/<name>/vm.json`. */
export interface StandinVm {
  name: string;
  state: 'Starting' | 'Running' | 'Stopped' | 'Deleted';
  cpus: number;
  memory: string;
  memoryBytes: number;
  disk: string;
  diskBytes: number;
  image: string;
  release: string;
  mounts: { source: string; target: string }[];
  primaryIpv4: string;
  /** Result of the launch-time cloud-init lxd module: 'done' | 'error'. */
  cloudInit: string;
  netns: string;
  lxdDir: string;
  daemon: { netns: string; lxdDir: string; confDir: string; logFile: string };
}

function resolvePaths(p: StandinPaths = {}): { home: string; log: string } {
  const home = p.home ?? process.env.MULTIPASS_STANDIN_HOME ?? '/tmp/multipass-standin';
  const log = p.log ?? (p.home ? undefined : process.env.MULTIPASS_STANDIN_LOG) ?? path.join(home, 'calls.log');
  return { home, log };
}

/** A fresh private state dir (use one per test file so parallel files never collide). */
export function newStandinHome(prefix = 'mpst-'): string {
  return fs.mkdtempSync(path.join('/tmp', prefix));
}

/** process.env (or `base`) with PATH prefixed by the stand-in and its HOME/LOG vars set. */
export function standinEnv(p: StandinPaths = {}, base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const { home, log } = resolvePaths(p);
  return {
    ...base,
    PATH: `${STANDIN_BIN_DIR}:${base.PATH ?? '/usr/local/bin:/usr/bin:/bin'}`,
    MULTIPASS_STANDIN_HOME: home,
    MULTIPASS_STANDIN_LOG: log,
  };
}

/** Run `multipass ARGS` (the stand-in, found through standinEnv's PATH). */
export function multipass(args: string[], p: StandinPaths = {}, opts: RunAsyncOptions = {}): Promise<RunResult> {
  return runAsync('multipass', args, { timeoutMs: 300000, ...opts, env: standinEnv(p, opts.env) });
}

/** All logged calls, oldest first ([] if none yet). */
export function readCalls(p: StandinPaths = {}): StandinCall[] {
  const { log } = resolvePaths(p);
  if (!fs.existsSync(log)) return [];
  return fs
    .readFileSync(log, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as StandinCall);
}

/** The VM's state file, or undefined if there is no such VM. */
export function vmInfo(name: string, p: StandinPaths = {}): StandinVm | undefined {
  const file = path.join(resolvePaths(p).home, name, 'vm.json');
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as StandinVm) : undefined;
}

/** Environment to talk to a VM's LXD daemon from the test (LXD_DIR, LXD_CONF). */
export function vmLxdEnv(name: string, p: StandinPaths = {}): NodeJS.ProcessEnv {
  const vm = vmInfo(name, p);
  if (!vm) throw new Error(`no stand-in VM named ${name}`);
  return { ...process.env, LXD_DIR: vm.daemon.lxdDir, LXD_CONF: vm.daemon.confDir };
}

/** `lxc ARGS` against a VM's daemon, from outside the VM (no call is logged). */
export function vmLxc(name: string, args: string[], p: StandinPaths = {}): Promise<RunResult> {
  return runAsync('lxc', args, { env: vmLxdEnv(name, p) });
}

/**
 * Purge every VM of this state dir (containers, daemons, netns, files) without logging the
 * calls; with `removeHome`, delete the state dir itself too. Resolves to the stand-in's stderr.
 */
export async function purgeAll(p: StandinPaths = {}, opts: { removeHome?: boolean } = {}): Promise<string> {
  const { home } = resolvePaths(p);
  if (!fs.existsSync(home)) return '';
  const r = await multipass(['delete', '--all', '--purge'], { home, log: '/dev/null' });
  if (opts.removeHome) fs.rmSync(home, { recursive: true, force: true });
  return r.stderr;
}
