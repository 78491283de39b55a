/**
 * `npm run bench [-- --synth-only | --deploy-only | --lifecycle-only | --ssh-only | --graph-only
 *   | --no-synth | --no-deploy | --no-lifecycle | --no-ssh | --no-graph]
 *   [--sizes=10,100,1000,5000] [--deploy=5,20] [--lifecycle=20,200] [--ssh=20,50] [--reps=N]`
 *
 * Synth: each size is synthesized in a fresh node process running the compiled JavaScript
 * (./synth-app.ts, preloaded with ./no-spawn.js), against the bare-cdktf floor: the same
 * number of terraform_data resources with the same bytes of input, and nothing else.
 * Deploy (root, lxd, terraform): `terraform apply` of the environment on a private LXD
 * daemon against shell scripts doing the same with plain `lxc`, serially and in parallel.
 * Lifecycle (./lifecycle.ts; root, lxd, terraform): the prune and drift costs on the deployed
 * environment, against one `lxc list --format json` on the same daemon.
 * SSH (./ssh.ts; root, lxd, terraform, sshd): the deploy through an SshHost against a LocalHost on
 * one machine of the e2e ssh lab: time per object, ssh logins and commands.
 * Prints a table with PASS/FAIL targets and writes the same to bench/results.json.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from '../constructs/core/cdk';
import { buildEnvironment, deployEnvOptions, envSpec } from './env';
import { benchGraph, GraphRow, reportGraph } from './graph';
import { benchLifecycle, reportLifecycle } from './lifecycle';
import { benchSsh, reportSsh, sshHeading } from './ssh';
import { shellScript } from './script';
import {
  Daemon,
  daemonUnavailable,
  loadSampler,
  makeShims,
  median,
  ms,
  readShimLog,
  REPO,
  ShimCalls,
  table,
  Target,
  timed,
  verdict,
  which,
  withDaemon,
} from './support';

// Compiled to node_modules/.cache/cdktf-lxd-matchbox/bench/bench/run.js.
const SYNTH_APP = path.join(__dirname, 'synth-app.js');
const NO_SPAWN = path.join(REPO, 'bench', 'no-spawn.js');
const RESULTS = path.join(REPO, 'bench', 'results.json');

interface Args {
  synth: boolean;
  deploy: boolean;
  lifecycle: boolean;
  ssh: boolean;
  graph: boolean;
  sizes: number[];
  deploySizes: number[];
  lifecycleSizes: number[];
  sshSizes: number[];
  reps?: number;
}

function parseArgs(argv: string[]): Args {
  const get = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const list = (v: string | undefined, d: number[]) => (v ? v.split(',').map(Number) : d);
  const only = ['synth', 'deploy', 'lifecycle', 'ssh', 'graph'].find((p) => argv.includes(`--${p}-only`));
  const part = (p: string) => (only ? only === p : !argv.includes(`--no-${p}`));
  return {
    synth: part('synth'),
    deploy: part('deploy'),
    lifecycle: part('lifecycle'),
    ssh: part('ssh'),
    graph: part('graph'),
    sizes: list(get('sizes'), [10, 100, 1000, 5000]),
    deploySizes: list(get('deploy'), [5, 20]),
    lifecycleSizes: list(get('lifecycle'), [20, 200]),
    sshSizes: list(get('ssh'), [20, 50]),
    reps: get('reps') ? Number(get('reps')) : undefined,
  };
}

// ---------------------------------------------------------------- synth

interface SynthRun {
  mode: string;
  n: number;
  resources: number;
  bytes: number;
  loadMs: number;
  buildMs: number;
  synthMs: number;
  totalMs: number;
  maxRssKiB: number;
  /** Wall time of the whole `node synth-app.js` process, as seen by the parent. */
  wallMs: number;
  /** child_process calls made in the synth process. */
  spawns: number;
}

function synthOnce(mode: 'lib' | 'bare', n: number, fill = 0): SynthRun {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), `bench-${mode}-`));
  const log = path.join(out, 'spawns.json');
  const t0 = process.hrtime.bigint();
  const r = spawnSync(
    process.execPath,
    ['-r', NO_SPAWN, SYNTH_APP, mode, String(n), path.join(out, 'cdktf.out'), String(fill)],
    {
      env: { ...process.env, BENCH_SPAWN_LOG: log, CHECKPOINT_DISABLE: '1' },
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    },
  );
  const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`synth ${mode} ${n} failed (${r.status}):\n${r.stderr}`);
  const spawns = JSON.parse(fs.readFileSync(log, 'utf8')).count as number;
  fs.rmSync(out, { recursive: true, force: true });
  return { ...JSON.parse(r.stdout.trim().split('\n').pop()!), wallMs, spawns };
}

interface SynthRow {
  containers: number;
  resources: number;
  reps: number;
  lib: { wallMs: number; synthMs: number; maxRssMiB: number; bytes: number; spawns: number; bytesPerResource: number };
  bare: { wallMs: number; synthMs: number; maxRssMiB: number; bytes: number; spawns: number };
  /** lib / bare, in-process build+synth time (the stricter ratio: it leaves out node and module start-up). */
  ratio: number;
  /** lib / bare, whole-process wall time (`node app.js` as users run it). */
  wallRatio: number;
  perResourceUs: number;
}

function summarize(runs: SynthRun[]) {
  return {
    wallMs: median(runs.map((r) => r.wallMs)),
    synthMs: median(runs.map((r) => r.totalMs)),
    maxRssMiB: Math.round(median(runs.map((r) => r.maxRssKiB)) / 1024),
    bytes: runs[0].bytes,
    spawns: Math.max(...runs.map((r) => r.spawns)),
    resources: runs[0].resources,
  };
}

function benchSynth(args: Args) {
  // Per-resource JSON overhead of the floor without any input: what the fill must add.
  const empty = synthOnce('bare', 200, 0);
  const floorOverhead = empty.bytes / empty.resources;
  const rows: SynthRow[] = [];
  for (const n of args.sizes) {
    const reps = args.reps ?? (n >= 5000 ? 3 : 5);
    const libRuns: SynthRun[] = [];
    const bareRuns: SynthRun[] = [];
    for (let i = 0; i < reps; i++) {
      const lib = synthOnce('lib', n);
      libRuns.push(lib);
      const fill = Math.round(lib.bytes / lib.resources - floorOverhead);
      bareRuns.push(synthOnce('bare', lib.resources, fill));
      process.stderr.write(`  synth ${n}: lib ${ms(lib.totalMs)} / bare ${ms(bareRuns[i].totalMs)}\n`);
    }
    const lib = summarize(libRuns);
    const bare = summarize(bareRuns);
    if (bare.resources !== lib.resources)
      throw new Error(`floor has ${bare.resources} resources, library ${lib.resources}`);
    rows.push({
      containers: n,
      resources: lib.resources,
      reps,
      lib: { ...lib, bytesPerResource: Math.round(lib.bytes / lib.resources) },
      bare,
      ratio: lib.synthMs / bare.synthMs,
      wallRatio: lib.wallMs / bare.wallMs,
      perResourceUs: (lib.synthMs * 1000) / lib.resources,
    });
  }
  return rows;
}

// ---------------------------------------------------------------- deploy

interface Calls extends ShimCalls {
  /** Seconds from `startedAt` to the first call that names a container (the shared objects are then done). */
  firstContainerCallS?: number;
}

function readCalls(log: string, startedAt?: number): Calls {
  const calls = readShimLog(log);
  const first = calls.lines.findIndex((l) => l.startsWith('lxc ') && containerIn(l));
  return {
    ...calls,
    firstContainerCallS: startedAt !== undefined && first >= 0 ? (calls.times[first] - startedAt) / 1000 : undefined,
  };
}

const containerIn = (line: string) => line.match(/(?:^|[\s/^])(c\d+)(?=$|[\s$])/)?.[1];

/** lxc calls that name each container (`c12` as a word or in `/1.0/instances/c12`, `^c12$`). */
function callsPerContainer(lines: string[], names: string[]): number[] {
  const counts = new Map(names.map((n) => [n, 0]));
  for (const l of lines) {
    if (!l.startsWith('lxc ')) continue;
    const c = containerIn(l);
    if (c && counts.has(c)) counts.set(c, counts.get(c)! + 1);
  }
  return [...counts.values()];
}

function runningContainers(env: NodeJS.ProcessEnv): string[] {
  const r = spawnSync('lxc', ['list', '-c', 'ns', '-f', 'csv'], { env, encoding: 'utf8' });
  return r.stdout
    .split('\n')
    .filter((l) => l.endsWith(',RUNNING'))
    .map((l) => l.split(',')[0]);
}

/** Repetitions of each deploy measurement. */
const deployReps = (n: number) => (n <= 5 ? 5 : 2);

interface DeployRow {
  containers: number;
  objects: number;
  reps: number;
  scriptSerialMs: number;
  scriptParallelMs: number;
  applyMs: number;
  applyP20Ms?: number;
  planNoChangeMs: number;
  reapplyMs: number;
  ratioToParallel: number;
  ratioToSerial: number;
  /** Host commands (`sh -s`: converges and the prune's read), lifecycle program runs (the two prunes), lxc calls. */
  tf: { hostCommands: number; programRuns: number; lxc: number; lxcPerContainer: { min: number; max: number } };
  script: { serialLxc: number; parallelLxc: number; lxcPerContainer: { min: number; max: number } };
  /** Every exec the shims saw during the no-change apply (sh, node, lxc). */
  reapply: { execs: number; lxc: number };
  /** Median seconds until the first container command: terraform start-up + pool, bridge, profiles. */
  sharedObjectsS: { terraform: number; serial: number; parallel: number };
  synthMs: number;
}

function benchDeploy(sizes: number[]): { rows: DeployRow[]; skipped?: string; versions?: Record<string, string> } {
  const skipped = daemonUnavailable('deploy');
  if (skipped) return { rows: [], skipped };
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-deploy-'));
  try {
    return withDaemon((d) => deployOn(d, tmp, sizes));
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

function deployOn(d: Daemon, tmp: string, sizes: number[]): { rows: DeployRow[]; versions: Record<string, string> } {
  const realLxc = which('lxc', d.env)!;
  const shims = makeShims(path.join(tmp, 'shims'), realLxc);
  const callLog = path.join(tmp, 'calls.log');
  const env: NodeJS.ProcessEnv = {
    ...d.env,
    PATH: `${shims}:${d.env.PATH}`,
    BENCH_CALL_LOG: callLog,
    CHECKPOINT_DISABLE: '1',
    TF_IN_AUTOMATION: '1',
  };
  const shared = path.join(tmp, 'shared');
  fs.mkdirSync(shared);
  const versions = {
    terraform: (spawnSync('terraform', ['version'], { encoding: 'utf8' }).stdout ?? '').split('\n')[0],
    lxd: (spawnSync('lxd', ['--version'], { env: d.env, encoding: 'utf8' }).stdout ?? '').trim(),
  };
  const reset = () => {
    const problems = d.reset();
    if (problems.length) throw new Error(`reset failed: ${problems.join('; ')}`);
    fs.rmSync(callLog, { force: true });
  };
  const rows: DeployRow[] = [];
  for (const n of sizes) {
    const opts = deployEnvOptions(n, shared);
    const spec = envSpec(opts);
    const names = spec.containers.map((c) => c.name);
    const objects = 1 + spec.bridges.length + spec.profiles.length + n;
    const expectRunning = (what: string) => {
      const running = runningContainers(d.env);
      if (running.length !== n) throw new Error(`${what}: ${running.length} of ${n} containers running`);
    };

    // Shell scripts.
    const runScript = (mode: 'serial' | 'parallel') => {
      reset();
      const file = path.join(tmp, `create-${mode}-${n}.sh`);
      fs.writeFileSync(file, shellScript(spec, mode));
      const startedAt = Date.now();
      const { ms: t } = timed('/bin/sh', [file], { env });
      expectRunning(`script ${mode}`);
      process.stderr.write(`  deploy ${n}: script ${mode} ${ms(t)}\n`);
      return { ms: t, calls: readCalls(callLog, startedAt) };
    };

    // Terraform.
    const applyOnce = (parallelism?: number) => {
      reset();
      const workdir = path.join(tmp, `tf-${n}-${parallelism ?? 10}`);
      fs.rmSync(workdir, { recursive: true, force: true }); // with its state file
      const t0 = process.hrtime.bigint();
      const app = new App({ outdir: workdir });
      buildEnvironment(app, { ...opts, statePath: path.join(workdir, 'bench.tfstate') });
      app.synth();
      const synthMs = Number(process.hrtime.bigint() - t0) / 1e6;
      const dir = path.join(workdir, 'stacks', 'bench');
      timed('terraform', ['init', '-no-color', '-input=false'], { cwd: dir, env });
      fs.rmSync(callLog, { force: true });
      const extra = parallelism ? [`-parallelism=${parallelism}`] : [];
      const startedAt = Date.now();
      const { ms: t } = timed('terraform', ['apply', '-no-color', '-input=false', '-auto-approve', ...extra], {
        cwd: dir,
        env,
      });
      expectRunning('terraform apply');
      return { dir, ms: t, calls: readCalls(callLog, startedAt), synthMs };
    };
    // Interleaved repetitions (the daemon's speed drifts), medians reported.
    const serial: { ms: number; calls: Calls }[] = [];
    const parallel: { ms: number; calls: Calls }[] = [];
    const applies: ReturnType<typeof applyOnce>[] = [];
    const plans: number[] = [];
    const reapplies: { ms: number; calls: Calls }[] = [];
    for (let rep = 0; rep < deployReps(n); rep++) {
      serial.push(runScript('serial'));
      parallel.push(runScript('parallel'));
      const applied = applyOnce();
      applies.push(applied);
      process.stderr.write(`  deploy ${n}: terraform apply ${ms(applied.ms)}\n`);
      plans.push(
        timed('terraform', ['plan', '-no-color', '-input=false', '-detailed-exitcode'], { cwd: applied.dir, env }).ms,
      );
      const again = timed('terraform', ['apply', '-no-color', '-input=false', '-auto-approve'], {
        cwd: applied.dir,
        env,
      });
      if (!/No changes/.test(again.r.stdout))
        throw new Error(`second apply was not a no-op:\n${again.r.stdout.slice(-2000)}`);
      reapplies.push({ ms: again.ms, calls: readCalls(callLog) });
    }
    const first = applies[0];
    const scripts = {
      serial: { ms: median(serial.map((x) => x.ms)), calls: serial[0].calls },
      parallel: { ms: median(parallel.map((x) => x.ms)), calls: parallel[0].calls },
    };
    const scriptPer = callsPerContainer(scripts.serial.calls.lines, names);
    const applyMs = median(applies.map((a) => a.ms));
    const plan = { ms: median(plans) };
    const again = { ms: median(reapplies.map((x) => x.ms)) };
    const reapplyCalls = {
      execs: Math.max(...reapplies.map((x) => x.calls.execs)),
      lxc: Math.max(...reapplies.map((x) => x.calls.lxc)),
    };
    const p20 = n >= 20 ? applyOnce(20) : undefined;
    if (p20) process.stderr.write(`  deploy ${n}: terraform apply -parallelism=20 ${ms(p20.ms)}\n`);
    const tfPer = callsPerContainer(first.calls.lines, names);
    rows.push({
      containers: n,
      objects,
      scriptSerialMs: scripts.serial.ms,
      scriptParallelMs: scripts.parallel.ms,
      reps: deployReps(n),
      applyMs,
      applyP20Ms: p20?.ms,
      planNoChangeMs: plan.ms,
      reapplyMs: again.ms,
      ratioToParallel: applyMs / scripts.parallel.ms,
      ratioToSerial: applyMs / scripts.serial.ms,
      tf: {
        hostCommands: first.calls.hostCommands,
        programRuns: first.calls.programRuns,
        lxc: first.calls.lxc,
        lxcPerContainer: { min: Math.min(...tfPer), max: Math.max(...tfPer) },
      },
      script: {
        serialLxc: scripts.serial.calls.lxc,
        parallelLxc: scripts.parallel.calls.lxc,
        lxcPerContainer: { min: Math.min(...scriptPer), max: Math.max(...scriptPer) },
      },
      reapply: reapplyCalls,
      synthMs: first.synthMs,
      sharedObjectsS: {
        terraform: median(applies.map((a) => a.calls.firstContainerCallS ?? NaN)),
        serial: median(serial.map((a) => a.calls.firstContainerCallS ?? NaN)),
        parallel: median(parallel.map((a) => a.calls.firstContainerCallS ?? NaN)),
      },
    });
  }
  reset();
  return { rows, versions };
}

// ---------------------------------------------------------------- report

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const out: string[] = [];
  const say = (s = '') => {
    out.push(s);
    process.stdout.write(`${s}\n`);
  };
  const targets: Target[] = [];
  const sampler = loadSampler();

  if (args.synth) sampler.start('synth');
  if (args.synth) process.stderr.write('synth benchmark (fresh node process per run, compiled JS)...\n');
  const synth = args.synth ? benchSynth(args) : [];
  if (synth.length) say(`## Synth (${os.cpus().length} CPUs, node ${process.version}; medians of 5 runs, 3 at 5,000)`);
  if (synth.length) say();
  if (synth.length)
    say(
      table(
        [
          'containers',
          'resources',
          'cdk.tf.json',
          'library',
          'floor',
          'ratio',
          'library (process)',
          'floor (process)',
          'ratio',
          'peak RSS lib / floor',
          'µs/resource',
          'spawns',
        ],
        synth.map((r) => [
          r.containers,
          r.resources,
          `${(r.lib.bytes / 1e6).toFixed(2)} MB`,
          ms(r.lib.synthMs),
          ms(r.bare.synthMs),
          `${r.ratio.toFixed(2)}x`,
          ms(r.lib.wallMs),
          ms(r.bare.wallMs),
          `${r.wallRatio.toFixed(2)}x`,
          `${r.lib.maxRssMiB} / ${r.bare.maxRssMiB} MB`,
          r.perResourceUs.toFixed(0),
          r.lib.spawns,
        ]),
      ),
    );
  if (synth.length) say();
  if (synth.length)
    say(
      'library/floor: construct + synth inside the process; (process): whole `node app.js` incl. start-up and module loading.',
    );
  if (synth.length)
    say(
      `floor: the same number of terraform_data resources (plain TerraformResource, triggers_replace/input/provisioners, one reference + depends_on per pair) with the same cdk.tf.json size (library ${synth[0]?.lib.bytesPerResource ?? 0}-${synth[synth.length - 1]?.lib.bytesPerResource ?? 0} B/resource).`,
    );

  const at = (n: number) => synth.find((r) => r.containers === n);
  const s1k = at(1000);
  const s5k = at(5000);
  if (s1k) {
    targets.push({
      target: 'synth 1,000 containers within 1.5x of the bare-cdktf floor',
      measured: `${s1k.ratio.toFixed(2)}x in-process (${ms(s1k.lib.synthMs)} vs ${ms(s1k.bare.synthMs)}), ${s1k.wallRatio.toFixed(2)}x whole process`,
      ok: s1k.ratio <= 1.5,
    });
  }
  if (synth.length)
    targets.push({
      target: 'no child process during synth',
      measured: `${Math.max(...synth.map((r) => r.lib.spawns))} child_process calls`,
      ok: synth.every((r) => r.lib.spawns === 0),
    });
  if (s1k && s5k) {
    const growth = s5k.perResourceUs / s1k.perResourceUs;
    targets.push({
      target: 'synth linear 1,000 -> 5,000 (per-resource time within 1.3x)',
      measured: `${s1k.perResourceUs.toFixed(0)} -> ${s5k.perResourceUs.toFixed(0)} µs/resource (${growth.toFixed(2)}x)`,
      ok: growth <= 1.3,
    });
  }

  let deploy: ReturnType<typeof benchDeploy> = { rows: [], skipped: 'deploy benchmark not run (flags)' };
  if (args.deploy) {
    sampler.start('deploy');
    process.stderr.write('deploy benchmark...\n');
    deploy = benchDeploy(args.deploySizes);
  }
  say();
  if (!args.deploy) {
    // Not asked for: nothing to report.
  } else if (deploy.skipped) {
    say(`## Deploy\n\n${deploy.skipped}`);
  } else {
    say(
      `## Deploy (private LXD daemon, busybox image, dir pool; ${deploy.versions?.terraform}, LXD ${deploy.versions?.lxd}; medians of ${deploy.rows.map((r) => `${r.reps} runs at ${r.containers}`).join(', ')}; -parallelism=20 once)`,
    );
    say();
    say(
      table(
        [
          'containers',
          'script serial',
          'script parallel',
          'terraform apply',
          'vs parallel',
          'vs serial',
          'apply -parallelism=20',
          'plan (no change)',
          'apply (no change)',
        ],
        deploy.rows.map((r) => [
          r.containers,
          ms(r.scriptSerialMs),
          ms(r.scriptParallelMs),
          ms(r.applyMs),
          `${r.ratioToParallel.toFixed(2)}x`,
          `${r.ratioToSerial.toFixed(2)}x`,
          r.applyP20Ms ? ms(r.applyP20Ms) : '-',
          ms(r.planNoChangeMs),
          ms(r.reapplyMs),
        ]),
      ),
    );
    say();
    say(
      table(
        [
          'containers',
          'objects',
          'host commands / prune runs',
          'lxc calls: terraform',
          'per container',
          'lxc calls: script',
          'per container',
          'no-change apply: execs / lxc',
          'first container command: terraform / script',
        ],
        deploy.rows.map((r) => [
          r.containers,
          r.objects,
          `${r.tf.hostCommands} / ${r.tf.programRuns}`,
          r.tf.lxc,
          fmtRange(r.tf.lxcPerContainer),
          r.script.serialLxc,
          fmtRange(r.script.lxcPerContainer),
          `${r.reapply.execs} / ${r.reapply.lxc}`,
          `${r.sharedObjectsS.terraform.toFixed(2)} s / ${r.sharedObjectsS.serial.toFixed(2)} s`,
        ]),
      ),
    );
    for (const r of deploy.rows) {
      targets.push({
        target: `deploy ${r.containers}: within 1.2x of the parallel script`,
        measured: `${ms(r.applyMs)} vs ${ms(r.scriptParallelMs)} (${r.ratioToParallel.toFixed(2)}x)`,
        ok: r.ratioToParallel <= 1.2,
      });
      targets.push({
        target: `deploy ${r.containers}: faster than the serial script`,
        measured: `${ms(r.applyMs)} vs ${ms(r.scriptSerialMs)} (${r.ratioToSerial.toFixed(2)}x)`,
        ok: r.applyMs < r.scriptSerialMs,
      });
      // The prunes (two runs of the lifecycle program): `before` reads the host; `after` reads it only when `before` deferred something.
      targets.push({
        target: `deploy ${r.containers}: one host command per object for create + 1 prune read per daemon`,
        measured: `${r.tf.hostCommands} host commands for ${r.objects} objects (${r.tf.programRuns} prune runs)`,
        ok: r.tf.hostCommands === r.objects + 1 && r.tf.programRuns === 2,
      });
      targets.push({
        target: `deploy ${r.containers}: one batched command per container (lxc calls independent of its settings)`,
        measured: `${fmtRange(r.tf.lxcPerContainer)} lxc calls per container (containers have 6-9 settings and 1-3 devices)`,
        ok: r.tf.lxcPerContainer.min === r.tf.lxcPerContainer.max,
      });
      targets.push({
        target: `deploy ${r.containers}: a no-change apply runs nothing`,
        measured: `${r.reapply.execs} execs (sh, node, lxc), ${r.reapply.lxc} lxc calls`,
        ok: r.reapply.execs === 0,
      });
    }
  }
  let lifecycle: ReturnType<typeof benchLifecycle> = { rows: [], skipped: 'lifecycle benchmark not run (flags)' };
  if (args.lifecycle) {
    sampler.start('lifecycle');
    process.stderr.write('lifecycle benchmark...\n');
    lifecycle = benchLifecycle(args.lifecycleSizes);
    say();
    if (lifecycle.skipped) {
      say(`## Lifecycle\n\n${lifecycle.skipped}`);
    } else {
      say(
        `## Lifecycle (prune and drift on the deployed environment; medians of ${lifecycle.rows[0]?.drift.reps} drift runs, interleaved with the read and lxc list; ` +
          `${lifecycle.rows[0]?.prune.noop.reps} no-op prunes; ${lifecycle.rows.map((r) => `${r.prune.delete.reps} deleting prunes at ${r.containers}`).join(', ')})`,
      );
      say();
      reportLifecycle(lifecycle.rows, say, targets);
    }
  }
  let graph: GraphRow[] = [];
  if (args.graph) {
    sampler.start('graph');
    process.stderr.write('graph benchmark...\n');
    graph = benchGraph(1000, args.reps ?? 5);
    say();
    say(
      `## Graph (\`cdktf-lxd-matchbox graph\` of the synthesized 1,000-container environment, whole process, medians of ${graph[0]?.reps} runs)`,
    );
    say();
    reportGraph(graph, say, targets);
  }
  let ssh: Awaited<ReturnType<typeof benchSsh>> = { rows: [], skipped: 'ssh benchmark not run (flags)' };
  if (args.ssh) {
    sampler.start('ssh');
    process.stderr.write('ssh benchmark...\n');
    ssh = await benchSsh(args.sshSizes);
    say();
    if (ssh.skipped) {
      say(`## SSH vs LocalHost\n\n${ssh.skipped}`);
    } else {
      say(sshHeading(ssh));
      say();
      reportSsh(ssh, say, targets);
    }
  }
  say();
  say('## Targets');
  say();
  say(
    table(
      ['target', 'measured', 'result'],
      targets.map((t) => [t.target, t.measured, verdict(t.ok)]),
    ),
  );
  say();
  say(`total bench time ${ms(Date.now() - started)}`);
  const load = sampler.stop();
  say(
    `load average (1 min, sampled every 5 s; ${load.cpus} CPUs, shared with other work): ${load.parts.map((p) => `${p.part} median ${p.median.toFixed(1)}, max ${p.max.toFixed(1)}`).join('; ')}`,
  );
  fs.writeFileSync(
    RESULTS,
    `${JSON.stringify(
      {
        date: new Date().toISOString(),
        machine: {
          cpus: os.cpus().length,
          cpuModel: os.cpus()[0]?.model,
          memMiB: Math.round(os.totalmem() / 2 ** 20),
          node: process.version,
        },
        command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
        load,
        synth,
        deploy,
        lifecycle,
        ssh,
        graph,
        targets,
        table: out.join('\n'),
      },
      null,
      2,
    )}\n`,
  );
  process.stdout.write(`wrote ${path.relative(process.cwd(), RESULTS)}\n`);
}

function fmtRange(r: { min: number; max: number }): string {
  return r.min === r.max ? String(r.min) : `${r.min}-${r.max}`;
}

main().catch((e: Error) => {
  process.stderr.write(`${e.stack ?? e.message}\n`);
  process.exitCode = 1;
});
