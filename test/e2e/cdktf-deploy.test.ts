/**
 * The user's path: `cdktf deploy '*'` (the real CLI, offline) on an app of two stacks, where
 * the second stack's container uses the first stack's pool and bridge through cross-stack
 * references; the CLI deploys them in order and destroys them in reverse.
 *
 * CLI and core are those installed: `cdktf` (cdktf-cli) on cdktf, `cdktn` (cdktn-cli) on CDK
 * Terrain; the app imports its App from that package, as a user's app does.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { coreName } from '../../constructs/core/cdk';
import { importBusybox } from './support/busybox-image';
import { cleanupAll, LxdDaemon, runAsync, startLxd } from './support/lxd-daemon';
import { describeE2E } from './support/prereqs';
import { waitFor } from './support/terraform';

const root = path.resolve(__dirname, '../..');

describeE2E(`${coreName} deploy of a two-stack app`, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdktf-deploy-'));
  let d: LxdDaemon;
  const cdktf = (...args: string[]) =>
    runAsync(path.join(root, 'node_modules/.bin', coreName), args, {
      cwd: dir,
      env: { ...d.env, CHECKPOINT_DISABLE: '1', CI: '1', FORCE_COLOR: '0' },
      timeoutMs: 300000,
    });

  beforeAll(async () => {
    // The app runs compiled JavaScript, as users run it.
    const build = spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: root, encoding: 'utf8' });
    expect(build.status).toBe(0);
    d = await startLxd({ name: 'cdktfdep' });
    await importBusybox(d);
    fs.writeFileSync(
      path.join(dir, 'cdktf.json'),
      JSON.stringify({ language: 'typescript', app: 'node app.js', sendCrashReports: 'false' }),
    );
    fs.writeFileSync(
      path.join(dir, 'app.js'),
      `
const { App } = require(${JSON.stringify(path.join(root, 'node_modules', coreName))});
const L = require(${JSON.stringify(path.join(root, 'lib/index.js'))});
const app = new App();
const lab = new L.LabStack(app, 'lab');
const host = new L.LocalHost(lab, 'host');
const pool = new L.StoragePool(lab, 'data', { host, driver: 'dir' });
const bridge = new L.Bridge(lab, 'depbr0', { host, ipv4Address: '10.125.47.1/24', ipv6Address: 'none' });
const apps = new L.LabStack(app, 'apps');
new L.Container(apps, 'app1', { host, image: 'busybox', storagePool: pool, profiles: [], nics: [{ bridge, ipv4Address: '10.125.47.10' }] });
app.synth();
`,
    );
  });
  afterAll(async () => {
    await cleanupAll();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it(`deploys lab before apps with ${coreName} deploy '*', and destroys apps before lab`, async () => {
    const deployed = await cdktf('deploy', '*', '--auto-approve');
    expect(deployed.code).toBe(0);
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'cdktf.out/manifest.json'), 'utf8'));
    expect(manifest.stacks.apps.dependencies).toEqual(['lab']);
    const ip = await waitFor('app1 lease', async () => {
      const r = await d.lxc(['exec', 'app1', '--', 'cat', '/tmp/ip']);
      return r.code === 0 && r.stdout.trim() ? r.stdout.trim() : undefined;
    });
    expect(ip).toBe('10.125.47.10');

    const destroyed = await cdktf('destroy', '*', '--auto-approve');
    expect(destroyed.code).toBe(0);
    expect(await d.lxcJson('/1.0/instances')).toEqual([]);
    expect((await d.lxc(['network', 'show', 'depbr0'])).code).not.toBe(0);
    expect((await d.lxc(['storage', 'show', 'data'])).code).not.toBe(0);
  });
});
