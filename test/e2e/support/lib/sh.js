'use strict';
// Small synchronous process helpers shared by the jest fixtures and bin/multipass.
// Plain CommonJS on purpose: the stand-in runs with bare `node`, no build step.
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

/** Run a command synchronously; never throws for a non-zero exit. */
function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, {
    encoding: 'utf8',
    input: opts.input,
    env: opts.env || process.env,
    cwd: opts.cwd,
    timeout: opts.timeoutMs,
    maxBuffer: 64 * 1024 * 1024,
  });
  const code = r.status === null ? (r.signal ? 128 + (require('os').constants.signals[r.signal] || 0) : 1) : r.status;
  return { stdout: r.stdout || '', stderr: (r.stderr || '') + (r.error ? String(r.error.message) : ''), code };
}

/** Like run() but throws with stderr when the exit code is not 0. */
function check(cmd, args, opts = {}) {
  const r = run(cmd, args, opts);
  if (r.code !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.code}): ${r.stderr.trim() || r.stdout.trim()}`);
  }
  return r;
}

/** True if a process with this pid exists (zombies count as gone). */
function alive(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

/** Send `sig` to `pid`; a process already gone is not an error. */
function signal(pid, sig) {
  try {
    process.kill(pid, sig);
  } catch {
    /* already gone */
  }
}

/** The parsed `*.json` records in folder `dir` (none if it does not exist; unreadable ones skipped). */
function readRecords(dir) {
  if (!fs.existsSync(dir)) return [];
  const out = [];
  for (const f of fs.readdirSync(dir)) {
    if (!f.endsWith('.json')) continue;
    try {
      const r = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
      if (r) out.push(r);
    } catch {
      /* being written, or not ours */
    }
  }
  return out;
}

/** Blocking sleep without spawning (Atomics.wait on a private buffer). */
function sleepMs(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** All descendants of the given pids (children, grandchildren, ...), from /proc. */
function descendants(rootPids) {
  const children = new Map();
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(d));
    } catch {
      /* process went away */
    }
  }
  const out = new Set();
  const todo = [...rootPids];
  while (todo.length) {
    const p = todo.pop();
    for (const c of children.get(p) || []) {
      if (!out.has(c)) {
        out.add(c);
        todo.push(c);
      }
    }
  }
  return [...out];
}

module.exports = { run, check, alive, signal, readRecords, sleepMs, descendants };
