/**
 * The code is the truth, against a real LXD daemon with real terraform: objects removed from the
 * app are deleted, a rename keeps its static address in one apply, a container moves between
 * stacks, protected and foreign objects are never pruned, in-use objects stop the prune, and the
 * drift command reports out-of-band changes that `repair` fixes without a sticky diff.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from '../../constructs/core/cdk';
import { Bridge, Container, LabStack, LocalHost, Profile, StoragePool } from '../../index';
import { importBusybox } from './support/busybox-image';
import { buildLib, labCli } from './support/lab-cli';
import { cleanupAll, LxdDaemon, startLxd } from './support/lxd-daemon';
import { describeE2E } from './support/prereqs';
import { TerraformWorkdir } from './support/terraform';

const NET = '10.125.47';
const SIDE = '10.125.48';

/** What the app declares; each step changes some of it. */
interface Shape {
  /** Containers of stack `lab`: name -> last octet. */
  lab: Record<string, number>;
  /** Containers of stack `other`. */
  other: Record<string, number>;
  /** Protected containers of `lab` (name -> octet); `protect: false` when listed in `released`. */
  keep: Record<string, number>;
  released?: boolean;
  /** Declare the `side` profile and `sidebr` bridge. */
  side: boolean;
}

describeE2E('lifecycle: prune, drift and repair on a real LXD daemon', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lifecycle-e2e-'));
  const out = path.join(tmp, 'out');
  let d: LxdDaemon;
  let env: NodeJS.ProcessEnv;

  const build = (s: Shape) => {
    const app = new App({ outdir: out });
    const lab = new LabStack(app, 'lab', { localStatePath: path.join(tmp, 'lab.tfstate') });
    const host = new LocalHost(lab, 'host');
    const pool = new StoragePool(lab, 'data', { host, driver: 'dir' });
    const bridge = new Bridge(lab, 'labbr', { host, ipv4Address: `${NET}.1/24`, ipv6Address: 'none' });
    const base = new Profile(lab, 'base', { host, rootPool: pool, network: bridge });
    const add = (stack: LabStack, h: LocalHost, name: string, octet: number, protect?: boolean) => {
      const here = stack === lab;
      new Container(stack, name, {
        host: h,
        image: 'busybox',
        limits: { cpu: 1 },
        protect,
        profiles: [here ? base : Profile.fromName(stack, `${name}-base`, h, 'base')],
        nics: [
          {
            bridge: here ? bridge : Bridge.fromName(stack, `${name}-br`, h, 'labbr', `${NET}.1/24`),
            ipv4Address: `${NET}.${octet}`,
          },
        ],
      });
    };
    for (const [name, octet] of Object.entries(s.lab)) add(lab, host, name, octet);
    for (const [name, octet] of Object.entries(s.keep)) add(lab, host, name, octet, !s.released);
    if (s.side) {
      const sidebr = new Bridge(lab, 'sidebr', { host, ipv4Address: `${SIDE}.1/24`, ipv6Address: 'none' });
      new Profile(lab, 'side', { host, rootPool: pool, network: sidebr });
    }
    const other = new LabStack(app, 'other', { localStatePath: path.join(tmp, 'other.tfstate') });
    const otherHost = new LocalHost(other, 'host');
    for (const [name, octet] of Object.entries(s.other)) add(other, otherHost, name, octet);
    app.synth();
    return {
      lab: new TerraformWorkdir(path.join(out, 'stacks', 'lab'), env),
      other: new TerraformWorkdir(path.join(out, 'stacks', 'other'), env),
    };
  };
  let shape: Shape;
  const deploy = async (s: Shape, order: ('lab' | 'other')[] = ['lab', 'other']) => {
    shape = s;
    const w = build(s);
    for (const id of order) {
      if (!fs.existsSync(path.join(w[id].dir, '.terraform'))) await w[id].ok(['init']);
      await w[id].ok(['apply', '-auto-approve']);
    }
    return w;
  };
  const instances = async () =>
    Object.fromEntries(
      ((await d.lxcJson('/1.0/instances?recursion=1')) as any[]).map((i) => [
        i.name,
        {
          owner: i.config['user.cdktf.owner'],
          ip: i.expanded_devices?.eth0?.['ipv4.address'] ?? i.devices?.eth0?.['ipv4.address'],
        },
      ]),
    );
  const exists = async (p: string) => (await d.lxc(['query', p])).code === 0;
  const cli = (args: string[]) => labCli(args, out, env);
  const cleanPlans = async (w: { lab: TerraformWorkdir; other: TerraformWorkdir }) => {
    expect(await w.lab.plan()).toEqual([]);
    expect(await w.other.plan()).toEqual([]);
  };

  beforeAll(async () => {
    d = await startLxd({ name: 'lifecyc' });
    await importBusybox(d);
    env = { ...d.env, XDG_STATE_HOME: path.join(tmp, 'state') };
    buildLib();
  }, 400000);
  afterAll(async () => {
    await cleanupAll();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  const start: Shape = { lab: { web: 10, db: 11, tmp: 12 }, other: { o1: 20 }, keep: { keep: 13 }, side: true };

  it('deploys two stacks; every object names its owner; plain plans are clean', async () => {
    const w = await deploy(start);
    expect(await instances()).toMatchObject({
      web: { owner: 'lab', ip: `${NET}.10` },
      db: { owner: 'lab' },
      tmp: { owner: 'lab' },
      keep: { owner: 'lab' },
      o1: { owner: 'other' },
    });
    expect((await d.lxcJson('/1.0/profiles/base')).config['user.cdktf.owner']).toBe('lab');
    expect((await d.lxcJson('/1.0/networks/labbr')).config['user.cdktf.path']).toBe('lab/labbr');
    // Objects made by hand: one on the lab's side profile, one plain.
    await d.lxcOk(['init', 'busybox', 'hand', '-p', 'side']);
    await d.lxcOk(['init', 'busybox', 'hand2', '-p', 'base', '-d', `eth0,ipv4.address=${NET}.99`]);
    await cleanPlans(w);
  });

  it('a container removed from the code is deleted by the next apply, and the next plan is clean', async () => {
    const w = await deploy({ ...start, lab: { web: 10, db: 11 } });
    const now = await instances();
    expect(now.tmp).toBeUndefined();
    expect(Object.keys(now).sort()).toEqual(['db', 'hand', 'hand2', 'keep', 'o1', 'web']);
    await cleanPlans(w);
  });

  it('a renamed container keeps its static address in one apply', async () => {
    const w = await deploy({ ...start, lab: { web: 10, db2: 11 } });
    const now = await instances();
    expect(now.db).toBeUndefined();
    expect(now.db2).toEqual({ owner: 'lab', ip: `${NET}.11` });
    await cleanPlans(w);
  });

  it('a container moved to another stack keeps its data and changes owner', async () => {
    await d.lxcOk(['exec', 'web', '--', 'sh', '-c', 'echo kept > /kept']);
    const w = await deploy({ ...start, lab: { db2: 11 }, other: { o1: 20, web: 10 } });
    expect((await instances()).web).toEqual({ owner: 'other', ip: `${NET}.10` });
    expect((await d.lxcOk(['exec', 'web', '--', 'cat', '/kept'])).trim()).toBe('kept');
    await cleanPlans(w);
  });

  it('a protected container removed from the code fails the apply with a clear message; nothing is deleted', async () => {
    const s: Shape = { ...shape, keep: {} };
    const w = build(s);
    const r = await w.lab.run(['apply', '-auto-approve']);
    expect(r.code).not.toBe(0);
    expect(r.stderr + r.stdout).toMatch(
      /instance keep \(declared at lab\/keep\) is no longer declared but is protected/,
    );
    expect(r.stderr + r.stdout).toMatch(/protect: false/);
    expect(Object.keys(await instances()).sort()).toEqual(['db2', 'hand', 'hand2', 'keep', 'o1', 'web']);
    // Released (protect: false, deployed), then removed: gone.
    await deploy({ ...shape, released: true });
    await deploy({ ...shape, keep: {} });
    expect((await instances()).keep).toBeUndefined();
  });

  it('a profile and a bridge still used by a hand-made container stop the prune; nothing is lost', async () => {
    const w = build({ ...shape, side: false });
    const r = await w.lab.run(['apply', '-auto-approve']);
    expect(r.code).not.toBe(0);
    expect(r.stderr + r.stdout).toMatch(
      /profile side \(declared at lab\/side\) is no longer declared but is still used by instance\/hand/,
    );
    expect(await exists('/1.0/profiles/side')).toBe(true);
    expect(await exists('/1.0/networks/sidebr')).toBe(true);
    expect(await exists('/1.0/instances/hand')).toBe(true);
    // Declared again: the apply succeeds and the next plan is clean.
    const again = await deploy({ ...shape, side: true });
    await cleanPlans(again);
  });

  it('hand-made containers and those of another stack survived every prune', async () => {
    expect(Object.keys(await instances()).sort()).toEqual(['db2', 'hand', 'hand2', 'o1', 'web']);
  });

  it('drift lists three kinds of out-of-band change (exit 2); repair fixes them and plain plans stay clean', async () => {
    expect(cli(['drift'])).toMatchObject({ status: 0 });
    await d.lxcOk(['delete', '--force', 'db2']);
    await d.lxcOk(['config', 'set', 'o1', 'limits.cpu', '2']);
    await d.lxcOk(['config', 'device', 'add', 'web', 'extra', 'disk', 'source=/tmp', 'path=/mnt']);
    await d.lxcOk(['profile', 'set', 'base', 'user.note', 'by hand']);

    const text = cli(['drift']);
    expect(text.status).toBe(2);
    expect(text.stdout).toMatch(/instance db2 \(lab\/db2\): missing/);
    expect(text.stdout).toMatch(/instance o1 \(other\/o1\): changed\n\s+- config limits.cpu is "2", declared "1"/);
    expect(text.stdout).toMatch(/instance web \(other\/web\): changed\n\s+- extra device extra/);
    expect(text.stdout).toMatch(/profile base \(lab\/base\): changed\n\s+- extra config user.note/);
    const json = cli(['drift', '--json']);
    expect(json.status).toBe(2);
    const report = JSON.parse(json.stdout);
    expect(report.inSync).toBe(false);
    const drifted = report.hosts
      .flatMap((h: any) => h.drift.map((x: any) => `${h.stack}:${x.kind}:${x.name}:${x.status}`))
      .sort();
    expect(drifted).toEqual([
      'lab:instance:db2:missing',
      'lab:profile:base:changed',
      'other:instance:o1:changed',
      'other:instance:web:changed',
    ]);
    // Drift changes nothing.
    expect(await exists('/1.0/instances/db2')).toBe(false);

    const fixed = cli(['repair', '--auto-approve']);
    expect(fixed.status).toBe(0);
    expect(fixed.stdout).toMatch(/re-converging .*-replace|re-converging/);
    expect(fixed.stderr).not.toMatch(/Error/);
    expect(cli(['drift'])).toMatchObject({ status: 0 });
    expect((await instances()).db2).toEqual({ owner: 'lab', ip: `${NET}.11` });
    expect((await d.lxcJson('/1.0/instances/o1')).config['limits.cpu']).toBe('1');
    expect((await d.lxcJson('/1.0/instances/web')).devices.extra).toBeUndefined();
    await cleanPlans(build(shape));
  });

  it('an owned object no longer declared is drift; repair prunes it', async () => {
    // Removed from the code but not applied yet: the synthesized app no longer declares o1.
    build({ ...shape, other: { web: 10 } });
    const r = cli(['drift', 'other']);
    expect(r.status).toBe(2);
    expect(r.stdout).toMatch(/instance o1 \(other\/o1\): undeclared\n\s+- owned by other but no longer declared/);
    expect(cli(['repair', 'other', '--auto-approve']).status).toBe(0);
    expect(await exists('/1.0/instances/o1')).toBe(false);
  });

  it('destroy removes what the stacks own, twice, and leaves hand-made objects', async () => {
    const w = build({ ...shape, other: { web: 10 } });
    // The hand-made containers use the lab's profiles: they go first, by hand.
    await d.lxcOk(['delete', '--force', 'hand', 'hand2']);
    await w.other.ok(['destroy', '-auto-approve']);
    await w.lab.ok(['destroy', '-auto-approve']);
    expect(await instances()).toEqual({});
    expect(await exists('/1.0/profiles/base')).toBe(false);
    expect(await exists('/1.0/networks/labbr')).toBe(false);
    expect(await w.lab.ok(['destroy', '-auto-approve'])).toMatch(/Resources: 0 destroyed/);
    expect(await w.other.ok(['destroy', '-auto-approve'])).toMatch(/Resources: 0 destroyed/);
  });
});
