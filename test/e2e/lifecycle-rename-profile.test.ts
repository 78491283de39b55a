/**
 * A profile renamed while its container switches to the new name, in one apply: the `before`
 * prune defers the old profile (a declared container still uses it), the container converges onto
 * the new one, and the `after` prune deletes the old. Real LXD, real terraform.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from '../../constructs/core/cdk';
import { Container, LabStack, LocalHost, Profile, StoragePool } from '../../index';
import { cleanupAll, LxdDaemon, startLxd } from './support/lxd-daemon';
import { describeE2E } from './support/prereqs';
import { synthStack } from './support/terraform';

describeE2E('a renamed profile in one apply (prune before defers, after deletes)', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rename-profile-'));
  let d: LxdDaemon;
  const deploy = async (profile: string) => {
    const tf = await synthStack(
      path.join(tmp, 'out'),
      'lab',
      (app: App) => {
        const stack = new LabStack(app, 'lab', { localStatePath: path.join(tmp, 'lab.tfstate') });
        const host = new LocalHost(stack, 'host');
        const pool = new StoragePool(stack, 'data', { host, driver: 'dir' });
        const p = new Profile(stack, profile, { host, rootPool: pool, config: { 'user.role': profile } });
        new Container(stack, 'c1', { host, image: 'busybox', profiles: [p], state: 'stopped' });
      },
      { ...d.env, XDG_STATE_HOME: path.join(tmp, 'state') },
    );
    await tf.ok(['apply', '-auto-approve']);
    return tf;
  };
  const profiles = async () => ((await d.lxcJson('/1.0/profiles')) as string[]).map((u) => u.split('/').pop()).sort();

  beforeAll(async () => {
    d = await startLxd({ name: 'renprof' });
    await d.importBusybox();
  });
  afterAll(async () => {
    await cleanupAll();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('moves the container to the new profile and deletes the old one; the next plan is clean', async () => {
    await deploy('old');
    const created = (await d.lxcJson('/1.0/instances/c1')).created_at;
    expect(await profiles()).toEqual(['default', 'old']);
    const tf = await deploy('new');
    expect(await profiles()).toEqual(['default', 'new']);
    const c1 = await d.lxcJson('/1.0/instances/c1');
    expect(c1.profiles).toEqual(['new']);
    expect(c1.created_at).toBe(created);
    expect(await tf.plan()).toEqual([]);
    await tf.ok(['destroy', '-auto-approve']);
    expect(await profiles()).toEqual(['default']);
  });
});
