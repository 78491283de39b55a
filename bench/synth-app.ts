/**
 * One synth, in a fresh node process, as users run it: `node synth-app.js MODE N OUTDIR [FILL]`.
 * MODE `lib` synthesizes the benchmark environment with N containers; MODE `bare` synthesizes
 * N terraform_data resources (plain TerraformResource, the cdktf floor) with FILL characters of input
 * each. Prints one JSON line: timings (ms; loadMs is from process start), CPU time of build + synth,
 * peak RSS (KiB), resources, cdk.tf.json bytes.
 */
import { performance } from 'perf_hooks';
import * as fs from 'fs';
import * as path from 'path';
import { App } from '../constructs/core/cdk';
import { buildBare } from './bare';
import { buildEnvironment } from './env';

const tLoaded = performance.now();
const cpu0 = process.cpuUsage();
const [mode, nText, outdir, bytesText] = process.argv.slice(2);
const n = Number(nText);
fs.rmSync(outdir, { recursive: true, force: true });
const app = new App({ outdir, skipValidation: false });
if (mode === 'lib') buildEnvironment(app, { containers: n, host: 'ssh' });
else buildBare(app, n, Number(bytesText));
const tBuilt = performance.now();
app.synth();
const tSynth = performance.now();
const cpu = process.cpuUsage(cpu0);

const file = path.join(outdir, 'stacks', 'bench', 'cdk.tf.json');
const json = fs.readFileSync(file, 'utf8');
const doc = JSON.parse(json);
const resources = Object.values<Record<string, unknown>>(doc.resource ?? {}).reduce(
  (sum, byName) => sum + Object.keys(byName).length,
  0,
);
process.stdout.write(
  `${JSON.stringify({
    mode,
    n,
    resources,
    bytes: Buffer.byteLength(json),
    loadMs: tLoaded,
    cpuMs: (cpu.user + cpu.system) / 1000,
    buildMs: tBuilt - tLoaded,
    synthMs: tSynth - tBuilt,
    totalMs: tSynth - tLoaded,
    maxRssKiB: process.resourceUsage().maxRSS,
  })}\n`,
);
