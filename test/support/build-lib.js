/**
 * Jest global setup: builds lib/ (incremental tsc) once before any suite. Terraform runs the
 * lifecycle program from lib/ even when the library itself runs from its sources (ts-jest), so a
 * fresh clone, or a lib/ older than the sources, must not reach a test.
 */
const { spawnSync } = require('child_process');
const path = require('path');

module.exports = async function buildLib() {
  const root = path.resolve(__dirname, '../..');
  const tsc = require.resolve('typescript/bin/tsc', { paths: [root] });
  const r = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], {
    cwd: root,
    encoding: 'utf8',
    timeout: 300000,
  });
  if (r.status !== 0) throw new Error(`building lib/ (tsc -p tsconfig.build.json) failed:\n${r.stdout}${r.stderr}`);
};
