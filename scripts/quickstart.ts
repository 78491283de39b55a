/**
 * Runs the README's Quick start exactly as it is written, in an empty scratch folder, and measures
 * the time from the first command to the first synthesized stack ("zero to first synth"); the rest
 * of the section (the cdktf CLI and its synth) runs too and must succeed.
 *
 * The section's shell blocks run in order in one bash (so `cd` carries over), and each block labelled
 * with a file name (`` `main.ts`: ``) is written to that file where the commands are at that point.
 * The one change: the package comes from `npm pack` of this work tree instead of the registry
 * (`cdktf-lxd-matchbox@<version>` in an install line becomes the tarball's path; the README's version
 * must be the package's). npm starts from an empty cache, as a newcomer's would, unless
 * `--warm-cache` is given.
 *
 *   node quickstart.js [--budget SECONDS] [--warm-cache] [--keep]
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CodeBlock, sectionBlocks } from './markdown';

const root = process.cwd();
const args = process.argv.slice(2);
const budget = Number(args[args.indexOf('--budget') + 1] ?? 120) || 120;
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { name: string; version: string };

/** The shell text of one block: commands as written, or a file written with a quoted heredoc. */
function stepOf(block: CodeBlock, tarball: string): string {
  if (block.name) {
    let tag = 'QUICKSTART_EOF';
    while (block.code.split('\n').includes(tag)) tag += '_';
    return `cat > ${JSON.stringify(block.name)} <<'${tag}'\n${block.code}${tag}`;
  }
  if (block.lang !== 'sh')
    throw new Error(
      `README.md:${block.line}: a ${block.lang || 'plain'} block in the Quick start with no file name above it`,
    );
  const versions = [...block.code.matchAll(new RegExp(`\\b${pkg.name}@(\\S+)`, 'g'))].map((m) => m[1]);
  for (const v of versions)
    if (v !== pkg.version)
      throw new Error(
        `README.md:${block.line}: the Quick start installs ${pkg.name}@${v}, the package is ${pkg.version}`,
      );
  return block.code.replace(new RegExp(`\\b${pkg.name}@\\S+`, 'g'), tarball).trimEnd();
}

function main(): void {
  const blocks = sectionBlocks(fs.readFileSync(path.join(root, 'README.md'), 'utf8'), '## Quick start');
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'quickstart-'));
  try {
    const packed = spawnSync('npm', ['pack', '--silent', '--pack-destination', scratch], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    if (packed.status !== 0) throw new Error('npm pack failed');
    const tarball = path.join(scratch, packed.stdout.trim().split('\n').pop()!);
    const work = path.join(scratch, 'work');
    fs.mkdirSync(work);
    // A marker with a timestamp after each block, to report where the time goes, and one when the
    // first stack is there.
    const synthed = `if [ -z "\${QS_SYNTH:-}" ] && [ -n "$(find "$QS_WORK" -path '*/node_modules' -prune -o -path '*/stacks/*/cdk.tf.json' -print -quit)" ]; then QS_SYNTH=1; echo "@@quickstart synth $(date +%s.%N)"; fi`;
    const steps = blocks.map((b, i) => `${stepOf(b, tarball)}\necho "@@quickstart ${i} $(date +%s.%N)"\n${synthed}`);
    const script = ['set -euo pipefail', `echo "@@quickstart start $(date +%s.%N)"`, ...steps].join('\n');
    fs.writeFileSync(path.join(scratch, 'quickstart.sh'), `${script}\n`);
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      QS_WORK: work,
      ...(args.includes('--warm-cache') ? {} : { npm_config_cache: path.join(scratch, 'npm-cache') }),
    };
    delete env.CDKTF_OUTDIR;
    const run = spawnSync('bash', [path.join(scratch, 'quickstart.sh')], {
      cwd: work,
      env,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 64 * 1024 * 1024,
    });
    const marks = new Map([...run.stdout.matchAll(/^@@quickstart (\S+) (\S+)$/gm)].map((m) => [m[1], Number(m[2])]));
    process.stdout.write(run.stdout.replace(/^@@quickstart .*\n/gm, ''));
    if (run.status !== 0)
      throw new Error(
        `the Quick start failed (exit ${run.status}); its script is ${path.join(scratch, 'quickstart.sh')}`,
      );

    const stacks = findStacks(work);
    if (!stacks.length) throw new Error('the Quick start ran, but no cdktf.out/stacks/*/cdk.tf.json was written');
    for (const f of stacks) {
      const json = JSON.parse(fs.readFileSync(f, 'utf8')) as { resource?: Record<string, object> };
      if (!Object.keys(json.resource ?? {}).length) throw new Error(`${f} has no resources`);
    }
    if (!marks.has('synth')) throw new Error('the Quick start ran, but wrote no cdktf.out/stacks/*/cdk.tf.json');
    const start = marks.get('start')!;
    const total = marks.get('synth')! - start;
    let previous = start;
    console.log('\nQuick start, step by step:');
    blocks.forEach((b, i) => {
      const at = marks.get(String(i))!;
      console.log(
        `  ${(at - previous).toFixed(1).padStart(6)} s  README.md:${b.line} ${b.name ?? b.code.split('\n')[0]}`,
      );
      previous = at;
    });
    console.log(`whole section: ${(marks.get(String(blocks.length - 1))! - start).toFixed(1)} s`);
    console.log(
      `zero to first synth: ${total.toFixed(1)} s (${args.includes('--warm-cache') ? 'warm' : 'empty'} npm cache; budget ${budget} s); stacks: ${stacks.map((f) => path.relative(work, f)).join(', ')}`,
    );
    if (total > budget) throw new Error(`zero to first synth took ${total.toFixed(1)} s, over the ${budget} s budget`);
  } finally {
    if (!args.includes('--keep')) fs.rmSync(scratch, { recursive: true, force: true });
  }
}

/** The synthesized stacks under `dir` (node_modules left out). */
function findStacks(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : findStacks(p);
    return e.name === 'cdk.tf.json' && p.includes(`${path.sep}stacks${path.sep}`) ? [p] : [];
  });
}

try {
  main();
} catch (e) {
  console.error(`quickstart: ${(e as Error).message}`);
  process.exit(1);
}
