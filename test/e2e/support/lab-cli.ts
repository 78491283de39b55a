/** Runs the package's `cdktf-lxd-matchbox` command as shipped: built into lib/ first. */
import { spawnSync, SpawnSyncReturns } from 'child_process';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '../../..');
let built = false;

/** Builds lib/ (incremental) once per test file. */
export function buildLib(): void {
  if (built) return;
  const r = spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: ROOT, encoding: 'utf8', timeout: 300000 });
  if (r.status !== 0) throw new Error(`npm run build failed: ${r.stdout}${r.stderr}`);
  built = true;
}

/** `cdktf-lxd-matchbox ARGS --out OUT` with `env`. */
export function labCli(args: string[], out: string, env: NodeJS.ProcessEnv): SpawnSyncReturns<string> {
  buildLib();
  return spawnSync('node', [path.join(ROOT, 'lib/bin/cdktf-lxd-matchbox.js'), ...args, '--out', out], {
    env,
    encoding: 'utf8',
    timeout: 600000,
  });
}
