/**
 * The `graph` command on the 1,000-container environment (./env.ts, synthesized once in a fresh
 * process as the synth benchmark does): the whole `cdktf-lxd-matchbox graph` process for each
 * format, as users run it, and the page's size.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { toDot } from '../src/graph/dot';
import { toHtml } from '../src/graph/html';
import { toMermaid } from '../src/graph/mermaid';
import { buildGraph } from '../src/graph/model';
import { LabManifest, MANIFEST_FILE } from '../src/lifecycle/manifest';
import { median, ms, table, Target } from './support';

const SYNTH_APP = path.join(__dirname, 'synth-app.js');
const BIN = path.join(__dirname, '..', 'bin', 'cdktf-lxd-matchbox.js');

export interface GraphRow {
  readonly containers: number;
  readonly format: string;
  readonly reps: number;
  /** Median wall time of the whole process. */
  readonly wallMs: number;
  /** Median time inside this process: read the manifests, build the graph, render it. */
  readonly inProcessMs: number;
  readonly bytes: number;
}

/** Times `graph` on an environment of `n` containers, `reps` times per format. */
export function benchGraph(n: number, reps: number): GraphRow[] {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-graph-'));
  try {
    const out = path.join(tmp, 'cdktf.out');
    const synth = spawnSync(process.execPath, [SYNTH_APP, 'lib', String(n), out], {
      encoding: 'utf8',
      env: { ...process.env, CHECKPOINT_DISABLE: '1' },
    });
    if (synth.status !== 0) throw new Error(`synth of ${n} containers failed: ${synth.stderr}`);
    const render = { html: toHtml, mermaid: toMermaid, dot: toDot };
    const inProcess = (format: keyof typeof render) => {
      const t0 = process.hrtime.bigint();
      const cdktf = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8'));
      const stacks = Object.values<{ name: string; workingDirectory: string; dependencies: string[] }>(
        cdktf.stacks,
      ).map((s) => ({
        name: s.name,
        dependencies: s.dependencies,
        manifest: JSON.parse(fs.readFileSync(path.join(out, s.workingDirectory, MANIFEST_FILE), 'utf8')) as LabManifest,
      }));
      render[format](buildGraph(stacks));
      return Number(process.hrtime.bigint() - t0) / 1e6;
    };
    return (['html', 'mermaid', 'dot'] as const).map((format) => {
      const file = path.join(tmp, `graph.${format}`);
      const times: number[] = [];
      for (let i = 0; i < reps; i++) {
        const t0 = process.hrtime.bigint();
        const r = spawnSync(process.execPath, [BIN, 'graph', '--out', out, '--format', format, '-o', file], {
          encoding: 'utf8',
        });
        times.push(Number(process.hrtime.bigint() - t0) / 1e6);
        if (r.status !== 0) throw new Error(`graph --format ${format} failed (${r.status}): ${r.stderr}`);
      }
      const inside = Array.from({ length: reps }, () => inProcess(format));
      return {
        containers: n,
        format,
        reps,
        wallMs: median(times),
        inProcessMs: median(inside),
        bytes: fs.statSync(file).size,
      };
    });
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** The table and the target. */
export function reportGraph(rows: readonly GraphRow[], say: (s?: string) => void, targets: Target[]): void {
  say(
    table(
      ['containers', 'format', 'graph (whole process)', 'in process (read, build, render)', 'output'],
      rows.map((r) => [r.containers, r.format, ms(r.wallMs), ms(r.inProcessMs), `${(r.bytes / 1e6).toFixed(2)} MB`]),
    ),
  );
  const html = rows.find((r) => r.format === 'html' && r.containers === 1000);
  if (html) {
    const slowest = Math.max(...rows.filter((r) => r.containers === 1000).map((r) => r.wallMs));
    targets.push({
      target: 'graph of the 1,000-container bench environment <= 1 s',
      measured: `${ms(html.wallMs)} for the HTML page (slowest format ${ms(slowest)}), whole process; ${ms(html.inProcessMs)} in process`,
      ok: slowest <= 1000,
    });
  }
}
