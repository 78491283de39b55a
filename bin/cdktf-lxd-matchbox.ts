#!/usr/bin/env node
/**
 * `cdktf-lxd-matchbox drift [stack...]`: compares each daemon with the synthesized stacks (read-only).
 * `cdktf-lxd-matchbox graph [stack...]`: draws the lab (HTML page, Mermaid or DOT); `--live` adds drift's read.
 * `cdktf-lxd-matchbox repair [stack...]`: re-converges only what drifted, with `terraform apply -replace`.
 * Exit codes: 0 in sync, 2 drift (after repair: drift left), 1 error (a daemon that cannot be read among them).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as readline from 'readline';
import { formatDrift, ObjectDrift, Read, readPlan, unitDrift } from '../src/lifecycle/drift';
import { LabManifest, MANIFEST_FILE, NamesByKind } from '../src/lifecycle/manifest';
import { LifecycleKind, parseInventory, pruneCandidates } from '../src/lifecycle/prune-plan';
import { readScript, ReadSpec } from '../src/lifecycle/scripts';
import { HostRecord, hostsDir } from '../src/lifecycle/host-records';
import { toDot } from '../src/graph/dot';
import { toHtml } from '../src/graph/html';
import { toMermaid } from '../src/graph/mermaid';
import { buildGraph } from '../src/graph/model';

const USAGE = `usage: cdktf-lxd-matchbox drift [stack...] [--json] [--removed-hosts] [--out DIR]
       cdktf-lxd-matchbox repair [stack...] [--auto-approve] [--out DIR]
       cdktf-lxd-matchbox graph [stack...] [--format html|mermaid|dot] [--live] [-o FILE] [--out DIR]

drift   reads the lab manifests in cdktf.out (run cdktf synth first), reads each daemon once, and
        prints what differs from the declared state. --removed-hosts also reads the daemons the
        stacks' prunes read before (noted on this machine) that the app no longer declares, and
        lists what each stack still owns there. Exit 0 in sync, 2 on drift, 1 on error (a daemon
        that cannot be read).
repair  shows what it will re-converge and delete, asks (or --auto-approve), then runs
        terraform apply -replace=... for exactly those (their idempotent converge scripts, or the
        prune of what the stack no longer declares), so later plain plans stay clean.
graph   draws the lab from the lab manifests in cdktf.out: daemons, clusters and members, pools,
        bridges with their address plans (conflicts by the synth-time rules), containers, Matchbox
        groups and profiles, links between stacks. One self-contained HTML page (default), or
        Mermaid or DOT text. --live reads each daemon once, as drift does, and shows each object in
        sync, changed, missing or owned but undeclared; it changes nothing. -o FILE writes there
        (default: lab-graph.html, or standard output for mermaid and dot).`;

interface Options {
  command: string;
  stacks: string[];
  json: boolean;
  autoApprove: boolean;
  removedHosts: boolean;
  out?: string;
  format: 'html' | 'mermaid' | 'dot';
  live: boolean;
  output?: string;
}

function parseArgs(argv: string[]): Options {
  const o: Options = {
    command: argv[0] ?? '',
    stacks: [],
    json: false,
    autoApprove: false,
    removedHosts: false,
    format: 'html',
    live: false,
  };
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') o.json = true;
    else if (a === '--auto-approve') o.autoApprove = true;
    else if (a === '--removed-hosts') o.removedHosts = true;
    else if (a === '--out') o.out = argv[++i];
    else if (a.startsWith('--out=')) o.out = a.slice(6);
    else if (a === '--live') o.live = true;
    else if (a === '--format' || a.startsWith('--format='))
      o.format = (a === '--format' ? argv[++i] : a.slice(9)) as Options['format'];
    else if (a === '-o' || a === '--output') o.output = argv[++i];
    else if (a.startsWith('--output=')) o.output = a.slice(9);
    else if (a.startsWith('-')) throw new Error(`unknown option ${a}\n${USAGE}`);
    else o.stacks.push(a);
  }
  if (!['drift', 'repair', 'graph'].includes(o.command)) throw new Error(USAGE);
  if (!['html', 'mermaid', 'dot'].includes(o.format))
    throw new Error(`--format must be html, mermaid or dot, not ${o.format}\n${USAGE}`);
  return o;
}

/** cdktf.out, or the `output` of cdktf.json. */
function outDir(o: Options): string {
  if (o.out) return o.out;
  try {
    return JSON.parse(fs.readFileSync('cdktf.json', 'utf8')).output ?? 'cdktf.out';
  } catch {
    return 'cdktf.out';
  }
}

interface SynthStack {
  readonly name: string;
  readonly dir: string;
  readonly manifest: LabManifest;
}

/** cdktf's manifest.json: every synthesized stack, its folder and the stacks it depends on. */
function cdktfStacks(o: Options): { name: string; workingDirectory: string; dependencies?: string[] }[] {
  const manifestPath = path.join(outDir(o), 'manifest.json');
  if (!fs.existsSync(manifestPath)) throw new Error(`${manifestPath} not found: run cdktf synth first`);
  return Object.values(JSON.parse(fs.readFileSync(manifestPath, 'utf8')).stacks ?? {});
}

/** The lab manifests of the synthesized stacks (all, or those named). */
function readStacks(o: Options): SynthStack[] {
  const out = outDir(o);
  const all = cdktfStacks(o);
  const unknown = o.stacks.filter((s) => !all.some((x) => x.name === s));
  if (unknown.length)
    throw new Error(`no such stack: ${unknown.join(', ')} (synthesized: ${all.map((x) => x.name).join(', ')})`);
  const stacks: SynthStack[] = [];
  for (const s of all.filter((x) => !o.stacks.length || o.stacks.includes(x.name))) {
    const dir = path.join(out, s.workingDirectory);
    const file = path.join(dir, MANIFEST_FILE);
    if (fs.existsSync(file)) stacks.push({ name: s.name, dir, manifest: JSON.parse(fs.readFileSync(file, 'utf8')) });
    else if (o.stacks.includes(s.name))
      throw new Error(
        `stack ${s.name} has no lab manifest (${file}): it declares no object of this library, or was synthesized by an older release`,
      );
  }
  return stacks;
}

/** Runs a read-only script through a runner (one call per daemon); a failed read is an error. */
function runRead(label: string, runner: string, spec: ReadSpec): string {
  const r = spawnSync('sh', ['-c', runner], { input: readScript(spec), encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.status !== 0)
    throw new Error(
      `cannot read ${label} (exit ${r.status ?? r.signal}): ${(r.stderr ?? '').trim() || r.error?.message || 'no error output'}`,
    );
  return r.stdout;
}

interface Report {
  readonly stack: string;
  readonly host: string;
  readonly key: string;
  readonly drift: ObjectDrift[];
}

function report(stacks: readonly SynthStack[]): Report[] {
  return readPlan(stacks.map((s) => s.manifest)).flatMap((read: Read) => {
    const text = runRead(read.label, read.runner, read.spec);
    return read.units.map(({ manifest, unit }) => ({
      stack: manifest.stack,
      host: unit.label,
      key: unit.key,
      drift: unitDrift(manifest, unit, parseInventory(text, manifest.keys)),
    }));
  });
}

/** A daemon a stack's prunes read before (see host-records) that the app no longer declares. */
interface RemovedUnit {
  readonly stack: SynthStack;
  readonly record: HostRecord;
}

function removedUnits(stacks: readonly SynthStack[]): RemovedUnit[] {
  return stacks.flatMap((stack) => {
    const dir = hostsDir(stack.manifest.owner, process.env);
    const files = fs.existsSync(dir)
      ? fs
          .readdirSync(dir)
          .filter((f) => f.endsWith('.json'))
          .sort()
      : [];
    return files
      .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as HostRecord)
      .filter((record) => !stack.manifest.units.some((u) => u.key === record.key))
      .map((record) => ({ stack, record }));
  });
}

/** What each stack owns on the daemons it no longer declares. */
function reportRemoved(stacks: readonly SynthStack[]): Report[] {
  return removedUnits(stacks).map(({ stack, record }) => {
    const m = stack.manifest;
    const client = record.daemon?.client;
    const text = runRead(record.label, record.runner, {
      client,
      required: client !== undefined,
      recordsDirs: record.recordsDir ? [record.recordsDir] : [],
    });
    // What the app declares there now (another stack may have taken the host over).
    const elsewhere: Partial<Record<LifecycleKind, string[]>> = {};
    for (const s of stacks) {
      for (const unit of s.manifest.units.filter((x) => x.key === record.key)) {
        for (const [k, names] of Object.entries(unit.declared as NamesByKind))
          elsewhere[k as LifecycleKind] = [...(elsewhere[k as LifecycleKind] ?? []), ...(names ?? [])];
      }
    }
    const owned = pruneCandidates(parseInventory(text, m.keys), {
      owner: m.owner,
      phase: 'before',
      client: client ?? 'lxc',
      keys: m.keys,
      declared: {},
      elsewhere,
    });
    return {
      stack: m.stack,
      host: `${record.label} (no longer declared by the app)`,
      key: record.key,
      drift: owned.map((c) => ({
        kind: c.kind,
        name: c.name,
        path: c.path,
        status: 'undeclared' as const,
        repair: '',
        differences: [
          `owned by ${m.owner} on a host the app no longer declares: declare the host again to prune it, or delete it by hand`,
        ],
      })),
    };
  });
}

function print(reports: readonly Report[], json: boolean): void {
  if (json) {
    process.stdout.write(
      `${JSON.stringify({ inSync: reports.every((r) => !r.drift.length), hosts: reports }, null, 2)}\n`,
    );
  } else {
    for (const r of reports) process.stdout.write(`${formatDrift(r.stack, r.host, r.drift).join('\n')}\n`);
  }
}

/** Asks for `yes` on a terminal; refuses without one. */
function confirm(question: string): Promise<boolean> {
  if (!process.stdin.isTTY) {
    return Promise.reject(
      new Error('repair changes the hosts: run it on a terminal to confirm, or pass --auto-approve'),
    );
  }
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  return new Promise((resolve) =>
    rl.question(`${question} Only 'yes' will be accepted: `, (a) => {
      rl.close();
      resolve(a.trim() === 'yes');
    }),
  );
}

/** What repair does per stack: re-converge (missing, changed) and prune (undeclared). */
function repairPlan(
  stacks: readonly SynthStack[],
  reports: readonly Report[],
): { stack: SynthStack; targets: string[]; lines: string[] }[] {
  return stacks
    .map((s) => {
      const mine = reports.filter((r) => r.stack === s.name);
      const lines: string[] = [];
      for (const r of mine) {
        for (const d of r.drift) {
          lines.push(
            `  ${d.status === 'undeclared' ? 'delete' : 're-converge'} ${d.kind} ${d.name}${d.path ? ` (${d.path})` : ''} on ${r.host}`,
          );
        }
      }
      const targets = [...new Set(mine.flatMap((r) => r.drift.map((d) => d.repair)))];
      return { stack: s, targets, lines };
    })
    .filter((p) => p.targets.length);
}

async function repair(stacks: readonly SynthStack[], reports: readonly Report[], autoApprove: boolean): Promise<void> {
  const plan = repairPlan(stacks, reports);
  for (const p of plan) process.stdout.write(`${p.stack.name}: repair will\n${p.lines.join('\n')}\n`);
  if (!autoApprove && !(await confirm('Repair these objects?')))
    throw new Error('repair cancelled: nothing was changed');
  const terraform = process.env.TERRAFORM_BINARY_NAME || 'terraform';
  for (const { stack, targets } of plan) {
    process.stdout.write(`${stack.name}: re-converging ${targets.join(', ')}\n`);
    const run = (args: string[]) => {
      const r = spawnSync(terraform, args, {
        cwd: stack.dir,
        stdio: 'inherit',
        env: { ...process.env, CHECKPOINT_DISABLE: '1' },
      });
      if (r.status !== 0)
        throw new Error(`${terraform} ${args[0]} failed in ${stack.dir} (exit ${r.status ?? r.signal})`);
    };
    if (!fs.existsSync(path.join(stack.dir, '.terraform'))) run(['init', '-input=false']);
    run(['apply', '-input=false', '-auto-approve', ...targets.map((t) => `-replace=${t}`)]);
  }
}

/** `graph`: the page (or text) of the selected stacks, with `--live` the state drift reads. */
function graph(o: Options, stacks: readonly SynthStack[]): number {
  const selected = cdktfStacks(o).filter((s) => !o.stacks.length || o.stacks.includes(s.name));
  const g = buildGraph(
    selected.map((s) => ({
      name: s.name,
      dependencies: s.dependencies ?? [],
      manifest: stacks.find((x) => x.name === s.name)?.manifest,
    })),
    o.live ? report(stacks) : undefined,
  );
  const text =
    o.format === 'mermaid'
      ? toMermaid(g)
      : o.format === 'dot'
        ? toDot(g)
        : toHtml(g, { generatedAt: o.live ? `read ${new Date().toISOString()}` : undefined });
  const file = o.output ?? (o.format === 'html' ? 'lab-graph.html' : undefined);
  if (file && file !== '-') {
    fs.writeFileSync(file, text);
    process.stderr.write(`wrote ${file}\n`);
  } else {
    process.stdout.write(text);
  }
  return 0;
}

async function main(argv: string[]): Promise<number> {
  const o = parseArgs(argv);
  const stacks = readStacks(o);
  if (o.command === 'graph') return graph(o, stacks);
  const before = [...report(stacks), ...(o.removedHosts && o.command === 'drift' ? reportRemoved(stacks) : [])];
  if (o.command === 'drift') {
    print(before, o.json);
    return before.some((r) => r.drift.length) ? 2 : 0;
  }
  print(before, false);
  if (!before.some((r) => r.drift.length)) return 0;
  await repair(stacks, before, o.autoApprove);
  const after = report(stacks);
  print(after, false);
  return after.some((r) => r.drift.length) ? 2 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: Error) => {
    process.stderr.write(`cdktf-lxd-matchbox: ${e.message}\n`);
    process.exitCode = 1;
  },
);
