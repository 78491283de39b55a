/**
 * The lifecycle where users run it: LXD hosts reached with `SshHost` over a real sshd (one as a
 * non-root user with sudo), deployed with `cdktf deploy` and `terraform apply` from a workstation
 * namespace. One regression test per finding of the "nothing is ever lost" issue:
 * 1. two SshHosts of one machine (alice, bob) share one prune: neither prunes the other's objects;
 * 3. a container whose host changes is replaced, created on the new daemon before the old one goes;
 *    with migrateFrom its data moves; a protected one refuses;
 * 4. a daemon that is down fails the apply (nothing deleted) and drift (exit 1); the next apply prunes;
 * 5. a hand-made object the app then declares fails the apply untouched; `adopt: true` takes it over;
 * 6. drift labels hosts by identity, reports no false drift on a migrated (sensitive) container, and
 *    --removed-hosts lists what a host removed from the app left behind.
 * Finding 2 (a cluster of SshHosts) is test/e2e/ssh-cluster.test.ts.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from '../../constructs/core/cdk';
import { Bridge, Container, LabStack, Profile, SshHost, StoragePool } from '../../index';
import { buildLib } from './support/lab-cli';
import { describeE2E } from './support/prereqs';
import { cleanupSshLabs, LXD, SSH_LAB_BINARIES, SshLab, startSshLab } from './support/ssh-lab';
import { PlannedChange, TerraformWorkdir } from './support/terraform';

jest.setTimeout(600000);

const SUBNET = '10.131.21';
/** The lab bridge on h1 (inside h1's namespace). */
const NET = '10.131.121';
const ROOT = path.resolve(__dirname, '../..');

/** What the app declares; each step changes some of it. */
interface Shape {
  /** Containers through alice's host on h1 (name -> extra props). */
  alice: Record<string, Partial<Cfg>>;
  /** Containers through bob's host on h1 (the same machine and daemon). */
  bob: Record<string, Partial<Cfg>>;
  /** Containers on h2 (through root). */
  h2: Record<string, Partial<Cfg>>;
  /** Declare h2 at all. */
  withH2?: boolean;
}
interface Cfg {
  protect: boolean;
  adopt: boolean;
  migrate: boolean;
  ip: string;
}

describeE2E(
  'the lifecycle over real ssh: one daemon, one prune, nothing lost',
  () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ssh-lifecycle-'));
    const out = path.join(tmp, 'out');
    let lab: SshLab;
    let token = '';
    let env: NodeJS.ProcessEnv;

    const build = (s: Shape): TerraformWorkdir => {
      const app = new App({ outdir: out });
      const stack = new LabStack(app, 'lab', { localStatePath: path.join(tmp, 'lab.tfstate') });
      const alice = new SshHost(stack, 'alice', lab.sshHost('h1', 'alice', { sudo: true }));
      const bob = new SshHost(stack, 'bob', lab.sshHost('h1', 'bob', { sudo: true }));
      const pool = new StoragePool(stack, 'data', { host: alice, driver: 'dir' });
      const bridge = new Bridge(stack, 'labbr', { host: alice, ipv4Address: `${NET}.1/24`, ipv6Address: 'none' });
      const base = new Profile(stack, 'base', { host: alice, rootPool: pool, network: bridge });
      const add = (host: SshHost, name: string, c: Partial<Cfg>, profile: Profile, from?: SshHost) =>
        new Container(stack, name, {
          host,
          image: 'busybox',
          profiles: [profile],
          protect: c.protect,
          adopt: c.adopt,
          ...(c.ip ? { nics: [{ bridge, ipv4Address: c.ip }] } : {}),
          ...(c.migrate && from ? { migrateFrom: { host: from } } : {}),
        });
      // h1 as root, with its API for migrations (the token travels in the converge script only).
      const h1api = new SshHost(stack, 'h1api', {
        ...lab.sshHost('h1', 'root'),
        lxdRemote: { address: `https://${SUBNET}.1:8443`, trustToken: token },
      });
      for (const [name, c] of Object.entries(s.alice)) add(alice, name, c, base);
      for (const [name, c] of Object.entries(s.bob)) add(bob, name, c, base);
      if (s.withH2 !== false) {
        const h2 = new SshHost(stack, 'h2', lab.sshHost('h2', 'root'));
        const pool2 = new StoragePool(stack, 'data2', { host: h2, driver: 'dir', name: 'data' });
        const base2 = new Profile(stack, 'base2', { host: h2, name: 'base', rootPool: pool2 });
        for (const [name, c] of Object.entries(s.h2)) add(h2, name, c, base2, h1api);
      }
      app.synth();
      return lab.terraformIn(path.join(out, 'stacks', 'lab'), env);
    };
    const apply = async (s: Shape) => {
      const w = build(s);
      if (!fs.existsSync(path.join(w.dir, '.terraform'))) await w.ok(['init']);
      return w.run(['apply', '-auto-approve']);
    };
    const deploy = async (s: Shape) => {
      const r = await apply(s);
      if (r.code !== 0) throw new Error(`apply failed:\n${r.stdout}\n${r.stderr}`);
      return r;
    };
    const names = async (m: string) =>
      ((await lab.lxcJson(m, '/1.0/instances?recursion=1')) as any[]).map((i) => i.name).sort();
    const owner = async (m: string, name: string) =>
      (await lab.lxcJson(m, `/1.0/instances/${name}`)).config['user.cdktf.owner'];
    const mark = (m: string, name: string) =>
      lab.lxcOk(m, ['exec', name, '--', 'sh', '-c', `echo ${name}-data > /root/marker`]);
    /** The marker file's text ('' when the container has none); an exec that fails (a loaded daemon) is retried, then an error. */
    const marker = async (m: string, name: string): Promise<string> => {
      for (let attempt = 1; ; attempt++) {
        const r = await lab.lxc(m, ['exec', name, '--', 'sh', '-c', 'cat /root/marker 2>/dev/null || true']);
        if (r.code === 0) return r.stdout.trim();
        if (attempt === 3) throw new Error(`lxc exec ${name} on ${m} failed (exit ${r.code}): ${r.stderr.trim()}`);
        await new Promise((done) => setTimeout(done, 2000));
      }
    };
    const cli = (args: string[]) =>
      lab.inWorkstation('node', [path.join(ROOT, 'lib/bin/cdktf-lxd-matchbox.js'), ...args, '--out', out], { env });
    const replaced = (plan: PlannedChange[], name: string) =>
      plan.some((c) => c.address.includes(`${name}_instance_object`) && c.actions.includes('delete'));

    beforeAll(async () => {
      buildLib();
      lab = await startSshLab({
        name: 'sshlc',
        subnet: SUBNET,
        machines: [
          { name: 'h1', flavor: LXD },
          { name: 'h2', flavor: LXD },
        ],
      });
      for (const m of ['h1', 'h2']) await lab.importBusybox(m);
      // h1 serves its API for migrations, with a trust token for h2.
      await lab.lxcOk('h1', ['config', 'set', 'core.https_address', `${SUBNET}.1:8443`]);
      token =
        (await lab.lxcOk('h1', ['config', 'trust', 'add', '--name', 'h2', '--quiet'])).trim().split('\n').pop() ?? '';
      env = { ...process.env, XDG_STATE_HOME: path.join(tmp, 'state'), CHECKPOINT_DISABLE: '1' };
    }, 300000);
    afterAll(async () => {
      expect(await cleanupSshLabs()).toEqual([]);
      fs.rmSync(tmp, { recursive: true, force: true });
    });

    it("finding 1: alice and bob reach one daemon: one prune, and neither prunes the other's containers", async () => {
      await deploy({ alice: { a1: { ip: `${NET}.10` } }, bob: { b1: {} }, h2: {} });
      const json = JSON.parse(fs.readFileSync(path.join(out, 'stacks/lab/cdk.tf.json'), 'utf8'));
      const prunes = Object.keys(json.resource.terraform_data).filter((k) => /^lifecycle_ssh.*_before_/.test(k));
      expect(prunes.map((k) => k.replace(/_before_.*/, ''))).toEqual([
        `lifecycle_ssh-${SUBNET.replace(/\./g, '-')}-1-22-lxd`,
        `lifecycle_ssh-${SUBNET.replace(/\./g, '-')}-2-22-lxd`,
      ]);
      expect(await names('h1')).toEqual(['a1', 'b1']);
      await deploy({ alice: { a1: {}, a2: {} }, bob: { b1: {} }, h2: {} });
      expect(await names('h1')).toEqual(['a1', 'a2', 'b1']);
      await deploy({ alice: { a1: {}, a2: {} }, bob: { b1: {}, b2: {} }, h2: {} });
      expect(await names('h1')).toEqual(['a1', 'a2', 'b1', 'b2']);
      expect(await build({ alice: { a1: {}, a2: {} }, bob: { b1: {}, b2: {} }, h2: {} }).plan()).toEqual([]);
    });

    it('finding 5: a hand-made container the app then declares fails the apply untouched; adopt: true takes it over', async () => {
      await lab.lxcOk('h1', ['init', 'busybox', 'hand', '-p', 'base', '-c', 'user.note=by hand']);
      await lab.lxcOk('h1', ['config', 'device', 'add', 'hand', 'extra', 'disk', 'source=/tmp', 'path=/mnt']);
      const shape: Shape = { alice: { a1: {}, a2: {}, hand: {} }, bob: { b1: {}, b2: {} }, h2: {} };
      const r = await apply(shape);
      expect(r.code).not.toBe(0);
      expect(r.stdout + r.stderr).toMatch(
        /instance hand already exists on ssh 10\.131\.21\.1:22 and was made by hand: nothing was changed\. .*set adopt: true on lab\/hand/,
      );
      const hand = await lab.lxcJson('h1', '/1.0/instances/hand');
      expect(hand.config['user.note']).toBe('by hand');
      expect(hand.config['user.cdktf.owner']).toBeUndefined();
      expect(hand.devices.extra).toBeDefined();
      // Taken over on request: owned from then on, converged to the code.
      await deploy({ ...shape, alice: { ...shape.alice, hand: { adopt: true } } });
      expect(await owner('h1', 'hand')).toBe('lab');
      expect((await lab.lxcJson('h1', '/1.0/instances/hand')).devices.extra).toBeUndefined();
    });

    it('finding 3: a container whose host changes is replaced: created on the new daemon first, then pruned from the old one', async () => {
      const start: Shape = {
        alice: { a1: {}, a2: {}, hand: { adopt: true }, mover: {} },
        bob: { b1: {}, b2: {} },
        h2: {},
      };
      await deploy(start);
      await mark('h1', 'mover');
      const moved: Shape = { ...start, alice: { a1: {}, a2: {}, hand: { adopt: true } }, h2: { mover: {} } };
      // Terraform shows the replacement: it is not silent.
      expect(replaced(await build(moved).plan(), 'mover')).toBe(true);
      const r = await deploy(moved);
      const log = r.stdout + r.stderr;
      // Created on h2 (from its image: without migrateFrom the data does not move), and only then deleted on h1.
      expect(log.indexOf('pruning instance mover')).toBeGreaterThan(
        log.search(/mover_instance_converge_\w+: Creation complete/),
      );
      expect(log).toMatch(
        /instance mover \(lab\/mover\) moves from ssh:10\.131\.21\.1:22\/lxd to ssh:10\.131\.21\.2:22\/lxd/,
      );
      expect(await names('h1')).not.toContain('mover');
      expect(await names('h2')).toContain('mover');
      expect(await marker('h2', 'mover')).toBe('');
      expect(await build(moved).plan()).toEqual([]);
    });

    it('finding 3: with migrateFrom the data moves with it', async () => {
      const start: Shape = {
        alice: { a1: {}, a2: {}, hand: { adopt: true }, data1: {} },
        bob: { b1: {}, b2: {} },
        h2: { mover: {} },
      };
      await deploy(start);
      await mark('h1', 'data1');
      const moved: Shape = {
        ...start,
        alice: { a1: {}, a2: {}, hand: { adopt: true } },
        h2: { mover: {}, data1: { migrate: true } },
      };
      expect(replaced(await build(moved).plan(), 'data1')).toBe(true);
      await deploy(moved);
      expect(await names('h1')).not.toContain('data1');
      expect(await marker('h2', 'data1')).toBe('data1-data');
      expect(await owner('h2', 'data1')).toBe('lab');
      expect(await build(moved).plan()).toEqual([]);
    });

    it('finding 3: a protected container refuses to move; nothing is created or deleted', async () => {
      const start: Shape = {
        alice: { a1: {}, a2: {}, hand: { adopt: true }, keep: { protect: true } },
        bob: { b1: {}, b2: {} },
        h2: { mover: {}, data1: { migrate: true } },
      };
      await deploy(start);
      await mark('h1', 'keep');
      const r = await apply({
        ...start,
        alice: { a1: {}, a2: {}, hand: { adopt: true } },
        h2: { ...start.h2, keep: { protect: true } },
      });
      expect(r.code).not.toBe(0);
      expect(r.stdout + r.stderr).toMatch(
        /instance keep \(lab\/keep\) is protected and would move from ssh:10\.131\.21\.1:22\/lxd to ssh:10\.131\.21\.2:22\/lxd: nothing was changed/,
      );
      expect(await marker('h1', 'keep')).toBe('keep-data');
      expect(await names('h2')).not.toContain('keep');
      // Back as declared: converges without a change to it.
      await deploy(start);
      expect(await marker('h1', 'keep')).toBe('keep-data');
    });

    it('finding 6: drift labels hosts by identity and reports no false drift on a migrated container', async () => {
      const r = await cli(['drift']);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^lab: in sync on ssh 10\.131\.21\.1:22$/m);
      expect(r.stdout).toMatch(/^lab: in sync on ssh 10\.131\.21\.2:22$/m);
      expect(r.stdout).toMatch(/^lab: in sync on local$/m);
    });

    it('finding 4: a daemon that is down fails the apply and drift (exit 1), deletes nothing; the next apply prunes', async () => {
      const now: Shape = {
        alice: { a1: {}, a2: {}, hand: { adopt: true }, keep: { protect: true } },
        bob: { b1: {} },
        h2: { mover: {}, data1: { migrate: true } },
      };
      await lab.stopDaemon('h1');
      try {
        const r = await apply(now);
        expect(r.code).not.toBe(0);
        expect(r.stdout + r.stderr).toMatch(
          /cannot read ssh 10\.131\.21\.1:22 \(exit \d+\): .*(unix\.socket|connection refused|no such file)/is,
        );
        const drift = await cli(['drift']);
        expect(drift.code).toBe(1);
        expect(drift.stderr).toMatch(/cannot read ssh 10\.131\.21\.1:22/);
      } finally {
        await lab.startDaemon('h1');
      }
      expect(await names('h1')).toContain('b2');
      // The failed prune is tainted: the next apply runs it again.
      await deploy(now);
      expect(await names('h1')).not.toContain('b2');
      expect(await build(now).plan()).toEqual([]);
    });

    it('finding 6: drift --removed-hosts lists what a host removed from the app left behind', async () => {
      const without: Shape = {
        alice: { a1: {}, a2: {}, hand: { adopt: true }, keep: { protect: true } },
        bob: { b1: {} },
        h2: {},
        withH2: false,
      };
      await deploy(without);
      // Removing a host with its objects leaves them there (the README says so); drift can now see them.
      expect(await names('h2')).toEqual(['data1', 'mover']);
      const plain = await cli(['drift']);
      expect(plain.code).toBe(0);
      const r = await cli(['drift', '--removed-hosts']);
      expect(r.code).toBe(2);
      expect(r.stdout).toMatch(
        /lab: \d+ object\(s\) drifted on ssh 10\.131\.21\.2:22 \(no longer declared by the app\)/,
      );
      expect(r.stdout).toMatch(/instance data1 \(lab\/data1\): undeclared/);
      expect(r.stdout).toMatch(/instance mover \(lab\/mover\): undeclared/);
    });

    it('destroy removes what the stack owns and keeps the protected container (refused, with its data)', async () => {
      const w = build({
        alice: { a1: {}, a2: {}, hand: { adopt: true }, keep: { protect: true } },
        bob: { b1: {} },
        h2: {},
        withH2: false,
      });
      const r = await w.run(['destroy', '-auto-approve']);
      expect(r.code).not.toBe(0);
      expect(r.stdout + r.stderr).toMatch(/instance keep \(lab\/keep\) is protected: it is not deleted/);
      expect(await names('h1')).toEqual(['keep']);
      expect(await marker('h1', 'keep')).toBe('keep-data');
    });
  },
  SSH_LAB_BINARIES,
);
