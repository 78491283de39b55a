/**
 * The default lab on a LocalHost with `backend: 'incus'`, against a real private incusd: the same
 * scenarios as on LXD (deploy, static IP by DHCP, proxy, in-place change keeps data, replacement,
 * a failed create that is then fixed, prune and drift, destroy twice), with the scripts calling
 * `incus` (there is no `lxc` shim on PATH for them).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildLab, LabOptions } from '../../examples/default';
import { cleanupAllIncus, IncusDaemon, startIncus } from './support/incus-daemon';
import { labCli } from './support/lab-cli';
import { describeE2E } from './support/prereqs';
import { synthStack, TerraformWorkdir, waitFor } from './support/terraform';

const NET = '10.127.50';

describeE2E('default lab on Incus (LocalHost, backend incus), applied with terraform', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'incus-lab-'));
  const out = path.join(tmp, 'out');
  let d: IncusDaemon;
  let env: NodeJS.ProcessEnv;
  let tf: TerraformWorkdir;
  const base: LabOptions = {
    host: 'local',
    backend: 'incus',
    image: 'busybox',
    pool: { driver: 'dir' },
    subnet: NET,
    statePath: path.join(tmp, 'lab.tfstate'),
  };
  const deploy = async (o: Partial<LabOptions> = {}) => {
    tf = await synthStack(out, 'lab', (app) => buildLab(app, { ...base, ...o }), env);
    return tf;
  };
  const leasedIp = (name: string) =>
    waitFor(`${name}'s DHCP lease`, async () => {
      const r = await d.incus(['exec', name, '--', 'cat', '/tmp/ip']);
      return r.code === 0 && r.stdout.trim() ? r.stdout.trim() : undefined;
    });
  const names = async () => ((await d.incusJson('/1.0/instances')) as string[]).map((u) => u.split('/').pop()).sort();

  beforeAll(async () => {
    d = await startIncus({ name: 'incuslab' });
    await d.importBusybox('busybox');
    // No `lxc` for the scripts: PATH without the LXD client's directory would hide /usr/bin too,
    // so the proof is in the calls: every object below is in incusd, which lxc cannot reach.
    env = { ...d.env, XDG_STATE_HOME: path.join(tmp, 'state') };
  }, 120000);
  afterAll(async () => {
    await cleanupAllIncus();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('deploys the pool, bridge, profile and containers; each container gets its static address by DHCP', async () => {
    await deploy();
    await tf.ok(['apply', '-auto-approve']);
    expect((await d.incusJson('/1.0/storage-pools/data')).driver).toBe('dir');
    const net = await d.incusJson('/1.0/networks/labbr0');
    expect(net.config).toMatchObject({ 'ipv4.address': `${NET}.1/24`, 'ipv4.nat': 'true', 'user.cdktf.owner': 'lab' });
    expect(await names()).toEqual(['db', 'web']);
    for (const [name, ip] of [
      ['web', `${NET}.10`],
      ['db', `${NET}.11`],
    ]) {
      expect((await d.incusJson(`/1.0/instances/${name}`)).status).toBe('Running');
      expect(await leasedIp(name)).toBe(ip);
    }
    expect(await tf.plan()).toEqual([]);
  });

  it('reaches the web container over HTTP through its proxy device', async () => {
    const body = await waitFor('HTTP through the proxy', async () => {
      const r = await d.inNetns('busybox', ['wget', '-q', '-O', '-', 'http://127.0.0.1:8080/']);
      return r.code === 0 ? r.stdout : undefined;
    });
    expect(body).toContain('web');
  });

  it('an in-place change keeps the container and its data', async () => {
    await d.incusOk(['exec', 'web', '--', 'sh', '-c', 'echo kept > /kept']);
    const created = (await d.incusJson('/1.0/instances/web')).created_at;
    await deploy({ webCpu: 2 });
    await tf.ok(['apply', '-auto-approve']);
    const web = await d.incusJson('/1.0/instances/web');
    expect(web.config['limits.cpu']).toBe('2');
    expect(web.created_at).toBe(created);
    expect((await d.incusOk(['exec', 'web', '--', 'cat', '/kept'])).trim()).toBe('kept');
    expect(await tf.plan()).toEqual([]);
  });

  it('an image change replaces the container; a failed create is fixed by the next apply', async () => {
    const fingerprint = (await d.incusJson('/1.0/images/aliases/busybox')).target;
    await d.incusOk(['image', 'alias', 'create', 'busybox-v2', fingerprint]);
    const created = (await d.incusJson('/1.0/instances/db')).created_at;
    await deploy({ webCpu: 2, db: { image: 'busybox-v2' } });
    await tf.ok(['apply', '-auto-approve']);
    expect((await d.incusJson('/1.0/instances/db')).created_at).not.toBe(created);

    await deploy({ webCpu: 2, db: { image: 'busybox-v2' }, cacheImage: 'no-such-image' });
    const failed = await tf.run(['apply', '-auto-approve']);
    expect(failed.code).not.toBe(0);
    expect(await names()).toEqual(['db', 'web']);
    await deploy({ webCpu: 2, db: { image: 'busybox-v2' }, cacheImage: 'busybox' });
    await tf.ok(['apply', '-auto-approve']);
    expect(await names()).toEqual(['cache', 'db', 'web']);
    expect(await leasedIp('cache')).toBe(`${NET}.12`);
    expect(await tf.plan()).toEqual([]);
  });

  it('prunes a container removed from the code; drift reports out-of-band changes and repair fixes them', async () => {
    await deploy({ webCpu: 2, db: { image: 'busybox-v2' } });
    await tf.ok(['apply', '-auto-approve']);
    expect(await names()).toEqual(['db', 'web']);
    expect(await tf.plan()).toEqual([]);

    expect(labCli(['drift'], out, env).status).toBe(0);
    await d.incusOk(['config', 'set', 'web', 'limits.cpu', '1']);
    await d.incusOk(['delete', '--force', 'db']);
    const drift = labCli(['drift'], out, env);
    expect(drift.status).toBe(2);
    expect(drift.stdout).toMatch(/instance web \(lab\/web\): changed\n\s+- config limits.cpu is "1", declared "2"/);
    expect(drift.stdout).toMatch(/instance db \(lab\/db\): missing/);
    expect(labCli(['repair', '--auto-approve'], out, env).status).toBe(0);
    expect(labCli(['drift'], out, env).status).toBe(0);
    expect(await leasedIp('db')).toBe(`${NET}.11`);
    expect(await tf.plan()).toEqual([]);
  });

  it('destroy removes everything, twice', async () => {
    await tf.ok(['destroy', '-auto-approve']);
    expect(await names()).toEqual([]);
    expect((await d.incus(['query', '/1.0/networks/labbr0'])).code).not.toBe(0);
    expect((await d.incus(['query', '/1.0/profiles/base'])).code).not.toBe(0);
    expect(await tf.ok(['destroy', '-auto-approve'])).toMatch(/Resources: 0 destroyed/);
  });
});
