/**
 * The default lab on a LocalHost against a private LXD daemon: deploy, then destroy, and the
 * daemon is left exactly as it was (no instances, networks, profiles or pools left behind).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildLab } from '../../examples/default';
import { importBusybox } from './support/busybox-image';
import { cleanupAll, LxdDaemon, startLxd } from './support/lxd-daemon';
import { describeE2E } from './support/prereqs';
import { synthStack, TerraformWorkdir } from './support/terraform';

describeE2E('default lab on a LocalHost, destroyed twice', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-local-'));
  let d: LxdDaemon;
  let tf: TerraformWorkdir;

  /** Everything a stack could leave behind, by kind. */
  const inventory = async () => {
    const names = async (p: string) =>
      ((await d.lxcJson(p)) as string[]).map((u) => decodeURIComponent(u.split('/').pop()!)).sort();
    const networks = (await d.lxcJson('/1.0/networks?recursion=1'))
      .filter((n: any) => n.managed)
      .map((n: any) => n.name)
      .sort();
    return {
      instances: await names('/1.0/instances'),
      networks,
      profiles: await names('/1.0/profiles'),
      pools: await names('/1.0/storage-pools'),
      defaultProfile: await d.lxcJson('/1.0/profiles/default'),
    };
  };

  beforeAll(async () => {
    d = await startLxd({ name: 'labloc' });
    await importBusybox(d);
  });
  afterAll(async () => {
    await cleanupAll();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('deploys on the local daemon and destroy leaves it as it was', async () => {
    const before = await inventory();
    tf = await synthStack(
      path.join(tmp, 'out'),
      'lab',
      (app) =>
        buildLab(app, {
          host: 'local',
          image: 'busybox',
          pool: { driver: 'dir' },
          subnet: '10.124.46',
          statePath: path.join(tmp, 'lab.tfstate'),
        }),
      d.env,
    );
    await tf.ok(['apply', '-auto-approve']);
    const deployed = await inventory();
    expect(deployed.instances).toEqual(['db', 'web']);
    expect(deployed.networks).toEqual(['labbr0']);
    expect(deployed.profiles).toEqual(['base', 'default']);
    expect(deployed.pools).toEqual(['data']);

    await tf.ok(['destroy', '-auto-approve']);
    expect(await inventory()).toEqual(before);
    expect(await tf.ok(['destroy', '-auto-approve'])).toMatch(/Resources: 0 destroyed/);
    expect(await inventory()).toEqual(before);
  });
});
