/**
 * Deploys the default example (sized for this machine: busybox image, dir pool) onto a
 * multipass VM played by the stand-in, with real terraform and a real LXD daemon inside the VM,
 * and walks the lifecycle: create, idempotence, in-place update, replacement, a failed create,
 * drift repair, and destroy.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildLab, LabOptions } from '../../examples/default';
import { newStandinHome, purgeAll, readCalls, standinEnv, vmInfo, vmLxc, vmLxdEnv } from './support/multipass-standin';
import { describeE2E } from './support/prereqs';
import { runAsync } from './support/lxd-daemon';
import { labCli } from './support/lab-cli';
import { synthStack, TerraformWorkdir, waitFor } from './support/terraform';

const NET = '10.123.45';
const VM = `e2elab${process.pid % 100000}`;

describeE2E('default lab on a multipass VM (stand-in), applied with terraform', () => {
  const home = newStandinHome('mpst-lab-');
  const paths = { home };
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-e2e-'));
  // Record files (the VM's) go to a folder of the test.
  const env = { ...standinEnv(paths), XDG_STATE_HOME: path.join(tmp, 'state') };
  const base: LabOptions = {
    vmName: VM,
    image: 'busybox',
    pool: { driver: 'dir' },
    subnet: NET,
    statePath: path.join(tmp, 'lab.tfstate'),
  };
  let tf: TerraformWorkdir;
  const deploy = async (o: Partial<LabOptions> = {}) => {
    tf = await synthStack(path.join(tmp, 'out'), 'lab', (app) => buildLab(app, { ...base, ...o }), env);
    return tf;
  };
  const lxc = async (...args: string[]) => {
    const r = await vmLxc(VM, args, paths);
    if (r.code !== 0) throw new Error(`lxc ${args.join(' ')}: ${r.stderr}`);
    return r.stdout.trim();
  };
  const lxcJson = async (p: string) => JSON.parse(await lxc('query', p));
  const leasedIp = (name: string) =>
    waitFor(`${name}'s DHCP lease`, async () => {
      const r = await vmLxc(VM, ['exec', name, '--', 'cat', '/tmp/ip'], paths);
      return r.code === 0 && r.stdout.trim() ? r.stdout.trim() : undefined;
    });
  const calls = () => readCalls(paths).length;

  afterAll(async () => {
    await purgeAll(paths, { removeHome: true });
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('1. deploys the VM, pool, bridge, profile and containers, each container getting its static address by DHCP', async () => {
    await deploy();
    await tf.ok(['apply', '-auto-approve']);

    expect(vmInfo(VM, paths)?.state).toBe('Running');
    expect(readCalls(paths).some((c) => c.argv[0] === 'launch' && c.argv.includes('--cloud-init'))).toBe(true);
    const pool = await lxcJson('/1.0/storage-pools/data');
    expect(pool.driver).toBe('dir');
    const net = await lxcJson('/1.0/networks/labbr0');
    expect(net.config).toMatchObject({
      'ipv4.address': `${NET}.1/24`,
      'ipv4.nat': 'true',
      'ipv6.address': 'none',
      'dns.domain': 'lab.test',
      'ipv4.dhcp.ranges': `${NET}.100-${NET}.199`,
      'raw.dnsmasq': `dhcp-host=printer,${NET}.250`,
    });
    const profile = await lxcJson('/1.0/profiles/base');
    expect(profile.config['boot.autostart']).toBe('true');
    expect(profile.devices.root).toEqual({ type: 'disk', path: '/', pool: 'data' });
    expect(profile.devices.eth0).toEqual({ type: 'nic', name: 'eth0', network: 'labbr0' });
    for (const [name, ip] of [
      ['web', `${NET}.10`],
      ['db', `${NET}.11`],
    ]) {
      const inst = await lxcJson(`/1.0/instances/${name}`);
      expect(inst.status).toBe('Running');
      expect(inst.profiles).toEqual(['base']);
      expect(inst.devices.eth0['ipv4.address']).toBe(ip);
      expect(await leasedIp(name)).toBe(ip);
    }
    expect((await lxcJson('/1.0/instances/web')).config['limits.cpu']).toBe('1');
  });

  it('2. reaches the web container over HTTP through its proxy device on loopback', async () => {
    const netns = vmInfo(VM, paths)!.netns;
    const body = await waitFor('HTTP through the proxy', async () => {
      const r = await runAsync(
        'ip',
        ['netns', 'exec', netns, 'busybox', 'wget', '-q', '-O', '-', 'http://127.0.0.1:8080/'],
        {},
      );
      return r.code === 0 ? r.stdout : undefined;
    });
    expect(body).toContain('web');
  });

  it('3. plans no changes, and a no-change apply runs no command', async () => {
    const before = calls();
    expect(await tf.plan()).toEqual([]);
    const applied = await tf.ok(['apply', '-auto-approve']);
    expect(applied).toContain('0 added, 0 changed, 0 destroyed');
    expect(calls()).toBe(before);
  });

  it('4. changes limits and a DHCP range in place: data and creation time are kept', async () => {
    await lxc('exec', 'web', '--', 'sh', '-c', 'echo keep-web > /root/marker');
    // limits.memory cannot be enforced on this machine's cgroups, so it is changed on a stopped container.
    await deploy({ db: { state: 'stopped' } });
    await tf.ok(['apply', '-auto-approve']);
    const pushed = await runAsync('lxc', ['file', 'push', '-', 'db/root/marker'], {
      env: vmLxdEnv(VM, paths),
      input: 'keep-db',
    });
    expect(pushed.code).toBe(0);
    const created = {
      web: (await lxcJson('/1.0/instances/web')).created_at,
      db: (await lxcJson('/1.0/instances/db')).created_at,
    };

    await deploy({ db: { state: 'stopped', memory: '256MiB' }, webCpu: 2, dhcpRange: [120, 180] });
    const changes = await tf.plan();
    expect(changes.length).toBeGreaterThan(0);
    for (const c of changes) {
      expect(c.address).toMatch(/_converge_/); // only convergence resources: nothing is recreated
    }
    await tf.ok(['apply', '-auto-approve']);

    expect((await lxcJson('/1.0/instances/db')).config['limits.memory']).toBe('256MiB');
    expect((await lxcJson('/1.0/instances/web')).config['limits.cpu']).toBe('2');
    expect((await lxcJson('/1.0/networks/labbr0')).config['ipv4.dhcp.ranges']).toBe(`${NET}.120-${NET}.180`);
    expect(await lxc('exec', 'web', '--', 'cat', '/root/marker')).toBe('keep-web');
    expect((await lxcJson('/1.0/instances/web')).created_at).toBe(created.web);
    expect((await lxcJson('/1.0/instances/db')).created_at).toBe(created.db);
    expect((await lxcJson('/1.0/instances/db')).status).toBe('Stopped');
    expect(await lxc('file', 'pull', 'db/root/marker', '-')).toBe('keep-db');
  });

  it('5. replaces a container whose image changes, and the plan says so', async () => {
    const fingerprint = (await lxcJson('/1.0/images/aliases/busybox')).target;
    await lxc('image', 'alias', 'create', 'busybox-v2', fingerprint);
    const before = (await lxcJson('/1.0/instances/db')).created_at;
    await deploy({ db: { image: 'busybox-v2' } });
    const changes = await tf.plan();
    const replaced = changes
      .filter((c) => c.actions.includes('delete') && c.actions.includes('create'))
      .map((c) => c.address);
    expect(replaced.some((a) => /db_instance_object/.test(a))).toBe(true);
    expect(replaced.some((a) => /web_instance_object/.test(a))).toBe(false);
    await tf.ok(['apply', '-auto-approve']);
    const db = await lxcJson('/1.0/instances/db');
    expect(db.created_at).not.toBe(before);
    expect(db.status).toBe('Running');
    expect(await leasedIp('db')).toBe(`${NET}.11`);
  });

  it('6. a failing create shows the command error; fixing the input converges with nothing half-made', async () => {
    await deploy({ db: { image: 'busybox-v2' }, cacheImage: 'no-such-image' });
    const failed = await tf.run(['apply', '-auto-approve']);
    expect(failed.code).not.toBe(0);
    expect(failed.stderr + failed.stdout).toMatch(/local-exec provisioner error/);
    expect(failed.stderr + failed.stdout).toMatch(/[Ii]mage.*not found|not found.*image|Failed.*image/);
    expect((await vmLxc(VM, ['query', '/1.0/instances/cache'], paths)).code).not.toBe(0);

    await deploy({ db: { image: 'busybox-v2' }, cacheImage: 'busybox' });
    await tf.ok(['apply', '-auto-approve']);
    const names = (await lxcJson('/1.0/instances')).map((u: string) => u.split('/').pop()).sort();
    expect(names).toEqual(['cache', 'db', 'web']);
    expect(await leasedIp('cache')).toBe(`${NET}.12`);
    expect(await tf.plan()).toEqual([]);
  });

  it('7. drift reports an object deleted outside Terraform; repair recreates it and plain plans stay clean', async () => {
    await lxc('delete', '--force', 'cache');
    const drift = labCli(['drift'], path.join(tmp, 'out'), env);
    expect(drift.status).toBe(2);
    expect(drift.stdout).toMatch(/instance cache \(lab\/cache\): missing/);
    const repaired = labCli(['repair', '--auto-approve'], path.join(tmp, 'out'), env);
    expect(repaired.status).toBe(0);
    const cache = await lxcJson('/1.0/instances/cache');
    expect(cache.status).toBe('Running');
    expect(await leasedIp('cache')).toBe(`${NET}.12`);
    expect(await tf.plan()).toEqual([]);
  });

  it('8. destroys everything in dependency order, and destroying twice succeeds', async () => {
    const out = await tf.ok(['destroy', '-auto-approve']);
    const order = [
      ...out.matchAll(
        /terraform_data\.(\w+?)_(?:instance|profile|network|pool|vm)?_?object_\w+: Destruction complete/g,
      ),
    ].map((m) => m[1]);
    const at = (name: string) => order.indexOf(name);
    expect(order).toEqual(expect.arrayContaining(['web', 'db', 'cache', 'base', 'labbr0', 'data', 'vm']));
    for (const c of ['web', 'db', 'cache']) {
      expect(at(c)).toBeLessThan(at('base'));
      expect(at(c)).toBeLessThan(at('labbr0'));
    }
    expect(at('base')).toBeLessThan(at('data'));
    expect(at('base')).toBeLessThan(at('labbr0'));
    expect(at('labbr0')).toBeLessThan(at('vm'));
    expect(readCalls(paths).some((c) => c.argv[0] === 'delete' && c.argv.includes('--purge'))).toBe(true);
    expect(vmInfo(VM, paths)).toBeUndefined();
    const again = await tf.ok(['destroy', '-auto-approve']);
    expect(again).toMatch(/Destroy complete! Resources: 0 destroyed/);
  });
});
