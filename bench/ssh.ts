/**
 * What SSH adds per object against LocalHost. One machine of the e2e ssh lab
 * (test/e2e/support/ssh-lab.ts: a private LXD daemon and its own sshd in a network namespace,
 * key-only logins) gets the deploy benchmark's environment (N containers, 1 bridge, dir pool) by
 * `terraform apply` (default parallelism 10), run in the lab's workstation namespace both ways:
 *
 * - through a `LocalHost`: every script runs as `sh -s` on the deploying machine, against the
 *   machine's daemon socket (LXD_DIR);
 * - through an `SshHost` (alice, `sudo: true`): every script over ssh, sharing one connection
 *   (ControlMaster), which is closed before each apply so that each apply pays its own login.
 *
 * Interleaved (local, ssh), the daemon reset between runs, medians. The machine's sshd log gives the
 * logins ("Accepted publickey") and commands ("Starting session") of each apply. Then a no-change
 * apply over ssh, and the cost of one command through each runner (a no-op script, from the
 * workstation): `sh -s`, `sudo sh -s`, ssh over an open connection, ssh with a fresh login.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from '../constructs/core/cdk';
import { SSH_MULTIPLEX } from '../src/hosts/runner';
import { readPlan } from '../src/lifecycle/drift';
import { LabManifest, MANIFEST_FILE } from '../src/lifecycle/manifest';
import type { SshHostProps } from '../index';
import type { SshLab } from '../test/e2e/support/ssh-lab';
import { buildEnvironment, deployEnvOptions, envSpec } from './env';
import { daemonUnavailable, instanceNames, median, ms, resetDaemonAt, sshLabFixture, table, Target } from './support';

/** The lab's /24 (the e2e suites use 10.131.7-41 and 10.124-126.x). */
const SUBNET = '10.131.90';
const USER = 'alice';
/** Pairs of applies (LocalHost, SshHost; the order alternates): the machine is shared, so each pair is compared on its own. */
const reps = (n: number) => (n <= 20 ? 4 : 3);
/** Runs of each runner in the per-command measurement (fresh logins: fewer). */
const COMMAND_REPS = { warm: 15, cold: 5 };

export interface SshRow {
  containers: number;
  objects: number;
  reps: number;
  /** Medians of the applies. */
  localMs: number;
  sshMs: number;
  runs: { localMs: number[]; sshMs: number[] };
  /** Median over the pairs of (ssh - local) / objects. */
  perObjectMs: number;
  /** Each pair's (ssh - local) / objects. */
  perObjectRuns: number[];
  /** Per ssh apply (the largest over the runs): ssh logins, commands (sessions) run over ssh. */
  logins: number;
  sessions: number;
  /** Connections sshd dropped (MaxStartups) or refused, and ssh errors in terraform's output, over all runs. */
  refused: number;
  /** A no-change apply over ssh right after a deploy (its connection may still be open). */
  reapply: { ms: number; logins: number; sessions: number; noChanges: boolean };
}

/** One no-op command through a runner, from the workstation. */
export interface RunnerCost {
  /** Median wall time of one command. */
  ms: number;
  /** CPU per command: the deploying machine's processes (the runner's, e.g. mkdir and the ssh client), the ssh connection master, sshd's side (the session, bash, sudo, sh). */
  cpuMs: { client: number; master: number; server: number };
}

export interface SshCommandCost {
  reps: typeof COMMAND_REPS;
  local: RunnerCost;
  localSudo: RunnerCost;
  /** ssh over the open connection, with and without sudo. */
  ssh: RunnerCost;
  sshNoSudo: RunnerCost;
  /** ssh + sudo with a fresh login each time (median wall), and the logins those runs made. */
  sshColdMs: number;
  coldLogins: number;
}

/** What the sshd log holds so far. */
function sshdCounts(log: string): { logins: number; sessions: number; dropped: number } {
  const text = fs.existsSync(log) ? fs.readFileSync(log, 'utf8') : '';
  const count = (re: RegExp) => (text.match(re) ?? []).length;
  return {
    logins: count(/Accepted publickey for /g),
    sessions: count(/Starting session: command for /g),
    dropped: count(/drop connection|past MaxStartups|refused connect/gi),
  };
}

const SSH_ERRORS =
  /Connection (refused|closed|reset)|kex_exchange_identification|Session open refused|Connection timed out/g;

export async function benchSsh(
  sizes: number[],
): Promise<{ rows: SshRow[]; command?: SshCommandCost; skipped?: string }> {
  const skipped = daemonUnavailable('ssh', ['sshd', 'ssh', 'ssh-keygen', 'sudo', 'visudo', 'useradd']);
  if (skipped) return { rows: [], skipped };
  const fixture = sshLabFixture();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-ssh-'));
  process.stderr.write('  starting an ssh lab machine (LXD + sshd in a netns)...\n');
  const lab = await fixture.startSshLab({
    name: 'bench',
    subnet: SUBNET,
    machines: [{ name: 'h1', flavor: fixture.LXD }],
  });
  const onSignal = () => {
    void lab.stop();
    process.exit(130);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    await lab.importBusybox('h1');
    const rows: SshRow[] = [];
    let command: SshCommandCost | undefined;
    for (const n of sizes) {
      const row = await sshAt(lab, tmp, n);
      rows.push(row);
      command ??= await commandCost(lab, tmp);
    }
    return { rows, command };
  } finally {
    const problems = await lab.stop();
    if (problems.length) process.stderr.write(`ssh lab clean-up: ${problems.join('; ')}\n`);
    fs.rmSync(tmp, { recursive: true, force: true });
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  }
}

/** Asks the connection master of `lab`'s SshHost (if one runs) to exit, so the next command logs in. */
async function closeMaster(lab: SshLab): Promise<void> {
  const m = lab.machine('h1');
  await lab.inWorkstation('ssh', [
    '-o',
    `ControlPath=${SSH_MULTIPLEX.ControlPath}`,
    '-O',
    'exit',
    '-p',
    '22',
    `${USER}@${m.address}`,
  ]);
  // The master removes its socket as it exits: wait for that, so the next client cannot find it stale.
  await new Promise((r) => setTimeout(r, 200));
}

async function sshAt(lab: SshLab, tmp: string, n: number): Promise<SshRow> {
  const m = lab.machine('h1');
  const shared = path.join(tmp, 'shared');
  fs.mkdirSync(shared, { recursive: true });
  const base = deployEnvOptions(n, shared);
  const spec = envSpec(base);
  const objects = 1 + spec.bridges.length + spec.profiles.length + n;
  // Records of the prunes' hosts (drift --removed-hosts) go to a folder of the run.
  const env = { ...m.env, XDG_STATE_HOME: path.join(tmp, 'state') };
  const reset = () => resetDaemonAt(m.dataDir, m.env);

  const deploy = async (via: 'local' | 'ssh', rep: number) => {
    reset();
    const out = path.join(tmp, `${via}-${n}-${rep}`);
    const app = new App({ outdir: out });
    buildEnvironment(app, {
      ...base,
      host: via,
      sshHost: lab.sshHost('h1', USER, { sudo: true }),
      statePath: path.join(out, 'bench.tfstate'),
    });
    app.synth();
    const w = lab.terraformIn(path.join(out, 'stacks', 'bench'), env);
    await w.ok(['init']);
    if (via === 'ssh') await closeMaster(lab);
    const before = sshdCounts(m.sshdLog);
    const t0 = process.hrtime.bigint();
    const r = await w.run(['apply', '-auto-approve']);
    const elapsed = Number(process.hrtime.bigint() - t0) / 1e6;
    if (r.code !== 0)
      throw new Error(
        `terraform apply through ${via} (${n} containers) failed:\n${r.stdout.slice(-3000)}\n${r.stderr.slice(-3000)}`,
      );
    const running = instanceNames(m.env).length;
    if (running !== n) throw new Error(`after the apply through ${via}: ${running} of ${n} instances`);
    const after = sshdCounts(m.sshdLog);
    process.stderr.write(
      `  ssh ${n}: apply through ${via} ${ms(elapsed)}${via === 'ssh' ? ` (${after.logins - before.logins} login, ${after.sessions - before.sessions} commands)` : ''}\n`,
    );
    return {
      w,
      ms: elapsed,
      logins: after.logins - before.logins,
      sessions: after.sessions - before.sessions,
      refused: after.dropped - before.dropped + ((r.stdout + r.stderr).match(SSH_ERRORS) ?? []).length,
    };
  };

  const local: number[] = [];
  const ssh: Awaited<ReturnType<typeof deploy>>[] = [];
  for (let rep = 0; rep < reps(n); rep++) {
    if (rep % 2) ssh.push(await deploy('ssh', rep));
    local.push((await deploy('local', rep)).ms);
    if (!(rep % 2)) ssh.push(await deploy('ssh', rep));
  }
  // The last ssh deploy is in place: apply it again.
  const last = ssh[ssh.length - 1];
  const before = sshdCounts(m.sshdLog);
  const t0 = process.hrtime.bigint();
  const again = await last.w.ok(['apply', '-auto-approve']);
  const reapplyMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const after = sshdCounts(m.sshdLog);
  reset();
  const perObjectRuns = ssh.map((x, i) => (x.ms - local[i]) / objects);
  return {
    containers: n,
    objects,
    reps: reps(n),
    localMs: median(local),
    sshMs: median(ssh.map((x) => x.ms)),
    runs: { localMs: local, sshMs: ssh.map((x) => x.ms) },
    perObjectMs: median(perObjectRuns),
    perObjectRuns,
    logins: Math.max(...ssh.map((x) => x.logins)),
    sessions: Math.max(...ssh.map((x) => x.sessions)),
    refused: ssh.reduce((sum, x) => sum + x.refused, 0),
    reapply: {
      ms: reapplyMs,
      logins: after.logins - before.logins,
      sessions: after.sessions - before.sessions,
      noChanges: /No changes/.test(again),
    },
  };
}

/** The runner of an SshHost with `props`, exactly as the prunes and the drift command use it: from a synthesized lab manifest. */
function runnerOf(tmp: string, props: SshHostProps, name: string): string {
  const out = path.join(tmp, `runner-${name}`);
  const app = new App({ outdir: out });
  buildEnvironment(app, {
    containers: 1,
    host: 'ssh',
    sshHost: props,
    image: 'busybox',
    poolDriver: 'dir',
    bridges: 1,
    stackId: 'bench',
  });
  app.synth();
  const manifest = JSON.parse(fs.readFileSync(path.join(out, 'stacks', 'bench', MANIFEST_FILE), 'utf8')) as LabManifest;
  return readPlan([manifest])[0].runner;
}

/** CPU ms (user + system, with reaped children) of processes, from /proc (0 for one that is gone). */
function cpuOf(pids: readonly string[]): number {
  const tick = 1000 / 100; // USER_HZ
  return pids.reduce((sum, pid) => {
    try {
      const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      return sum + [11, 12, 13, 14].reduce((t, i) => t + Number(fields[i]) * tick, 0);
    } catch {
      return sum;
    }
  }, 0);
}

/** One no-op script through each runner, timed in the workstation by the shell that runs it; and its CPU. */
async function commandCost(lab: SshLab, tmp: string): Promise<SshCommandCost> {
  const m = lab.machine('h1');
  const sshSudo = runnerOf(tmp, lab.sshHost('h1', USER, { sudo: true }), 'sudo');
  const sshPlain = runnerOf(tmp, lab.sshHost('h1', USER), 'plain');
  // sshd's processes for the user's connection (they reap the sessions' shells, sudo and sh).
  const sshdPids = async () =>
    (await lab.inWorkstation('ip', ['netns', 'pids', m.netns])).stdout
      .split(/\s+/)
      .filter(Boolean)
      .filter((pid) => {
        try {
          return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').startsWith(`sshd: ${USER}`);
        } catch {
          return false;
        }
      });
  const masterPid = async () =>
    (
      await lab.inWorkstation('ssh', [
        '-o',
        `ControlPath=${SSH_MULTIPLEX.ControlPath}`,
        '-O',
        'check',
        '-p',
        '22',
        `${USER}@${m.address}`,
      ])
    ).stderr.match(/pid=(\d+)/)?.[1];
  const wall = async (runner: string, count: number, cold: boolean) => {
    const runs: number[] = [];
    for (let i = 0; i < count; i++) {
      if (cold) await closeMaster(lab);
      const r = await lab.inWorkstation('sh', [
        '-c',
        `s=$(date +%s%N); printf 'true\\n' | ${runner} || exit 1; e=$(date +%s%N); echo $(( (e - s) / 1000 ))`,
      ]);
      if (r.code !== 0) throw new Error(`${runner} failed (${r.code}): ${r.stderr}`);
      runs.push(Number(r.stdout.trim()) / 1000);
    }
    return median(runs);
  };
  const cost = async (runner: string, remote: boolean): Promise<RunnerCost> => {
    if (remote) await wall(runner, 1, false); // the connection is open
    const ms = await wall(runner, COMMAND_REPS.warm, false);
    const master = remote ? await masterPid() : undefined;
    const server = remote ? await sshdPids() : [];
    const before = { master: cpuOf(master ? [master] : []), server: cpuOf(server) };
    // `times`: the CPU of the shell's children (the runner's processes), user and system.
    const r = await lab.inWorkstation('sh', [
      '-c',
      `for i in $(seq ${COMMAND_REPS.warm}); do printf 'true\\n' | ${runner} >/dev/null || exit 1; done; times`,
    ]);
    if (r.code !== 0) throw new Error(`${runner} failed (${r.code}): ${r.stderr}`);
    const [user, system] = r.stdout
      .trim()
      .split('\n')
      .pop()!
      .split(/\s+/)
      .map((t) => {
        const x = /^(\d+)m([\d.]+)s$/.exec(t);
        return x ? Number(x[1]) * 60000 + Number(x[2]) * 1000 : NaN;
      });
    const per = (x: number) => x / COMMAND_REPS.warm;
    return {
      ms,
      cpuMs: {
        client: per(user + system),
        master: per(cpuOf(master ? [master] : []) - before.master),
        server: per(cpuOf(server) - before.server),
      },
    };
  };
  const local = await cost('sh -s', false);
  const localSudo = await cost('sudo sh -s', false);
  const ssh = await cost(sshSudo, true);
  const sshNoSudo = await cost(sshPlain, true);
  const logins = sshdCounts(m.sshdLog).logins;
  const sshColdMs = await wall(sshSudo, COMMAND_REPS.cold, true);
  return {
    reps: COMMAND_REPS,
    local,
    localSudo,
    ssh,
    sshNoSudo,
    sshColdMs,
    coldLogins: sshdCounts(m.sshdLog).logins - logins,
  };
}

/**
 * The target, at 20 containers and more (at 5 the fixed cost alone, one login and the dependency
 * chain's round trips, is ~100 ms per object): SSH adds at most this many ms of apply time per
 * object. Why 150: see bench/README.md, "SSH vs LocalHost".
 */
export const SSH_MS_PER_OBJECT = 150;
const SSH_TARGET_FROM = 20;

/** The report's ssh tables and targets. */
export function reportSsh(
  r: { rows: SshRow[]; command?: SshCommandCost },
  say: (s?: string) => void,
  targets: Target[],
): void {
  say(
    table(
      [
        'containers',
        'objects',
        'LocalHost apply',
        'SshHost apply',
        'ssh - local',
        'per object (pairs)',
        'ssh logins / commands per apply',
        'no-change apply over ssh: time / logins / commands',
      ],
      r.rows.map((x) => [
        x.containers,
        x.objects,
        ms(x.localMs),
        ms(x.sshMs),
        ms(x.perObjectMs * x.objects),
        `${x.perObjectMs.toFixed(1)} ms`,
        `${x.logins} / ${x.sessions}`,
        `${ms(x.reapply.ms)} / ${x.reapply.logins} / ${x.reapply.sessions}`,
      ]),
    ),
  );
  say();
  say(
    `runs (ms): ${r.rows
      .map(
        (x) =>
          `${x.containers}: local ${x.runs.localMs.map((t) => t.toFixed(0)).join(', ')}; ssh ${x.runs.sshMs.map((t) => t.toFixed(0)).join(', ')}; ` +
          `per object, pair by pair ${x.perObjectRuns.map((t) => t.toFixed(0)).join(', ')}`,
      )
      .join(' | ')}`,
  );
  const c = r.command;
  if (c) {
    const cpu = (x: RunnerCost) => x.cpuMs.client + x.cpuMs.master + x.cpuMs.server;
    say();
    say(
      `one no-op command from the workstation (medians of ${c.reps.warm}; CPU per command over ${c.reps.warm}: deploying machine + ssh master + sshd side):`,
    );
    say();
    say(
      table(
        ['runner', 'wall', 'CPU', 'deploying machine', 'ssh master', 'sshd, bash, sudo, sh'],
        (
          [
            ['sh -s (LocalHost)', c.local],
            ['sudo sh -s', c.localSudo],
            ['ssh, open connection', c.sshNoSudo],
            ['ssh + sudo, open connection (SshHost sudo: true)', c.ssh],
          ] as [string, RunnerCost][]
        ).map(([name, x]) => [name, ms(x.ms), ms(cpu(x)), ms(x.cpuMs.client), ms(x.cpuMs.master), ms(x.cpuMs.server)]),
      ),
    );
    say();
    say(`ssh + sudo with a fresh login: ${ms(c.sshColdMs)} (${c.coldLogins} logins for ${c.reps.cold} runs)`);
  }
  for (const x of r.rows) {
    if (x.containers >= SSH_TARGET_FROM) {
      targets.push({
        target: `ssh ${x.containers}: SSH adds at most ${SSH_MS_PER_OBJECT} ms per object over LocalHost`,
        measured: `${ms(x.sshMs)} vs ${ms(x.localMs)} for ${x.objects} objects: ${x.perObjectMs.toFixed(0)} ms per object (median of ${x.reps} pairs)`,
        ok: x.perObjectMs <= SSH_MS_PER_OBJECT,
      });
    }
    targets.push({
      target: `ssh ${x.containers}: one ssh login per apply, one command per object + 1 prune read, nothing refused`,
      measured: `${x.logins} login, ${x.sessions} commands for ${x.objects} objects, ${x.refused} refused/dropped`,
      ok: x.logins === 1 && x.sessions === x.objects + 1 && x.refused === 0,
    });
    targets.push({
      target: `ssh ${x.containers}: a no-change apply over ssh runs nothing`,
      measured: `${x.reapply.noChanges ? 'No changes' : 'changes planned'}, ${x.reapply.logins} logins, ${x.reapply.sessions} commands`,
      ok: x.reapply.noChanges && x.reapply.logins === 0 && x.reapply.sessions === 0,
    });
  }
}

/** For the report's heading. */
export const sshHeading = (r: { rows: SshRow[] }) =>
  `## SSH vs LocalHost (one ssh lab machine: LXD + sshd in a netns; ${USER} with sudo; terraform in the workstation netns; ` +
  `${r.rows.map((x) => `${x.reps} pairs of applies at ${x.containers}`).join(', ')}, medians; the connection closed before each ssh apply)`;
