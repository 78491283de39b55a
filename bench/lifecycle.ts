/**
 * Lifecycle costs on a private LXD daemon, at N containers deployed by `terraform apply` (the
 * deploy benchmark's environment, so every object carries the ownership keys the library writes):
 *
 * - prune: the `before` prune resource's local-exec, run exactly as Terraform runs it (`/bin/sh -c`
 *   with its command from cdk.tf.json, `node <program> prune before UNIT HASH`, in its working_dir:
 *   the stack's directory, whose lab manifest the program reads), when nothing is to be deleted and
 *   when N/2 containers are no longer declared; host commands, program runs and `lxc` calls counted;
 * - drift: `cdktf-lxd-matchbox drift --out <cdktf.out>` (a fresh node process), and its host read
 *   alone, against one `lxc list --format json` on the same daemon;
 * - a no-change `terraform apply` of the stack runs nothing.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from '../constructs/core/cdk';
import { readPlan } from '../src/lifecycle/drift';
import { LabManifest, MANIFEST_FILE } from '../src/lifecycle/manifest';
import { ownershipConfig, readScript } from '../src/lifecycle/scripts';
import { shq } from '../src/shell/quote';
import { buildEnvironment, deployEnvOptions, EnvOptions, envSpec } from './env';
import {
  Daemon,
  daemonUnavailable,
  deleteInstances,
  instanceNames,
  makeShims,
  median,
  ms,
  readShimLog,
  ShimCalls,
  table,
  Target,
  timed,
  which,
  withDaemon,
} from './support';

// The command as shipped (bin/ compiled with the same options as the package's build).
const DRIFT_BIN = path.join(__dirname, '..', 'bin', 'cdktf-lxd-matchbox.js');

/** Host commands (runner `sh -s` execs), lifecycle program runs and `lxc` execs of one measured command. */
export interface Counted extends ShimCalls {
  /** Epoch ms of the first `lxc delete` exec (where a prune's delete script starts). */
  firstDeleteAt?: number;
}

export interface LifecycleRow {
  containers: number;
  objects: number;
  /** Setup: `terraform apply` of the whole environment (containers started). */
  applyMs: number;
  /** A second, no-change `terraform apply`: every exec the shims saw (sh, node, lxc). */
  reapply: { ms: number; execs: number; lxc: number };
  drift: {
    reps: number;
    exitCode: number;
    output: string;
    /** `cdktf-lxd-matchbox drift` (whole process), its host read alone (`sh -c RUNNER` < read script), one `lxc list --format json`. */
    wallMs: number;
    readMs: number;
    lxcListMs: number;
    /** Start-up of the same node binary with an empty program (what every drift run pays first). */
    nodeMs: number;
    runs: { wallMs: number[]; readMs: number[]; lxcListMs: number[]; nodeMs: number[] };
    inventoryBytes: number;
    lxcListBytes: number;
    calls: Counted;
  };
  prune: {
    noop: { reps: number; ms: number; runs: number[]; calls: Counted };
    delete: {
      reps: number;
      deleted: number;
      ms: number;
      runs: number[];
      calls: Counted;
      /** From the start of the prune to its first `lxc delete` (read + plan), and the delete script after it. */
      readPlanMs: number;
      deleteScriptMs: number;
    };
  };
}

/** Repetitions: drift and the no-op prune are cheap; a prune that deletes needs N/2 containers re-created. */
const driftReps = 7;
const noopReps = 5;
const deleteReps = (n: number) => (n <= 20 ? 3 : 2);

/**
 * The `before` prune of a synthesized stack, as Terraform runs it: its local-exec command from
 * cdk.tf.json (`node <program> prune before UNIT HASH`, Terraform's `$${` unescaped), in its
 * working_dir (`path.module`: the stack's directory, where the lab manifest is). And the read the
 * drift command makes of the same daemon: the runner and read script of the manifest's unit.
 */
function pruneExec(stackDir: string): { command: string; cwd: string; runner: string; read: string } {
  const json = JSON.parse(fs.readFileSync(path.join(stackDir, 'cdk.tf.json'), 'utf8'));
  // Terraform's template unescaping of literal `${` / `%{`.
  const un = (s: string) => s.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{');
  const prunes = Object.values(json.resource?.terraform_data ?? {}) as {
    triggers_replace?: { lifecycle?: string };
    provisioner?: { 'local-exec'?: { command: string; working_dir?: string } }[];
  }[];
  const exec = prunes
    .filter((r) => r.triggers_replace?.lifecycle === 'cdktf-lxd-matchbox')
    .map((r) => r.provisioner?.[0]?.['local-exec'])
    .find((e) => e && / prune before /.test(e.command));
  if (!exec) throw new Error(`no before prune resource in ${stackDir}`);
  if (exec.working_dir !== '${path.module}')
    throw new Error(`the prune's working_dir is ${exec.working_dir}, not the stack directory`);
  const manifest = JSON.parse(fs.readFileSync(path.join(stackDir, MANIFEST_FILE), 'utf8')) as LabManifest;
  const reads = readPlan([manifest]);
  if (reads.length !== 1) throw new Error(`the bench stack reads ${reads.length} daemons, expected 1`);
  return { command: un(exec.command), cwd: stackDir, runner: reads[0].runner, read: readScript(reads[0].spec) };
}

/** Counts the calls in a shim log. */
function countCalls(log: string): Counted {
  const calls = readShimLog(log);
  const firstDelete = calls.lines.findIndex((l) => l.startsWith('lxc delete '));
  return { ...calls, firstDeleteAt: firstDelete >= 0 ? calls.times[firstDelete] : undefined };
}

/**
 * Interleaved timings of several commands (the machine is shared: a slow moment hits each one
 * alike). Each returns its wall time; medians are taken by the caller.
 */
function interleave(reps: number, fns: (() => number)[]): number[][] {
  const out = fns.map(() => [] as number[]);
  for (let i = 0; i < reps; i++) fns.forEach((f, k) => out[k].push(f()));
  return out;
}

export function benchLifecycle(sizes: number[]): { rows: LifecycleRow[]; skipped?: string } {
  const skipped = daemonUnavailable('lifecycle');
  if (skipped) return { rows: [], skipped };
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-lifecycle-'));
  try {
    return { rows: withDaemon((d) => sizes.map((n) => lifecycleAt(d, tmp, n))) };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

function lifecycleAt(d: Daemon, tmp: string, n: number): LifecycleRow {
  const reset = () => {
    deleteInstances(d.env);
    const problems = d.reset();
    if (problems.length) throw new Error(`reset failed: ${problems.join('; ')}`);
  };
  reset();
  const callLog = path.join(tmp, 'calls.log');
  const shims = makeShims(path.join(tmp, 'shims'), which('lxc', d.env)!);
  const base: NodeJS.ProcessEnv = {
    ...d.env,
    CHECKPOINT_DISABLE: '1',
    TF_IN_AUTOMATION: '1',
    XDG_STATE_HOME: path.join(tmp, 'state'),
  };
  const counted: NodeJS.ProcessEnv = { ...base, PATH: `${shims}:${base.PATH}`, BENCH_CALL_LOG: callLog };
  const shared = path.join(tmp, 'shared');
  fs.mkdirSync(shared, { recursive: true });
  const opts = deployEnvOptions(n, shared);
  const spec = envSpec(opts);
  const synth = (o: EnvOptions, outdir: string) => {
    fs.rmSync(outdir, { recursive: true, force: true });
    const app = new App({ outdir });
    buildEnvironment(app, { ...o, statePath: path.join(outdir, 'bench.tfstate') });
    app.synth();
    return path.join(outdir, 'stacks', 'bench');
  };

  // Setup: the whole environment through terraform, then a no-change apply.
  const full = path.join(tmp, `full-${n}`);
  const dir = synth(opts, full);
  timed('terraform', ['init', '-no-color', '-input=false'], { cwd: dir, env: base });
  const apply = timed('terraform', ['apply', '-no-color', '-input=false', '-auto-approve'], { cwd: dir, env: base });
  process.stderr.write(`  lifecycle ${n}: terraform apply ${ms(apply.ms)}\n`);
  if (instanceNames(base).length !== n) throw new Error(`after apply: ${instanceNames(base).length} of ${n} instances`);
  fs.rmSync(callLog, { force: true });
  const again = timed('terraform', ['apply', '-no-color', '-input=false', '-auto-approve'], { cwd: dir, env: counted });
  if (!/No changes/.test(again.r.stdout))
    throw new Error(`second apply was not a no-op:\n${again.r.stdout.slice(-2000)}`);
  const reapplyCalls = countCalls(callLog);

  // Drift against the host read alone and against `lxc list --format json`.
  const fullPrune = pruneExec(dir);
  let driftOut = { code: 0, output: '' };
  const drift = () => {
    const t = timed(process.execPath, [DRIFT_BIN, 'drift', '--out', full], { env: base, okCodes: [0, 2] });
    driftOut = { code: t.r.status ?? -1, output: (t.r.stdout + t.r.stderr).trim() };
    return t.ms;
  };
  let inventoryBytes = 0;
  const read = () => {
    const t = timed('sh', ['-c', fullPrune.runner], { env: base, input: fullPrune.read });
    inventoryBytes = t.r.stdout.length;
    return t.ms;
  };
  let lxcListBytes = 0;
  const list = () => {
    const t = timed('lxc', ['list', '--format', 'json'], { env: base });
    lxcListBytes = t.r.stdout.length;
    return t.ms;
  };
  const nodeStart = () => timed(process.execPath, ['-e', '0'], { env: base }).ms;
  const [wallRuns, readRuns, listRuns, nodeRuns] = interleave(driftReps, [drift, read, list, nodeStart]);
  fs.rmSync(callLog, { force: true });
  timed(process.execPath, [DRIFT_BIN, 'drift', '--out', full], { env: counted, okCodes: [0, 2] });
  // The drift command runs its runner with `sh -c RUNNER`: the runner (`sh -s`) is the host command.
  const driftCalls = countCalls(callLog);
  process.stderr.write(
    `  lifecycle ${n}: drift ${ms(median(wallRuns))} (read ${ms(median(readRuns))}) vs lxc list ${ms(median(listRuns))}\n`,
  );

  // The prune, as the synthesized `before` resource runs it.
  const runPrune = (p: ReturnType<typeof pruneExec>, env: NodeJS.ProcessEnv) =>
    timed('/bin/sh', ['-c', p.command], { cwd: p.cwd, env });
  const noopRuns: number[] = [];
  for (let i = 0; i < noopReps; i++) noopRuns.push(runPrune(fullPrune, base).ms);
  fs.rmSync(callLog, { force: true });
  runPrune(fullPrune, counted);
  const noopCalls = countCalls(callLog);
  if (instanceNames(base).length !== n) throw new Error('a prune with nothing to delete deleted something');

  // N/2 containers no longer declared: the stack as synthesized without them.
  const half = Math.floor(n / 2);
  const halfPrune = pruneExec(synth({ ...opts, containers: half }, path.join(tmp, `half-${n}`)));
  const removed = spec.containers.slice(half);
  const relaunch = () => {
    // Started, labelled as the library labels them (owner and path), in parallel jobs.
    const lines = [
      'pids=',
      ...removed.map(
        (c) =>
          `( lxc launch busybox ${shq(c.name)} ${c.profiles.map((p) => `-p ${shq(p)}`).join(' ')} ` +
          `${Object.entries({ ...c.config, ...ownershipConfig({ owner: 'bench', path: `bench/${c.name}` }) })
            .map(([k, v]) => `-c ${shq(`${k}=${v}`)}`)
            .join(' ')} ` +
          `-d ${shq(`eth0,network=${c.bridge}`)} -d ${shq(`eth0,ipv4.address=${c.ipv4Address}`)} >/dev/null ) & pids="$pids $!"`,
      ),
      'fail=0; for p in $pids; do wait "$p" || fail=1; done; exit $fail',
    ];
    timed('/bin/sh', ['-c', lines.join('\n')], { env: base });
  };
  const deleteRuns: number[] = [];
  const readPlanRuns: number[] = [];
  let deleteCalls: Counted = readShimLog(callLog);
  for (let i = 0; i < deleteReps(n); i++) {
    if (i > 0) relaunch();
    if (instanceNames(base).length !== n)
      throw new Error(`before prune ${i}: ${instanceNames(base).length} of ${n} instances`);
    fs.rmSync(callLog, { force: true });
    // Counted every time: the shims add ~2 ms per exec, under 1% of a prune that deletes.
    const startedAt = Date.now();
    deleteRuns.push(runPrune(halfPrune, counted).ms);
    deleteCalls = countCalls(callLog);
    readPlanRuns.push((deleteCalls.firstDeleteAt ?? NaN) - startedAt);
    const left = instanceNames(base);
    if (left.length !== half || left.some((x) => !spec.containers.slice(0, half).some((c) => c.name === x))) {
      throw new Error(`after the prune: ${left.length} instances, expected c0..c${half - 1}`);
    }
    process.stderr.write(`  lifecycle ${n}: prune deleting ${n - half} ${ms(deleteRuns[i])}\n`);
  }
  reset();
  return {
    containers: n,
    objects: 1 + spec.bridges.length + spec.profiles.length + n,
    applyMs: apply.ms,
    reapply: { ms: again.ms, execs: reapplyCalls.execs, lxc: reapplyCalls.lxc },
    drift: {
      reps: driftReps,
      exitCode: driftOut.code,
      output: driftOut.output.split('\n').slice(0, 20).join('\n'),
      wallMs: median(wallRuns),
      readMs: median(readRuns),
      lxcListMs: median(listRuns),
      nodeMs: median(nodeRuns),
      runs: { wallMs: wallRuns, readMs: readRuns, lxcListMs: listRuns, nodeMs: nodeRuns },
      inventoryBytes,
      lxcListBytes,
      calls: driftCalls,
    },
    prune: {
      noop: { reps: noopReps, ms: median(noopRuns), runs: noopRuns, calls: noopCalls },
      delete: {
        reps: deleteReps(n),
        deleted: n - half,
        ms: median(deleteRuns),
        runs: deleteRuns,
        calls: deleteCalls,
        readPlanMs: median(readPlanRuns),
        deleteScriptMs: median(deleteRuns.map((t, i) => t - readPlanRuns[i])),
      },
    },
  };
}

/** Spread of a set of runs, as `min-max`. */
const spread = (xs: number[]) => `${ms(Math.min(...xs))}-${ms(Math.max(...xs))}`;

/** The report's lifecycle tables and targets. */
export function reportLifecycle(rows: LifecycleRow[], say: (s?: string) => void, targets: Target[]): void {
  say(
    table(
      [
        'containers',
        'drift (process)',
        'its host read',
        'node start-up',
        'lxc list --format json',
        'drift / lxc list',
        'read / lxc list',
        'inventory / lxc list bytes',
        'drift: host commands / lxc',
      ],
      rows.map((r) => [
        r.containers,
        ms(r.drift.wallMs),
        ms(r.drift.readMs),
        ms(r.drift.nodeMs),
        ms(r.drift.lxcListMs),
        `${(r.drift.wallMs / r.drift.lxcListMs).toFixed(2)}x`,
        `${(r.drift.readMs / r.drift.lxcListMs).toFixed(2)}x`,
        `${(r.drift.inventoryBytes / 1e3).toFixed(0)} / ${(r.drift.lxcListBytes / 1e3).toFixed(0)} kB`,
        `${r.drift.calls.hostCommands} / ${r.drift.calls.lxc}`,
      ]),
    ),
  );
  say();
  say(
    table(
      [
        'containers',
        'objects',
        'prune, nothing to delete',
        'host commands / lxc',
        'prune, N/2 deleted',
        'read + plan / delete script',
        'per deleted container',
        'host commands / lxc',
        'no-change apply',
        'execs / lxc',
      ],
      rows.map((r) => [
        r.containers,
        r.objects,
        ms(r.prune.noop.ms),
        `${r.prune.noop.calls.hostCommands} / ${r.prune.noop.calls.lxc}`,
        `${ms(r.prune.delete.ms)} (${r.prune.delete.deleted})`,
        `${ms(r.prune.delete.readPlanMs)} / ${ms(r.prune.delete.deleteScriptMs)}`,
        ms(r.prune.delete.deleteScriptMs / r.prune.delete.deleted),
        `${r.prune.delete.calls.hostCommands} / ${r.prune.delete.calls.lxc}`,
        ms(r.reapply.ms),
        `${r.reapply.execs} / ${r.reapply.lxc}`,
      ]),
    ),
  );
  say();
  say(
    `spread (min-max): ${rows
      .map(
        (r) =>
          `${r.containers}: drift ${spread(r.drift.runs.wallMs)}, read ${spread(r.drift.runs.readMs)}, lxc list ${spread(r.drift.runs.lxcListMs)}, ` +
          `prune no-op ${spread(r.prune.noop.runs)}, prune deleting ${spread(r.prune.delete.runs)}`,
      )
      .join('; ')}`,
  );
  for (const r of rows) {
    const ratio = r.drift.wallMs / r.drift.lxcListMs;
    if (r.containers >= 200) {
      targets.push({
        target: `drift of ${r.containers} containers within 2x one lxc list --format json`,
        measured: `${ms(r.drift.wallMs)} vs ${ms(r.drift.lxcListMs)} (${ratio.toFixed(2)}x)`,
        ok: ratio <= 2,
      });
    }
    targets.push({
      target: `drift ${r.containers}: a deployed stack is in sync (exit 0)`,
      measured: `exit ${r.drift.exitCode}`,
      ok: r.drift.exitCode === 0,
    });
    targets.push({
      target: `drift ${r.containers}: one read command per host`,
      measured: `${r.drift.calls.hostCommands} host command, ${r.drift.calls.lxc} lxc calls (5 collections)`,
      ok: r.drift.calls.hostCommands === 1 && r.drift.calls.lxc === 5,
    });
    targets.push({
      target: `prune ${r.containers}: nothing to delete = 1 read call`,
      measured: `${r.prune.noop.calls.hostCommands} host command, ${r.prune.noop.calls.lxc} lxc calls`,
      ok: r.prune.noop.calls.hostCommands === 1 && r.prune.noop.calls.lxc === 5,
    });
    targets.push({
      target: `prune ${r.containers}: N/2 deleted = 1 read call + 1 delete script`,
      measured: `${r.prune.delete.calls.hostCommands} host commands, ${r.prune.delete.calls.lxc} lxc calls (5 + ${r.prune.delete.deleted} deletes)`,
      ok: r.prune.delete.calls.hostCommands === 2 && r.prune.delete.calls.lxc === 5 + r.prune.delete.deleted,
    });
    targets.push({
      target: `lifecycle ${r.containers}: a no-change apply runs nothing`,
      measured: `${r.reapply.execs} execs (sh, node, lxc), ${r.reapply.lxc} lxc calls`,
      ok: r.reapply.execs === 0,
    });
  }
}
