#!/usr/bin/env node
/**
 * `cdktf-lxd-matchbox drift [stack...]`: compares each host with the synthesized stacks (read-only).
 * `cdktf-lxd-matchbox repair [stack...]`: re-converges only what drifted, with `terraform apply -replace`.
 * Exit codes: 0 in sync, 2 drift (after repair: drift left), 1 error.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { formatDrift, hostDrift, ObjectDrift, StackHost, stackHosts } from '../src/lifecycle/drift';
import { parseInventory } from '../src/lifecycle/prune-plan';

const USAGE = `usage: cdktf-lxd-matchbox drift [stack...] [--json] [--out DIR]
       cdktf-lxd-matchbox repair [stack...] [--auto-approve] [--out DIR]

drift   reads cdktf.out (run cdktf synth first), runs one read-only command per host, and
        prints what differs from the declared state. Exit 0 in sync, 2 on drift, 1 on error.
repair  runs terraform apply -replace=... for the drifted objects only (re-running their
        idempotent converge scripts, or the prune), so later plain plans stay clean.`;

interface Options { command: string; stacks: string[]; json: boolean; autoApprove: boolean; out?: string }

function parseArgs(argv: string[]): Options {
  const o: Options = { command: argv[0] ?? '', stacks: [], json: false, autoApprove: false };
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') o.json = true;
    else if (a === '--auto-approve') o.autoApprove = true;
    else if (a === '--out') o.out = argv[++i];
    else if (a.startsWith('--out=')) o.out = a.slice(6);
    else if (a.startsWith('-')) throw new Error(`unknown option ${a}\n${USAGE}`);
    else o.stacks.push(a);
  }
  if (!['drift', 'repair'].includes(o.command)) throw new Error(USAGE);
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

interface SynthStack { name: string; dir: string; hosts: StackHost[] }

function readStacks(o: Options): SynthStack[] {
  const out = outDir(o);
  const manifestPath = path.join(out, 'manifest.json');
  if (!fs.existsSync(manifestPath)) throw new Error(`${manifestPath} not found: run cdktf synth first`);
  const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
  const all = Object.values(manifest.stacks ?? {}) as { name: string; synthesizedStackPath: string; workingDirectory: string }[];
  const unknown = o.stacks.filter((s) => !all.some((x) => x.name === s));
  if (unknown.length) throw new Error(`no such stack: ${unknown.join(', ')} (synthesized: ${all.map((x) => x.name).join(', ')})`);
  return all.filter((s) => !o.stacks.length || o.stacks.includes(s.name)).map((s) => ({
    name: s.name,
    dir: path.join(out, s.workingDirectory),
    hosts: stackHosts(s.name, JSON.parse(fs.readFileSync(path.join(out, s.synthesizedStackPath), 'utf8'))),
  }));
}

/** Runs the host's read script (one call) and compares. */
function driftOf(host: StackHost): ObjectDrift[] {
  const r = spawnSync('sh', ['-c', host.runner], { input: host.readScript, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`reading ${host.runner} failed (exit ${r.status}): ${(r.stderr ?? '').trim()}`);
  return hostDrift(host, parseInventory(r.stdout, host.manifest.keys));
}

interface Report { stack: string; host: string; drift: ObjectDrift[] }

function report(stacks: SynthStack[]): Report[] {
  return stacks.flatMap((s) => s.hosts.map((h) => ({ stack: s.name, host: h.runner, drift: driftOf(h) })));
}

function print(reports: Report[], json: boolean): void {
  if (json) {
    process.stdout.write(`${JSON.stringify({ inSync: reports.every((r) => !r.drift.length), hosts: reports }, null, 2)}\n`);
  } else {
    for (const r of reports) process.stdout.write(`${formatDrift(r.stack, r.host, r.drift).join('\n')}\n`);
  }
}

function repair(stacks: SynthStack[], reports: Report[], autoApprove: boolean): void {
  const terraform = process.env.TERRAFORM_BINARY_NAME || 'terraform';
  for (const s of stacks) {
    const targets = [...new Set(reports.filter((r) => r.stack === s.name).flatMap((r) => r.drift.map((d) => d.repair)))];
    if (!targets.length) continue;
    process.stdout.write(`${s.name}: re-converging ${targets.join(', ')}\n`);
    const run = (args: string[]) => {
      const r = spawnSync(terraform, args, { cwd: s.dir, stdio: 'inherit', env: { ...process.env, CHECKPOINT_DISABLE: '1' } });
      if (r.status !== 0) throw new Error(`${terraform} ${args[0]} failed in ${s.dir} (exit ${r.status ?? r.signal})`);
    };
    if (!fs.existsSync(path.join(s.dir, '.terraform'))) run(['init', '-input=false']);
    run(['apply', '-input=false', ...(autoApprove ? ['-auto-approve'] : []), ...targets.map((t) => `-replace=${t}`)]);
  }
}

function main(argv: string[]): number {
  const o = parseArgs(argv);
  const stacks = readStacks(o);
  const before = report(stacks);
  if (o.command === 'drift') {
    print(before, o.json);
    return before.some((r) => r.drift.length) ? 2 : 0;
  }
  print(before, false);
  if (!before.some((r) => r.drift.length)) return 0;
  repair(stacks, before, o.autoApprove);
  const after = report(stacks);
  print(after, false);
  return after.some((r) => r.drift.length) ? 2 : 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  process.stderr.write(`cdktf-lxd-matchbox: ${(e as Error).message}\n`);
  process.exitCode = 1;
}
