'use strict';
// A private LXD or Incus daemon in its own network namespace with its own data dir (synchronous core).
// Used by lxd-daemon.ts and incus-daemon.ts (jest), by bin/multipass (each stand-in "VM" is one LXD
// daemon) and by the benchmarks.
//
// What differs between LXD and Incus is described once, in a "flavor" (LXD, INCUS below); a daemon's
// record carries its flavor's `kind`, so everything that gets a record (stop, reset, the watchdog,
// the sweep of stale daemons) knows which commands to use.
//
// Layout: the flavor's root ($LXD_E2E_ROOT, default /tmp/lxe; $INCUS_E2E_ROOT, default /tmp/ixe: kept
// short, unix socket paths are limited to 108 bytes, and apart, so that neither fixture's sweep ever
// takes the other's records) holds <id>/ (the LXD_DIR / INCUS_DIR), <id>.conf/ (LXD_CONF / INCUS_CONF
// of the client), <id>.log and <id>.json (a record used to clean up after crashed runs).
const { spawn } = require('child_process');
const fs = require('fs');
const path = require('path');
const { run, check, alive, signal, readRecords, sleepMs, descendants } = require('./sh');

/** The Incus daemon binary: Debian (and Ubuntu) ship it outside PATH. */
const INCUSD =
  ['/usr/libexec/incus/incusd', '/usr/lib/incus/incusd', '/usr/sbin/incusd', '/usr/bin/incusd'].find((p) => fs.existsSync(p)) ||
  '/usr/libexec/incus/incusd';

const LXD = Object.freeze({
  kind: 'lxd',
  label: 'LXD',
  root: process.env.LXD_E2E_ROOT || '/tmp/lxe',
  netnsPrefix: 'lxe',
  /** Prefix of the ids the jest fixture makes (`f-web-k3x9a`). */
  idPrefix: 'f',
  /** The daemon binary, and the client talking to it. */
  daemon: 'lxd',
  client: 'lxc',
  /** Record (and fixture) field holding the data dir; env vars naming it and the client's config dir. */
  dirKey: 'lxdDir',
  dirVar: 'LXD_DIR',
  confVar: 'LXD_CONF',
  waitready: ['lxd', 'waitready'],
  shutdown: ['lxd', 'shutdown'],
  /** `lxc query` prints `[]` for an empty list. */
  silentEmptyList: false,
});

const INCUS = Object.freeze({
  kind: 'incus',
  label: 'Incus',
  root: process.env.INCUS_E2E_ROOT || '/tmp/ixe',
  netnsPrefix: 'ixe',
  idPrefix: 'i',
  daemon: INCUSD,
  client: 'incus',
  dirKey: 'incusDir',
  dirVar: 'INCUS_DIR',
  confVar: 'INCUS_CONF',
  waitready: ['incus', 'admin', 'waitready'],
  shutdown: ['incus', 'admin', 'shutdown'],
  /** Unlike `lxc query`, `incus query` prints nothing (not `[]`) for an empty list. */
  silentEmptyList: true,
});

const FLAVORS = { lxd: LXD, incus: INCUS };

/** The flavor of a record (records written before flavors existed are LXD's). */
function flavorOf(d) {
  const f = FLAVORS[d.kind || 'lxd'];
  if (!f) throw new Error(`daemon ${d.id}: unknown kind ${d.kind}`);
  return f;
}

/** The daemon's data dir (LXD_DIR / INCUS_DIR). */
const dataDir = (d) => d[flavorOf(d).dirKey];

/** Kept for existing users: LXD's root. */
const ROOT = LXD.root;

/** A short unique id such as `f-web-k3x9a`: safe for netns names, file names, data dir paths. */
function makeId(kind, name) {
  const clean = String(name || 'd').toLowerCase().replace(/[^a-z0-9]+/g, '').slice(0, 10) || 'd';
  return `${kind}-${clean}-${(process.pid % 1296).toString(36)}${Math.random().toString(36).slice(2, 5)}`;
}

/** Describe (without starting) a daemon of `flavor`: where its files live and its netns name. */
function describeDaemon(id, extra = {}, flavor = LXD) {
  const dir = path.join(flavor.root, id);
  return {
    id,
    kind: flavor.kind,
    netns: `${flavor.netnsPrefix}-${id}`.slice(0, 60),
    [flavor.dirKey]: dir,
    confDir: `${dir}.conf`,
    logFile: `${dir}.log`,
    recordFile: `${dir}.json`,
    pid: 0,
    ownerPid: null,
    ...extra,
  };
}

/** Environment for the clients (and daemon commands) talking to this daemon. */
function daemonEnv(d, base = process.env) {
  const f = flavorOf(d);
  return { ...base, PATH: withSbin(base.PATH), [f.dirVar]: dataDir(d), [f.confVar]: d.confDir };
}

/** The daemons find dnsmasq, nft, iptables through PATH: make sure the sbin dirs are on it. */
function withSbin(p = '/usr/bin:/bin') {
  const parts = p.split(':');
  for (const s of ['/usr/local/sbin', '/usr/sbin', '/sbin']) if (!parts.includes(s)) parts.push(s);
  return parts.join(':');
}

function netnsExists(name) {
  return fs.existsSync(`/run/netns/${name}`);
}

function writeRecord(d) {
  fs.writeFileSync(d.recordFile, JSON.stringify(d, null, 2));
}

function logTail(d) {
  try {
    return fs.readFileSync(d.logFile, 'utf8').split('\n').slice(-15).join('\n');
  } catch {
    return '(no log)';
  }
}

/**
 * Create the netns, start the flavor's daemon in it and wait until its `waitready` answers. Throws
 * (after cleaning up) if it does not come up within `timeoutSec`. Records in `d.startMs` how long
 * the start took. `ownerPid`: the process whose death makes the daemon stale (null = owned by
 * something else, e.g. the multipass stand-in state dir).
 * `restart`: the netns and data dir exist already (a daemon stopped by haltDaemonSync): start the
 * daemon again in them; a failure then stops only the daemon, leaving the netns and its other processes.
 */
function startDaemonSync(d, opts = {}) {
  return startDaemonsSync([d], opts)[0];
}

/**
 * startDaemonSync for several daemons at once: all are launched, then awaited, so they initialise in
 * parallel. On a failure every one of them is cleaned up (stopped, or halted on `restart`).
 */
function startDaemonsSync(ds, { timeoutSec = 30, restart = false } = {}) {
  const launched = [];
  try {
    for (const d of ds) {
      launched.push(d);
      launchDaemonSync(d, restart);
    }
    for (const d of ds) awaitDaemonSync(d, timeoutSec);
    return ds;
  } catch (e) {
    for (const d of launched) {
      if (restart) haltDaemonSync(d);
      else stopDaemonSync(d);
    }
    throw e;
  }
}

/** Create the netns (unless `restart`) and spawn the daemon in it, detached; the record is written first. */
function launchDaemonSync(d, restart) {
  const f = flavorOf(d);
  const dir = dataDir(d);
  const name = path.basename(f.daemon);
  if (path.isAbsolute(f.daemon) && !fs.existsSync(f.daemon)) throw new Error(`${name} not found (looked for ${f.daemon})`);
  if (restart && !netnsExists(d.netns)) throw new Error(`network namespace ${d.netns} does not exist`);
  if (!restart && netnsExists(d.netns)) throw new Error(`network namespace ${d.netns} already exists`);
  if (restart && d.pid && alive(d.pid)) throw new Error(`${name} of ${d.id} still runs (pid ${d.pid})`);
  d.launchedAt = Date.now();
  fs.mkdirSync(f.root, { recursive: true });
  fs.mkdirSync(dir, { recursive: true, mode: 0o711 });
  fs.mkdirSync(d.confDir, { recursive: true });
  writeRecord(d); // before anything can leak, so sweepStale() can find it
  if (!restart) {
    check('ip', ['netns', 'add', d.netns]);
    check('ip', ['-n', d.netns, 'link', 'set', 'lo', 'up']);
  }
  const out = fs.openSync(d.logFile, 'a');
  // detached => setsid(); `ip netns exec` execs the daemon in place, so child.pid is its pid.
  const child = spawn('ip', ['netns', 'exec', d.netns, f.daemon, '--group', 'root', '--logfile', d.logFile], {
    detached: true,
    stdio: ['ignore', out, out],
    env: daemonEnv(d),
  });
  fs.closeSync(out);
  child.unref();
  d.pid = child.pid;
  writeRecord(d);
  if (d.ownerPid && !restart) startWatchdog(d);
}

/** Poll the daemon's `waitready` until it answers; throws if it exits or `timeoutSec` passes. */
function awaitDaemonSync(d, timeoutSec) {
  const f = flavorOf(d);
  const name = path.basename(f.daemon);
  const deadline = d.launchedAt + timeoutSec * 1000;
  const [cmd, ...args] = f.waitready;
  for (;;) {
    if (run(cmd, [...args, '--timeout=1'], { env: daemonEnv(d), timeoutMs: 5000 }).code === 0) break;
    if (!alive(d.pid)) throw new Error(`${name} exited during start-up:\n${logTail(d)}`);
    if (Date.now() > deadline) throw new Error(`${name} not ready after ${timeoutSec}s:\n${logTail(d)}`);
    sleepMs(100);
  }
  d.startMs = Date.now() - d.launchedAt;
  writeRecord(d);
}

/**
 * Stop only the daemon process (SIGTERM, SIGKILL after `timeoutSec`), as a crash or a stopped
 * service would: its netns, data dir and record stay, and so do its instances. On SIGTERM (unlike
 * `lxd shutdown` or SIGPWR) LXD and Incus exit without stopping them; the monitors are not the
 * daemon's children, so they keep running, and startDaemonSync(d, { restart: true }) finds them.
 * Returns problems met.
 */
function haltDaemonSync(d, { timeoutSec = 20 } = {}) {
  if (!d.pid || !alive(d.pid)) return [];
  const pid = d.pid;
  signal(pid, 'SIGTERM');
  const deadline = Date.now() + timeoutSec * 1000;
  while (alive(pid) && Date.now() < deadline) sleepMs(50);
  const problems = [];
  if (alive(pid)) {
    problems.push(`${d.id}: daemon (pid ${pid}) ignored SIGTERM for ${timeoutSec}s; killed`);
    signal(pid, 'SIGKILL');
    while (alive(pid)) sleepMs(20);
  }
  return problems;
}

/** Detached watcher that stops the daemon if its owner process dies without stopping it. */
function startWatchdog(d) {
  const w = spawn(process.execPath, [path.join(__dirname, 'watchdog.js'), String(d.ownerPid), d.recordFile], {
    detached: true,
    stdio: 'ignore',
  });
  w.unref();
}

/** The output of `<client> query PATH` as JSON (`[]` where the client prints nothing for an empty list). */
function parseQuery(flavor, stdout) {
  if (flavor.silentEmptyList && stdout.trim() === '') return [];
  return JSON.parse(stdout);
}

/** `<client> query PATH` parsed as JSON, or undefined on error. */
function query(d, urlPath, timeoutMs = 15000) {
  const f = flavorOf(d);
  const r = run(f.client, ['query', urlPath], { env: daemonEnv(d), timeoutMs });
  if (r.code !== 0) return undefined;
  try {
    return parseQuery(f, r.stdout);
  } catch {
    return undefined;
  }
}

const lastSegment = (u) => decodeURIComponent(u.split('?')[0].split('/').pop());

/**
 * Bring a running daemon back to an empty state. Each flag removes one kind of object:
 * instances (force-deleted), profiles (non-default deleted, default emptied), images,
 * networks (managed ones), pools (with their custom volumes). Returns the errors met.
 */
function resetDaemonSync(d, what = {}) {
  const f = flavorOf(d);
  const env = daemonEnv(d);
  const errors = [];
  const client = (args) => {
    const r = run(f.client, args, { env, timeoutMs: 60000 });
    if (r.code !== 0) errors.push(`${f.client} ${args.join(' ')}: ${r.stderr.trim()}`);
  };
  if (what.instances) {
    const names = (query(d, '/1.0/instances') || []).map(lastSegment);
    if (names.length) client(['delete', '--force', ...names]);
  }
  if (what.profiles) {
    for (const p of (query(d, '/1.0/profiles') || []).map(lastSegment)) {
      if (p !== 'default') client(['profile', 'delete', p]);
    }
    const body = JSON.stringify({ config: {}, description: `Default ${f.label} profile`, devices: {} });
    client(['query', '-X', 'PUT', '/1.0/profiles/default', '--data', body]);
  }
  if (what.images) {
    for (const i of (query(d, '/1.0/images') || []).map(lastSegment)) client(['image', 'delete', i]);
  }
  if (what.networks) {
    for (const n of query(d, '/1.0/networks?recursion=1') || []) {
      if (n.managed) client(['network', 'delete', n.name]);
    }
  }
  if (what.pools) {
    for (const p of (query(d, '/1.0/storage-pools') || []).map(lastSegment)) {
      for (const v of (query(d, `/1.0/storage-pools/${p}/volumes/custom`) || []).map(lastSegment)) {
        client(['storage', 'volume', 'delete', p, v]);
      }
      client(['storage', 'delete', p]);
    }
  }
  return errors;
}

function netnsPids(netns) {
  if (!netnsExists(netns)) return [];
  return run('ip', ['netns', 'pids', netns]).stdout.split(/\s+/).filter(Boolean).map(Number);
}

/**
 * Always-succeeding teardown: force-delete instances (optionally reset everything else),
 * `lxd shutdown` / `incus admin shutdown`, SIGKILL whatever still runs in the netns (and its
 * descendants: container processes live in their own netns under `[lxc monitor]`), delete the
 * netns and, unless keepData, the data dir. `kill`: skip the graceful part (no API call; quick
 * even for a cluster member whose peers are gone). Returns a list of problems met (empty when all
 * went well).
 */
function stopDaemonSync(d, { reset = {}, keepData = false, kill = false } = {}) {
  const f = flavorOf(d);
  const env = daemonEnv(d);
  const problems = [];
  const up = !kill && d.pid && alive(d.pid) && fs.existsSync(path.join(dataDir(d), 'unix.socket'));
  if (up) {
    problems.push(...resetDaemonSync(d, { ...reset, instances: true }));
    const [cmd, ...args] = f.shutdown;
    const r = run(cmd, [...args, '--timeout=20'], { env, timeoutMs: 25000 });
    if (r.code !== 0) problems.push(`${f.shutdown.join(' ')}: ${r.stderr.trim()}`);
  }
  // Everything left in the netns (the daemon, dnsmasq, forkproxy, monitors) and below it was started by us.
  problems.push(...killNetnsSync(d.netns, d.pid && alive(d.pid) ? [d.pid] : []));
  if (!keepData) removeData(d, problems);
  return problems;
}

/**
 * SIGKILL every process in network namespace `netns` (and `alsoPids`) and all their descendants,
 * until none is left, then delete the netns. Returns problems met.
 */
function killNetnsSync(netns, alsoPids = []) {
  const problems = [];
  for (let round = 0; round < 50; round++) {
    const roots = [...netnsPids(netns), ...alsoPids.filter(alive)];
    const pids = [...new Set([...roots, ...descendants(roots)])].filter(alive);
    if (!pids.length) break;
    for (const p of pids) signal(p, 'SIGKILL');
    sleepMs(100);
  }
  if (netnsExists(netns)) {
    const r = run('ip', ['netns', 'del', netns]);
    if (r.code !== 0) problems.push(`ip netns del ${netns}: ${r.stderr.trim()}`);
  }
  return problems;
}

/** Delete the daemon's files, refusing if anything is still mounted below them. */
function removeData(d, problems) {
  const dir = dataDir(d);
  const mounts = fs
    .readFileSync('/proc/self/mountinfo', 'utf8')
    .split('\n')
    .map((l) => l.split(' ')[4])
    .filter((m) => m && (m === dir || m.startsWith(`${dir}/`)));
  if (mounts.length) {
    problems.push(`not removing ${dir}: still mounted: ${mounts.join(', ')}`);
    return;
  }
  for (const p of [dir, d.confDir, d.logFile, d.recordFile]) {
    fs.rmSync(p, { recursive: true, force: true });
  }
}

/**
 * Stop the daemons of `flavor` left by fixture processes that died, or by stand-in VMs whose
 * state file is gone. Returns their ids.
 */
function sweepStale(flavor = LXD) {
  const swept = [];
  for (const d of readRecords(flavor.root)) {
    if ((d.kind || 'lxd') !== flavor.kind) continue;
    // Fixture daemon whose owner died, or stand-in VM daemon whose state file was removed.
    if ((d.ownerPid && !alive(d.ownerPid)) || (d.vmFile && !fs.existsSync(d.vmFile))) {
      stopDaemonSync(d);
      swept.push(d.id);
    }
  }
  return swept;
}

module.exports = {
  LXD,
  INCUS,
  INCUSD,
  ROOT,
  flavorOf,
  makeId,
  describeDaemon,
  daemonEnv,
  startDaemonSync,
  startDaemonsSync,
  haltDaemonSync,
  stopDaemonSync,
  resetDaemonSync,
  parseQuery,
  query,
  netnsExists,
  killNetnsSync,
  sweepStale,
};
