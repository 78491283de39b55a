/**
 * Finding 2 of the "nothing is ever lost" issue: an LxdCluster of two SshHost members, deployed with
 * `terraform apply` from a workstation (one member reached as root, the other as alice with sudo).
 * The cluster is one daemon: one prune, read through one member; a member never takes the cluster's
 * objects for its own. Bootstrap, join, a pool and a bridge defined per member then cluster-wide, a
 * container on a target, a move by changing `target` (with its data), drift exits 0, repair changes
 * nothing, and destroy removes what the stack owns.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from '../../constructs/core/cdk';
import { Bridge, Container, LabStack, LxdCluster, Profile, SshHost, StoragePool } from '../../index';
import { buildLib } from './support/lab-cli';
import { describeE2E } from './support/prereqs';
import { cleanupSshLabs, LXD, SSH_LAB_BINARIES, SshLab, startSshLab } from './support/ssh-lab';
import { TerraformWorkdir } from './support/terraform';

jest.setTimeout(600000);

const SUBNET = '10.131.31';
const ROOT = path.resolve(__dirname, '../..');

describeE2E(
  'an LxdCluster of two SshHosts, deployed with terraform',
  () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ssh-cluster-'));
    const out = path.join(tmp, 'out');
    const poolDir = (m: string) => path.join(tmp, `pool-${m}`);
    let lab: SshLab;
    let env: NodeJS.ProcessEnv;

    /** The app: the cluster, a pool and a bridge on it, a profile, and (once the image is there) `web` on `target`. */
    const build = (o: { target?: string; web?: boolean }): TerraformWorkdir => {
      const app = new App({ outdir: out });
      const stack = new LabStack(app, 'cl', { localStatePath: path.join(tmp, 'cl.tfstate') });
      const m1 = new SshHost(stack, 'm1', lab.sshHost('c1', 'root'));
      const m2 = new SshHost(stack, 'm2', lab.sshHost('c2', 'alice', { sudo: true }));
      const cluster = new LxdCluster(stack, 'cluster', {
        members: [
          { host: m1, name: 'm1', address: `${SUBNET}.1:8443` },
          { host: m2, name: 'm2', address: `${SUBNET}.2:8443` },
        ],
      });
      const pool = new StoragePool(stack, 'local', {
        host: cluster.host,
        cluster,
        driver: 'dir',
        perMember: { m1: { source: poolDir('m1') }, m2: { source: poolDir('m2') } },
      });
      const bridge = new Bridge(stack, 'cbr0', {
        host: cluster.host,
        cluster,
        ipv4Address: '10.131.131.1/24',
        ipv6Address: 'none',
      });
      const profile = new Profile(stack, 'base', { host: cluster.host, rootPool: pool, network: bridge });
      if (o.web)
        new Container(stack, 'web', {
          host: cluster.host,
          image: 'busybox',
          profiles: [profile],
          target: o.target ?? 'm1',
        });
      app.synth();
      return lab.terraformIn(path.join(out, 'stacks', 'cl'), env);
    };
    const deploy = async (o: { target?: string; web?: boolean }) => {
      const w = build(o);
      if (!fs.existsSync(path.join(w.dir, '.terraform'))) await w.ok(['init']);
      await w.ok(['apply', '-auto-approve']);
      expect(await w.plan()).toEqual([]);
      return w;
    };
    const cli = (args: string[]) =>
      lab.inWorkstation('node', [path.join(ROOT, 'lib/bin/cdktf-lxd-matchbox.js'), ...args, '--out', out], { env });
    const where = async (name: string) => (await lab.lxcJson('c1', `/1.0/instances/${name}`)).location;

    beforeAll(async () => {
      buildLib();
      for (const m of ['m1', 'm2']) fs.mkdirSync(poolDir(m), { recursive: true });
      lab = await startSshLab({
        name: 'sshcl',
        subnet: SUBNET,
        machines: [
          { name: 'c1', flavor: LXD },
          { name: 'c2', flavor: LXD },
        ],
      });
      env = { ...process.env, XDG_STATE_HOME: path.join(tmp, 'state'), CHECKPOINT_DISABLE: '1' };
    }, 300000);
    afterAll(async () => {
      expect(await cleanupSshLabs()).toEqual([]);
      fs.rmSync(tmp, { recursive: true, force: true });
    });

    it('forms the cluster and its objects; the cluster is one daemon with one prune', async () => {
      const w = await deploy({});
      const members = await lab.lxcOk('c1', ['cluster', 'list', '-f', 'csv']);
      expect(members).toMatch(/^m1,.*ONLINE/m);
      expect(members).toMatch(/^m2,.*ONLINE/m);
      const prunes = Object.keys(
        JSON.parse(fs.readFileSync(path.join(w.dir, 'cdk.tf.json'), 'utf8')).resource.terraform_data,
      )
        .filter((k) => /^lifecycle_.*_before_/.test(k))
        .map((k) => k.replace(/_before_.*/, ''));
      expect(prunes.sort()).toEqual(['lifecycle_cluster-ssh-10-131-31-1-22-lxd', 'lifecycle_local']);
      for (const m of ['m1', 'm2'])
        expect((await lab.lxcJson('c1', `/1.0/storage-pools/local?target=${m}`)).config.source).toBe(poolDir(m));
      expect((await lab.lxcJson('c2', '/1.0/networks/cbr0')).status).toBe('Created');
    });

    it('a container lands on its target; drift exits 0 and repair changes nothing', async () => {
      await lab.importBusybox('c1');
      await deploy({ web: true, target: 'm1' });
      expect(await where('web')).toBe('m1');
      await lab.lxcOk('c1', ['exec', 'web', '--', 'sh', '-c', 'echo kept > /root/marker']);
      const drift = await cli(['drift']);
      expect(drift.stderr).toBe('');
      expect(drift.stdout).toMatch(/^cl: in sync on cluster m1\+m2 via ssh 10\.131\.31\.1:22$/m);
      expect(drift.code).toBe(0);
      const repair = await cli(['repair', '--auto-approve']);
      expect(repair.code).toBe(0);
      expect(repair.stdout).not.toMatch(/repair will|re-converging/);
      expect((await lab.lxcJson('c1', '/1.0/instances')).length).toBe(1);
    });

    it('changing target moves the container with its data (a converge, not a replacement)', async () => {
      const plan = await build({ web: true, target: 'm2' }).plan();
      expect(
        plan.filter((c) => c.actions.includes('delete') && !c.address.includes('_converge_')).map((c) => c.address),
      ).toEqual([]);
      await deploy({ web: true, target: 'm2' });
      expect(await where('web')).toBe('m2');
      expect((await lab.lxcOk('c2', ['exec', 'web', '--', 'cat', '/root/marker'])).trim()).toBe('kept');
      expect((await cli(['drift'])).code).toBe(0);
    });

    it('destroy removes the container, profile, bridge and pool (and m2 leaves the cluster)', async () => {
      const w = build({ web: true, target: 'm2' });
      await w.ok(['destroy', '-auto-approve']);
      expect(await lab.lxcJson('c1', '/1.0/instances')).toEqual([]);
      expect((await lab.lxc('c1', ['profile', 'show', 'base'])).code).not.toBe(0);
      expect((await lab.lxc('c1', ['network', 'show', 'cbr0'])).code).not.toBe(0);
      expect((await lab.lxc('c1', ['storage', 'show', 'local'])).code).not.toBe(0);
    });
  },
  SSH_LAB_BINARIES,
);
