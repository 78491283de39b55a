'use strict';
// An "ssh lab" (synchronous core of ../ssh-lab.ts): several machines on one box, each a private LXD or
// Incus daemon (./daemon.js) in its own network namespace with its own sshd, all joined to one Linux
// bridge in a hub namespace, plus a workstation namespace on the same bridge from which the tests run
// terraform, node and ssh. Nothing gets an address in the root namespace; no traffic leaves the box.
//
//   hub netns:          br0 <- v<N> (one veth per machine) <- vws
//   machine netns:      lab0 = SUBNET.N/24, the daemon (its bridges, dnsmasq, nftables), sshd on SUBNET.N:22
//   workstation netns:  lab0 = SUBNET.250/24 (terraform, ssh clients, ControlPersist masters)
//
// The veths are created inside the hub namespace and their peers moved straight into the machine
// namespace, so no interface ever appears in the root namespace.
//
// Layout: $SSH_LAB_ROOT (default /tmp/sshlab) holds <id>/ (keys, sshd configs, logs, per-machine
// XDG_STATE_HOME, ssh control sockets) and <id>.json, the record used to tear a lab down after a crash
// (watchdog.js with this module, or sweepStaleLabs()). Each machine's daemon keeps its own record under
// its flavor's root (./daemon.js) with ownerPid null: only the lab tears it down.
const { spawn } = require('child_process');
const fs = require('fs');
const path = require('path');
const { run, check, alive, signal, readRecords, sleepMs } = require('./sh');
const daemon = require('./daemon');

const ROOT = process.env.SSH_LAB_ROOT || '/tmp/sshlab';
const SSHD = '/usr/sbin/sshd';
/** Non-root test users (besides root) who may log in with the lab key and use sudo without a password. */
const USERS = Object.freeze(['alice', 'bob']);
const SUDOERS = '/etc/sudoers.d/cdktf-lxd-matchbox-e2e';
/** Last octet of the workstation's address. */
const WORKSTATION_OCTET = 250;
/** Interface name of a namespace's leg on the hub bridge. */
const LEG = 'lab0';

/** Describe (without starting) a lab: every path, namespace and address, as a serialisable record. */
function describeLab({ name, subnet, machines, ownerPid = null }) {
  if (!/^(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.test(subnet) || subnet.split('.').some((o) => Number(o) > 255)) {
    throw new Error(`ssh lab ${name}: subnet ${subnet} is not the first three octets of an IPv4 /24 (e.g. 10.131.7)`);
  }
  if (!machines.length || machines.length >= WORKSTATION_OCTET) throw new Error(`ssh lab ${name}: 1 to ${WORKSTATION_OCTET - 1} machines`);
  const names = new Set();
  for (const m of machines) {
    if (!/^[a-z][a-z0-9-]{0,30}$/.test(m.name) || names.has(m.name)) throw new Error(`ssh lab ${name}: machine name ${m.name} is invalid or repeated`);
    names.add(m.name);
  }
  const id = daemon.makeId('s', name);
  const dir = path.join(ROOT, id);
  const client = path.join(dir, 'client');
  return {
    id,
    name,
    subnet,
    ownerPid,
    dir,
    recordFile: `${dir}.json`,
    hubNetns: `sl-${id}-hub`,
    workstation: { netns: `sl-${id}-ws`, address: `${subnet}.${WORKSTATION_OCTET}` },
    identityFile: path.join(client, 'id_ed25519'),
    knownHostsFile: path.join(client, 'known_hosts'),
    controlDir: path.join(client, 'cm'),
    authorizedKeysDir: path.join(dir, 'authorized_keys'),
    users: ['root', ...USERS],
    machines: machines.map((m, i) => {
      const home = path.join(dir, m.name);
      const d = daemon.describeDaemon(daemon.makeId('s', m.name), { ownerPid: null, lab: `${dir}.json` }, m.flavor);
      return {
        name: m.name,
        kind: m.flavor.kind,
        address: `${subnet}.${i + 1}`,
        daemonId: d.id,
        netns: d.netns,
        stateHome: path.join(home, 'state'),
        sshd: {
          config: path.join(home, 'sshd_config'),
          hostKey: path.join(home, 'ssh_host_ed25519_key'),
          pidFile: path.join(home, 'sshd.pid'),
          log: path.join(home, 'sshd.log'),
          pid: 0,
        },
      };
    }),
  };
}

/** The flavor (./daemon.js) of a lab machine. */
const flavorOfMachine = (m) => (m.kind === 'incus' ? daemon.INCUS : daemon.LXD);

/** The daemon record of a machine: its record file when present (it has the current pid), else as described. */
function machineDaemon(m) {
  const f = flavorOfMachine(m);
  try {
    return JSON.parse(fs.readFileSync(path.join(f.root, `${m.daemonId}.json`), 'utf8'));
  } catch {
    return daemon.describeDaemon(m.daemonId, { ownerPid: null }, f);
  }
}

function writeRecord(rec) {
  fs.writeFileSync(rec.recordFile, JSON.stringify(rec, null, 2));
}

/**
 * Create `alice` and `bob` if missing (password field `*`, not `!`: with `UsePAM no` sshd refuses a
 * locked account even with a key) and the sudoers drop-in giving them sudo without a password, with
 * the daemon's variables and XDG_STATE_HOME kept through sudo's env_reset (for root as well). Users
 * and drop-in stay after the lab (they are the same for every lab).
 */
function ensureUsersSync() {
  for (const u of USERS) {
    if (run('id', ['-u', u]).code !== 0) {
      const r = run('useradd', ['--create-home', '--shell', '/bin/bash', '--password', '*', u]);
      if (r.code !== 0 && run('id', ['-u', u]).code !== 0) throw new Error(`useradd ${u}: ${r.stderr.trim()}`);
    }
    const shadow = run('getent', ['shadow', u]).stdout.split(':')[1] || '';
    if (shadow.startsWith('!')) check('usermod', ['--password', '*', u]);
  }
  const text = [
    '# cdktf-lxd-matchbox e2e ssh lab (test/e2e/support/lib/ssh-lab.js): test users with sudo, keeping the',
    "# variables that point at a lab machine's private daemon and records.",
    // root too: `sudo` as root (an SshHost with user root and sudo) must reach the same daemon.
    ...['root', ...USERS].map((u) => `Defaults:${u} env_keep += "LXD_DIR LXD_CONF INCUS_DIR INCUS_CONF XDG_STATE_HOME"`),
    ...USERS.map((u) => `${u} ALL=(ALL:ALL) NOPASSWD: ALL`),
    '',
  ].join('\n');
  let current = '';
  try {
    current = fs.readFileSync(SUDOERS, 'utf8');
  } catch {
    /* not written yet */
  }
  if (current === text) return;
  const tmp = `${SUDOERS}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, text, { mode: 0o440 });
  const r = run('visudo', ['-cf', tmp]);
  if (r.code !== 0) {
    fs.rmSync(tmp, { force: true });
    throw new Error(`sudoers drop-in refused by visudo: ${r.stdout}${r.stderr}`);
  }
  fs.renameSync(tmp, SUDOERS);
}

const keygen = (file, comment) => check('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', comment, '-f', file]);

/** Whether this sshd knows `PerSourcePenalties` (OpenSSH >= 9.8), tried on a finished config. */
function knowsPerSourcePenalties(config) {
  return run(SSHD, ['-t', '-f', config, '-o', 'PerSourcePenalties=no']).code === 0;
}

/** The sshd config of machine `m`: key-only logins on the machine's address, the daemon's env in every session. */
function sshdConfig(rec, m) {
  const f = flavorOfMachine(m);
  const d = machineDaemon(m);
  return [
    `ListenAddress ${m.address}:22`,
    'AddressFamily inet',
    `HostKey ${m.sshd.hostKey}`,
    `PidFile ${m.sshd.pidFile}`,
    `AuthorizedKeysFile ${rec.authorizedKeysDir}/%u`,
    'PubkeyAuthentication yes',
    'PasswordAuthentication no',
    'KbdInteractiveAuthentication no',
    'PermitRootLogin prohibit-password',
    'UsePAM no',
    // The keys live in a test folder under /tmp.
    'StrictModes no',
    'LogLevel VERBOSE',
    // All machines share one filesystem: each gets its own record folder through XDG_STATE_HOME.
    `SetEnv ${f.dirVar}=${d[f.dirKey]} ${f.confVar}=${d.confDir} XDG_STATE_HOME=${m.stateHome}`,
    // MaxStartups stays at its default (10:30:100): tests must stay within it.
    '',
  ].join('\n');
}

/** `ip -n NS ARGS` */
const ipn = (netns, ...args) => check('ip', ['-n', netns, ...args]);

/** A veth from the hub bridge (`hubEnd`) into `netns` (named LEG there) with `address`/24, both ends up. */
function plugIntoHub(rec, hubEnd, netns, address) {
  ipn(rec.hubNetns, 'link', 'add', hubEnd, 'type', 'veth', 'peer', 'name', LEG, 'netns', netns);
  ipn(rec.hubNetns, 'link', 'set', hubEnd, 'master', 'br0', 'up');
  ipn(netns, 'addr', 'add', `${address}/24`, 'dev', LEG);
  ipn(netns, 'link', 'set', LEG, 'up');
}

/** Spawn machine `m`'s sshd (in the foreground, -D, detached from us) inside its netns. */
function spawnSshd(m) {
  fs.rmSync(m.sshd.pidFile, { force: true });
  const out = fs.openSync(m.sshd.log, 'a');
  // `ip netns exec` execs sshd in place: child.pid is sshd's pid.
  const child = spawn('ip', ['netns', 'exec', m.netns, SSHD, '-D', '-f', m.sshd.config, '-E', m.sshd.log], {
    detached: true,
    stdio: ['ignore', out, out],
  });
  fs.closeSync(out);
  child.unref();
  m.sshd.pid = child.pid;
}

/** Wait until every sshd has written its PidFile (sshd does so once it listens). */
function awaitSshds(rec, timeoutSec = 10) {
  const deadline = Date.now() + timeoutSec * 1000;
  for (const m of rec.machines) {
    while (!fs.existsSync(m.sshd.pidFile)) {
      if (!alive(m.sshd.pid)) throw new Error(`sshd of ${m.name} exited:\n${tail(m.sshd.log)}`);
      if (Date.now() > deadline) throw new Error(`sshd of ${m.name} not listening after ${timeoutSec}s:\n${tail(m.sshd.log)}`);
      sleepMs(10);
    }
  }
}

function tail(file) {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-15).join('\n');
  } catch {
    return '(no log)';
  }
}

/**
 * Start a described lab: users, keys, hub and workstation namespaces, the machines' daemons (launched
 * together), their legs on the hub and their sshds. The record is written before anything can leak;
 * with `ownerPid`, a detached watchdog tears the lab down if that process dies first. On failure,
 * everything started is torn down and the error rethrown. Sets `rec.startMs`.
 */
function startLabSync(rec, { timeoutSec = 30 } = {}) {
  const t0 = Date.now();
  fs.mkdirSync(ROOT, { recursive: true });
  // Other users (alice, bob) must reach the machines' state folders and nothing else of ours matters to them.
  fs.mkdirSync(rec.dir, { mode: 0o755 });
  fs.chmodSync(rec.dir, 0o755);
  writeRecord(rec);
  if (rec.ownerPid) startWatchdog(rec);
  try {
    ensureUsersSync();
    // sshd's privilege separation directory (no systemd here to make it).
    fs.mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });
    fs.mkdirSync(rec.controlDir, { recursive: true, mode: 0o700 });
    fs.mkdirSync(rec.authorizedKeysDir, { mode: 0o755 });
    keygen(rec.identityFile, `ssh-lab ${rec.id} client`);
    fs.writeFileSync(rec.knownHostsFile, '');
    const pub = fs.readFileSync(`${rec.identityFile}.pub`, 'utf8');
    for (const u of rec.users) fs.writeFileSync(path.join(rec.authorizedKeysDir, u), pub, { mode: 0o644 });

    check('ip', ['netns', 'add', rec.hubNetns]);
    ipn(rec.hubNetns, 'link', 'set', 'lo', 'up');
    ipn(rec.hubNetns, 'link', 'add', 'br0', 'type', 'bridge');
    ipn(rec.hubNetns, 'link', 'set', 'br0', 'up');
    check('ip', ['netns', 'add', rec.workstation.netns]);
    ipn(rec.workstation.netns, 'link', 'set', 'lo', 'up');
    plugIntoHub(rec, 'vws', rec.workstation.netns, rec.workstation.address);

    const daemons = rec.machines.map((m) => daemon.describeDaemon(m.daemonId, { ownerPid: null, lab: rec.recordFile }, flavorOfMachine(m)));
    daemon.startDaemonsSync(daemons, { timeoutSec });
    let penalties;
    for (const m of rec.machines) {
      plugIntoHub(rec, `v${m.address.split('.')[3]}`, m.netns, m.address);
      fs.mkdirSync(path.dirname(m.sshd.config), { recursive: true });
      // Shared by every user of the machine (root, or alice and bob with or without sudo).
      fs.mkdirSync(m.stateHome, { mode: 0o777 });
      fs.chmodSync(m.stateHome, 0o777);
      keygen(m.sshd.hostKey, `ssh-lab ${rec.id} ${m.name}`);
      fs.writeFileSync(m.sshd.config, sshdConfig(rec, m));
      // OpenSSH >= 9.8 penalises a source address for refused or unauthenticated connections: every
      // connection here comes from the workstation, so that would turn one test's refusals into the next's.
      if (penalties === undefined) penalties = knowsPerSourcePenalties(m.sshd.config);
      if (penalties) fs.appendFileSync(m.sshd.config, 'PerSourcePenalties no\n');
      spawnSshd(m);
    }
    writeRecord(rec);
    awaitSshds(rec);
  } catch (e) {
    stopRecordSync(rec);
    throw e;
  }
  rec.startMs = Date.now() - t0;
  writeRecord(rec);
  return rec;
}

/** Detached watcher (./watchdog.js with this module) that tears the lab down if its owner dies. */
function startWatchdog(rec) {
  const w = spawn(process.execPath, [path.join(__dirname, 'watchdog.js'), String(rec.ownerPid), rec.recordFile, path.join(__dirname, 'ssh-lab.js')], {
    detached: true,
    stdio: 'ignore',
  });
  w.unref();
  rec.watchdogPid = w.pid;
  writeRecord(rec);
}

/** End the lab's watchdog (it would exit within half a second of the record going anyway), unless we are it. */
function endWatchdog(rec) {
  const pid = rec.watchdogPid;
  if (!pid || pid === process.pid || !alive(pid)) return;
  let cmdline = '';
  try {
    cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return;
  }
  if (cmdline.includes(rec.recordFile)) signal(pid, 'SIGKILL');
}

/** Stop machine `m`'s daemon only (SIGTERM): netns, sshd, data and running instances stay. */
function haltMachineSync(m) {
  return daemon.haltDaemonSync(machineDaemon(m));
}

/** Start machine `m`'s daemon again in its netns with its data (after haltMachineSync). */
function resumeMachineSync(m, { timeoutSec = 30 } = {}) {
  daemon.startDaemonSync(machineDaemon(m), { timeoutSec, restart: true });
}

/**
 * Always-succeeding teardown of a lab record (idempotent): per machine (last first) its sshd and its
 * daemon with everything in its netns (killed: the data goes anyway, and a cluster member whose peers
 * are gone could wait long for a graceful stop), then the workstation (whatever runs there: terraform,
 * ssh clients, ControlPersist masters) and the hub, the lab's files, and the record last. Returns
 * the problems met (empty when all went well).
 */
function stopRecordSync(rec) {
  const problems = [];
  for (const m of [...rec.machines].reverse()) {
    if (m.sshd.pid && alive(m.sshd.pid)) signal(m.sshd.pid, 'SIGTERM');
    problems.push(...daemon.stopDaemonSync(machineDaemon(m), { kill: true }));
    if (m.sshd.pid && alive(m.sshd.pid)) {
      signal(m.sshd.pid, 'SIGKILL');
      problems.push(`sshd of ${m.name} (pid ${m.sshd.pid}) outlived its netns`);
    }
  }
  for (const ns of [rec.workstation.netns, rec.hubNetns]) problems.push(...daemon.killNetnsSync(ns));
  fs.rmSync(rec.dir, { recursive: true, force: true });
  fs.rmSync(rec.recordFile, { force: true });
  endWatchdog(rec);
  return problems;
}

/** Tear down labs whose owner process died without stopping them. Returns their ids. */
function sweepStaleLabs() {
  const swept = [];
  for (const rec of readRecords(ROOT)) {
    if (rec.ownerPid && !alive(rec.ownerPid)) {
      stopRecordSync(rec);
      swept.push(rec.id);
    }
  }
  return swept;
}

module.exports = {
  ROOT,
  USERS,
  SUDOERS,
  LEG,
  describeLab,
  flavorOfMachine,
  machineDaemon,
  ensureUsersSync,
  startLabSync,
  haltMachineSync,
  resumeMachineSync,
  stopRecordSync,
  sweepStaleLabs,
};
