'use strict';
// Preload (`node -r bench/no-spawn.js app.js`): counts every child_process call made while the
// process runs and writes the count to $BENCH_SPAWN_LOG at exit. Calls still go through,
// so a library that needs a child (cdktf's DataResource runs `terraform version`) still works.
const cp = require('child_process');
const fs = require('fs');

const calls = [];
for (const name of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']) {
  const original = cp[name];
  cp[name] = function counted(...args) {
    calls.push(`${name} ${typeof args[0] === 'string' ? args[0].slice(0, 80) : ''}`);
    return original.apply(this, args);
  };
}
process.on('exit', () => {
  const out = process.env.BENCH_SPAWN_LOG;
  if (out) fs.writeFileSync(out, JSON.stringify({ count: calls.length, calls: calls.slice(0, 20) }));
});
