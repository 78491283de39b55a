'use strict';
// A private Incus daemon in its own network namespace with its own INCUS_DIR (synchronous core).
// The Incus twin of ./daemon.js, used by ../incus-daemon.ts (jest).
//
// Layout: $INCUS_E2E_ROOT (default /tmp/ixe: short, unix socket paths are limited to 108 bytes, and
// apart from LXD's /tmp/lxe so that neither fixture's sweep ever takes the other's records) holds
// <id>/ (the INCUS_DIR), <id>.conf/ (INCUS_CONF of the incus client), <id>.log and <id>.json (a
// record used to clean up after crashed runs).
const { spawn } = require('child_process');
const fs = require('fs');
const path = require('path');
const { run, check, alive, sleepMs, descendants } = require('./sh');
const { buildBusyboxImageSync } = require('./image');

const ROOT = process.env.INCUS_E2E_ROOT || '/tmp/ixe';
/** The daemon binary: Debian (and Ubuntu) ship it outside PATH. */
const INCUSD = ['/usr/libexec/incus/incusd', '/usr/lib/incus/incusd', '/usr/sbin/incusd', '/usr/bin/incusd'].find((p) =>
  fs.existsSync(p),
) || '/usr/libexec/incus/incusd';

/** A short unique id such as `i-web-k3x9a`: safe for netns names, file names, INCUS_DIR paths. */
function makeId(kind, name) {
  const clean = String(name || 'd').toLowerCase().replace(/[^a-z0-9]+/g, '').slice(0, 10) || 'd';
  return `${kind}-${clean}-${(process.pid % 1296).toString(36)}${Math.random().toString(36).slice(2, 5)}`;
}

/** Describe (without starting) a daemon: where its files live and its netns name. */
function describeDaemon(id, extra = {}) {
  const incusDir = path.join(ROOT, id);
  return {
    id,
    kind: 'incus',
    netns: `ixe-${id}`.slice(0, 60),
    incusDir,
    confDir: `${incusDir}.conf`,
    logFile: `${incusDir}.log`,
    recordFile: `${incusDir}.json`,
    pid: 0,
    ownerPid: null,
    ...extra,
  };
}

/** Environment for incus clients talking to this daemon. */
function daemonEnv(d, base = process.env) {
  return { ...base, PATH: withSbin(base.PATH), INCUS_DIR: d.incusDir, INCUS_CONF: d.confDir };
}

/** Incus finds dnsmasq, nft, iptables through PATH: make sure the sbin dirs are on it. */
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
 * Create the netns, start `incusd` in it and wait until `incus admin waitready` answers. Throws
 * (after cleaning up) if it does not come up within `timeoutSec`. Records in `d.startMs` how long
 * the start took. `ownerPid`: the process whose death makes the daemon stale.
 */
function startDaemonSync(d, { timeoutSec = 30 } = {}) {
  if (!fs.existsSync(INCUSD)) throw new Error(`incusd not found (looked for ${INCUSD})`);
  if (netnsExists(d.netns)) throw new Error(`network namespace ${d.netns} already exists`);
  const t0 = Date.now();
  fs.mkdirSync(ROOT, { recursive: true });
  fs.mkdirSync(d.incusDir, { recursive: true, mode: 0o711 });
  fs.mkdirSync(d.confDir, { recursive: true });
  writeRecord(d); // before anything can leak, so sweepStale() can find it
  try {
    check('ip', ['netns', 'add', d.netns]);
    check('ip', ['-n', d.netns, 'link', 'set', 'lo', 'up']);
    const out = fs.openSync(d.logFile, 'a');
    // detached => setsid(); `ip netns exec` execs incusd in place, so child.pid is incusd's pid.
    const child = spawn('ip', ['netns', 'exec', d.netns, INCUSD, '--group', 'root', '--logfile', d.logFile], {
      detached: true,
      stdio: ['ignore', out, out],
      env: daemonEnv(d),
    });
    fs.closeSync(out);
    child.unref();
    d.pid = child.pid;
    writeRecord(d);
    if (d.ownerPid) startWatchdog(d);
    const deadline = Date.now() + timeoutSec * 1000;
    for (;;) {
      if (run('incus', ['admin', 'waitready', '--timeout=1'], { env: daemonEnv(d), timeoutMs: 5000 }).code === 0) break;
      if (!alive(d.pid)) throw new Error(`incusd exited during start-up:\n${logTail(d)}`);
      if (Date.now() > deadline) throw new Error(`incusd not ready after ${timeoutSec}s:\n${logTail(d)}`);
      sleepMs(100);
    }
    d.startMs = Date.now() - t0;
    writeRecord(d);
    return d;
  } catch (e) {
    stopDaemonSync(d);
    throw e;
  }
}

/** Detached watcher that stops the daemon if its owner process dies without stopping it. */
function startWatchdog(d) {
  const w = spawn(process.execPath, [path.join(__dirname, 'incus-watchdog.js'), String(d.ownerPid), d.recordFile], {
    detached: true,
    stdio: 'ignore',
  });
  w.unref();
}

/** `incus query PATH` parsed as JSON, or undefined on error. */
function query(d, urlPath, timeoutMs = 15000) {
  const r = run('incus', ['query', urlPath], { env: daemonEnv(d), timeoutMs });
  if (r.code !== 0) return undefined;
  try {
    return JSON.parse(r.stdout);
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
  const env = daemonEnv(d);
  const errors = [];
  const incus = (args) => {
    const r = run('incus', args, { env, timeoutMs: 60000 });
    if (r.code !== 0) errors.push(`incus ${args.join(' ')}: ${r.stderr.trim()}`);
  };
  if (what.instances) {
    const names = (query(d, '/1.0/instances') || []).map(lastSegment);
    if (names.length) incus(['delete', '--force', ...names]);
  }
  if (what.profiles) {
    for (const p of (query(d, '/1.0/profiles') || []).map(lastSegment)) {
      if (p !== 'default') incus(['profile', 'delete', p]);
    }
    const body = JSON.stringify({ config: {}, description: 'Default Incus profile', devices: {} });
    incus(['query', '-X', 'PUT', '/1.0/profiles/default', '--data', body]);
  }
  if (what.images) {
    for (const f of (query(d, '/1.0/images') || []).map(lastSegment)) incus(['image', 'delete', f]);
  }
  if (what.networks) {
    for (const n of query(d, '/1.0/networks?recursion=1') || []) {
      if (n.managed) incus(['network', 'delete', n.name]);
    }
  }
  if (what.pools) {
    for (const p of (query(d, '/1.0/storage-pools') || []).map(lastSegment)) {
      for (const v of (query(d, `/1.0/storage-pools/${p}/volumes/custom`) || []).map(lastSegment)) {
        incus(['storage', 'volume', 'delete', p, v]);
      }
      incus(['storage', 'delete', p]);
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
 * `incus admin shutdown`, SIGKILL whatever still runs in the netns (and its descendants: container
 * processes live in their own netns under `[lxc monitor]`), delete the netns and, unless
 * keepData, the INCUS_DIR. Returns a list of problems met (empty when all went well).
 */
function stopDaemonSync(d, { reset = {}, keepData = false } = {}) {
  const env = daemonEnv(d);
  const problems = [];
  const up = d.pid && alive(d.pid) && fs.existsSync(path.join(d.incusDir, 'unix.socket'));
  if (up) {
    problems.push(...resetDaemonSync(d, { ...reset, instances: true }));
    const r = run('incus', ['admin', 'shutdown', '--timeout=20'], { env, timeoutMs: 25000 });
    if (r.code !== 0) problems.push(`incus admin shutdown: ${r.stderr.trim()}`);
  }
  // Everything left in the netns (incusd, dnsmasq, forkproxy, monitors) and below it was started by us.
  for (let round = 0; round < 50; round++) {
    const roots = [...netnsPids(d.netns), ...(d.pid && alive(d.pid) ? [d.pid] : [])];
    const pids = [...new Set([...roots, ...descendants(roots)])].filter(alive);
    if (!pids.length) break;
    for (const p of pids) {
      try {
        process.kill(p, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }
    sleepMs(100);
  }
  if (netnsExists(d.netns)) {
    const r = run('ip', ['netns', 'del', d.netns]);
    if (r.code !== 0) problems.push(`ip netns del ${d.netns}: ${r.stderr.trim()}`);
  }
  if (!keepData) removeData(d, problems);
  return problems;
}

/** Delete the daemon's files, refusing if anything is still mounted below them. */
function removeData(d, problems) {
  const mounts = fs
    .readFileSync('/proc/self/mountinfo', 'utf8')
    .split('\n')
    .map((l) => l.split(' ')[4])
    .filter((m) => m && (m === d.incusDir || m.startsWith(`${d.incusDir}/`)));
  if (mounts.length) {
    problems.push(`not removing ${d.incusDir}: still mounted: ${mounts.join(', ')}`);
    return;
  }
  for (const p of [d.incusDir, d.confDir, d.logFile, d.recordFile]) {
    fs.rmSync(p, { recursive: true, force: true });
  }
}

/** Stop daemons left by fixture processes that died. */
function sweepStale() {
  if (!fs.existsSync(ROOT)) return [];
  const swept = [];
  for (const f of fs.readdirSync(ROOT)) {
    if (!f.endsWith('.json')) continue;
    let d;
    try {
      d = JSON.parse(fs.readFileSync(path.join(ROOT, f), 'utf8'));
    } catch {
      continue;
    }
    if (d && d.kind === 'incus' && d.ownerPid && !alive(d.ownerPid)) {
      stopDaemonSync(d);
      swept.push(d.id);
    }
  }
  return swept;
}

/**
 * Import the offline busybox image (the same unified tarball the LXD fixture uses: Incus reads
 * LXD's image format unchanged) under `alias`; no-op if the alias exists.
 */
function importBusyboxSync(env, alias = 'busybox') {
  if (run('incus', ['image', 'show', alias], { env }).code === 0) return;
  check('incus', ['image', 'import', buildBusyboxImageSync(), '--alias', alias], { env, timeoutMs: 120000 });
}

module.exports = {
  ROOT,
  INCUSD,
  makeId,
  describeDaemon,
  daemonEnv,
  startDaemonSync,
  stopDaemonSync,
  resetDaemonSync,
  query,
  netnsExists,
  sweepStale,
  importBusyboxSync,
};
