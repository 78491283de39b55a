#!/usr/bin/env node
// `npm run soak -- --seed N[,N...] --steps M`: the model-based lifecycle test
// (test/e2e/lifecycle-model.test.ts) for other seeds and longer sequences, each seed on a fresh
// lab. It runs that test file with SOAK_SEED / SOAK_STEPS (as root, like every e2e test; CI=true
// so that missing prerequisites fail instead of skipping). A broken invariant prints the seed,
// the step, its edit, the invariant and the step log (SOAK_DEBUG=DIR keeps every step's plan, apply
// output and state). Defaults: seed = the time, 40 steps.
'use strict';
const { spawnSync } = require('child_process');
const path = require('path');

const USAGE = 'usage: npm run soak -- [--seed N[,N...]] [--steps M]';
const opts = { seed: String(Date.now() % 100000), steps: '40' };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const [flag, inline] = argv[i].split('=');
  const value = inline ?? argv[++i];
  if (flag === '--seed' && /^\d+(,\d+)*$/.test(value ?? '')) opts.seed = value;
  else if (flag === '--steps' && /^\d+$/.test(value ?? '') && Number(value) > 0) opts.steps = value;
  else {
    console.error(`${USAGE}\n(bad argument: ${flag}${value === undefined ? '' : ` ${value}`})`);
    process.exit(2);
  }
}
console.log(`soak: seed(s) ${opts.seed}, ${opts.steps} steps each`);
const root = path.resolve(__dirname, '..');
const r = spawnSync('npx', ['jest', '--runInBand', 'test/e2e/lifecycle-model.test.ts'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, CI: process.env.CI || 'true', SOAK_SEED: opts.seed, SOAK_STEPS: opts.steps },
});
process.exit(r.status ?? 1);
