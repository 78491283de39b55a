/**
 * The lifecycle as synthesized: per stack and daemon (or record store) a `before` prune (ahead of
 * every create) and an `after` prune (once the converges ran), the names each declares, the names
 * other stacks of the app declare on the same daemon, the owner id, the lab manifest written
 * beside cdk.tf.json, and what the provider rendering leaves to Terraform (removal is native there).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Testing } from '../../../constructs/core/cdk';
import { buildLab } from '../../../examples/default';
import { buildSeed003 } from '../../../examples/seed003-matchbox';
import { Bridge, Container, LabStack, LocalHost, Profile, SshHost, StoragePool } from '../../../index';
import { LabManifest, MANIFEST_FILE, UnitManifest } from '../../../src/lifecycle/manifest';
import { runFileName } from '../../../src/lifecycle/program';
import { expectProblem, Json, synthJson, validationErrorOf } from '../../helpers';

/** A resource key without its hash suffix. */
const base = (key: string) => key.replace(/_[0-9A-F]{8}$/, '');

/** The prune resources of a synthesized stack, by unit (`lifecycle/<unit>` construct path: `local-lxd`, `ssh-10-0-0-9-22-lxd`). */
function prunesOf(
  json: Json,
  type = 'terraform_data',
): Map<string, { before: string; after: string; b: Json; a: Json }> {
  const out = new Map<string, { before: string; after: string; b: Json; a: Json }>();
  for (const [key, r] of Object.entries<Json>(json.resource?.[type] ?? {})) {
    const m = /^lifecycle_(.+)_(before|after)$/.exec(base(key));
    if (!m) continue;
    const entry = out.get(m[1]) ?? ({} as { before: string; after: string; b: Json; a: Json });
    if (m[2] === 'before') Object.assign(entry, { before: `${type}.${key}`, b: r });
    else Object.assign(entry, { after: `${type}.${key}`, a: r });
    out.set(m[1], entry);
  }
  return out;
}

/** The object/converge resources of a synthesized stack, by construct prefix (`web_instance`). */
function objectsOf(json: Json, type = 'terraform_data'): Map<string, { object: string; converge: string; o: Json }> {
  const data: Record<string, Json> = json.resource?.[type] ?? {};
  const out = new Map<string, { object: string; converge: string; o: Json }>();
  for (const [key, r] of Object.entries(data)) {
    const m = /^(.+)_object$/.exec(base(key));
    if (!m) continue;
    const converge = Object.keys(data).find((k) => base(k) === `${m[1]}_converge`)!;
    out.set(m[1], { object: `${type}.${key}`, converge: `${type}.${converge}`, o: r });
  }
  return out;
}

/** Every stack of an app, synthesized to files, by name; with its lab manifest when it has one. */
function synthAll(build: (app: App) => void): Record<string, { json: Json; manifest?: LabManifest }> {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'lifecycle-'));
  const app = new App({ outdir });
  build(app);
  app.synth();
  const stacks = fs.readdirSync(path.join(outdir, 'stacks'));
  const read = (s: string, f: string) => JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', s, f), 'utf8'));
  return Object.fromEntries(
    stacks.map((s) => [
      s,
      {
        json: read(s, 'cdk.tf.json'),
        manifest: fs.existsSync(path.join(outdir, 'stacks', s, MANIFEST_FILE)) ? read(s, MANIFEST_FILE) : undefined,
      },
    ]),
  );
}
const synthApp = (build: (app: App) => void) =>
  Object.fromEntries(Object.entries(synthAll(build)).map(([k, v]) => [k, v.json]));

/** A unit of a lab manifest, by key. */
const unitOf = (m: LabManifest | undefined, key: string): UnitManifest => m!.units.find((u) => u.key === key)!;

describe('the default example', () => {
  const json = synthJson(buildLab(Testing.app()));
  const prunes = prunesOf(json);
  const objects = objectsOf(json);

  it("has one before and one after prune per daemon: the VM (its LXD objects) and the deploying machine (the VM's record)", () => {
    expect([...prunes.keys()].sort()).toEqual(['local', 'multipass-lab-vm-lxd']);
    for (const p of prunes.values()) {
      expect(p.before).toBeDefined();
      expect(p.after).toBeDefined();
      // run on create only; no destroy provisioner (removal from code is what they handle)
      expect(p.b.provisioner).toHaveLength(1);
      expect(p.a.provisioner).toHaveLength(1);
      expect(p.b.provisioner[0]['local-exec'].when).toBeUndefined();
    }
  });

  it('every object resource waits for the before prune of its daemon; after waits for before and every converge of the stack', () => {
    const befores = new Map([...prunes].map(([h, p]) => [p.before, h]));
    const byHost = new Map<string, string[]>();
    for (const [id, o] of objects) {
      const mine = (o.o.depends_on ?? []).filter((d: string) => befores.has(d));
      expect({ id, befores: mine.length }).toEqual({ id, befores: 1 });
      const host = befores.get(mine[0])!;
      byHost.set(host, [...(byHost.get(host) ?? []), o.converge]);
    }
    expect(byHost.get('local')).toEqual([objects.get('vm')!.converge]);
    expect(byHost.get('multipass-lab-vm-lxd')!.length).toBe(5);
    // Two daemons: an object may move from one to the other, so each `after` waits for all the stack's converges.
    const all = [...byHost.values()].flat();
    for (const p of prunes.values()) {
      // (and, like before, for the host to be ready)
      expect([...new Set(p.a.depends_on)].sort()).toEqual([...new Set([...p.b.depends_on, p.before, ...all])].sort());
    }
    // the VM's own prune waits for the VM: its LXD can only be read once the VM runs
    expect(prunes.get('multipass-lab-vm-lxd')!.b.depends_on).toEqual([objects.get('vm')!.converge]);
    expect(prunes.get('local')!.b.depends_on).toEqual([]);
  });

  it("declares the names of the daemon's objects, by kind, in the triggers of both phases and in the lab manifest", () => {
    const declared = {
      'multipass-lab-vm-lxd': [
        'multipass:lab-vm/lxd',
        { instance: ['db', 'web'], network: ['labbr0'], pool: ['data'], profile: ['base'] },
      ],
      local: ['local#', { record: ['multipass-vm:lab-vm'] }],
    } as const;
    const { manifest } = synthAll((app) => buildLab(app)).lab;
    for (const [id, [key, names]] of Object.entries(declared)) {
      const p = prunesOf(synthJson(buildLab(Testing.app()))).get(id)!;
      for (const [phase, r] of [
        ['before', p.b],
        ['after', p.a],
      ] as const) {
        const runFile = `"\${path.module}/${runFileName(key, phase)}"`;
        expect(r.triggers_replace).toEqual({
          lifecycle: 'cdktf-lxd-matchbox',
          owner: 'lab',
          unit: key,
          declared: names,
          elsewhere: {},
          // The run file as the plan reads it: a prune killed halfway runs again.
          run: `\${fileexists(${runFile}) ? file(${runFile}) : ""}`,
        });
        expect(r.provisioner[0]['local-exec'].environment).toEqual({ CDKTF_LAB_RUN: '${self.triggers_replace.run}' });
        expect(r.provisioner[0]['local-exec'].command).toMatch(
          new RegExp(`^node \\S*lib/src/lifecycle/program-main.js prune ${phase} '?${key}'? [0-9a-f]{16}$`),
        );
      }
      expect(unitOf(manifest, key)).toMatchObject({ declared: names, elsewhere: {} });
    }
    expect(manifest).toMatchObject({ stack: 'lab', owner: 'lab', appOwners: ['lab'] });
    expect(unitOf(manifest, 'multipass:lab-vm/lxd')).toMatchObject({
      label: 'multipass lab-vm',
      runner: 'multipass exec lab-vm -- sudo sh -s',
      daemon: { client: 'lxc', required: true },
    });
    expect(unitOf(manifest, 'local#')).toMatchObject({
      label: 'local',
      runner: 'sh -s',
      recordsDir: expect.stringContaining('/records/lab"'),
    });
    expect(unitOf(manifest, 'local#').daemon).toBeUndefined();
  });

  it('a change of settings leaves the prunes as they are (a no-change apply runs no prune); a new object re-runs them', () => {
    const other = prunesOf(synthJson(buildLab(Testing.app(), { subnet: '10.20.30' })));
    for (const [host, p] of prunes) expect(other.get(host)!.b.triggers_replace).toEqual(p.b.triggers_replace);
    const app = Testing.app();
    const stack = buildLab(app);
    new Container(stack, 'extra', { host: stack.node.findChild('vm') as never, image: 'busybox' });
    const more = prunesOf(synthJson(stack)).get('multipass-lab-vm-lxd')!;
    expect(more.b.triggers_replace.declared.instance).toEqual(['db', 'extra', 'web']);
  });
});

describe('several stacks of one app', () => {
  it('elsewhere lists what the other stacks declare on the same host, and nothing of other hosts', () => {
    const stacks = synthApp((app) => {
      const a = new LabStack(app, 'a');
      const ha = new LocalHost(a, 'host');
      const pa = new Profile(a, 'pa', { host: ha });
      new Container(a, 'a1', { host: ha, image: 'busybox', profiles: [pa] });
      const b = new LabStack(app, 'b');
      const hb = new LocalHost(b, 'host');
      new Container(b, 'b1', { host: hb, image: 'busybox' });
      new Bridge(b, 'br', { host: hb, name: 'bbr0' });
      const c = new LabStack(app, 'c');
      new Container(c, 'c1', { host: new SshHost(c, 'host', { address: '10.0.0.9' }), image: 'busybox' });
    });
    const only = (name: string, host = 'local-lxd') => prunesOf(stacks[name]).get(host)!;
    expect(only('a').b.triggers_replace).toMatchObject({
      lifecycle: 'cdktf-lxd-matchbox',
      owner: 'a',
      unit: 'local/lxd',
      declared: { instance: ['a1'], profile: ['pa'] },
      elsewhere: { instance: ['b1'], network: ['bbr0'] },
    });
    expect(only('b').b.triggers_replace).toMatchObject({
      lifecycle: 'cdktf-lxd-matchbox',
      owner: 'b',
      unit: 'local/lxd',
      declared: { instance: ['b1'], network: ['bbr0'] },
      elsewhere: { instance: ['a1'], profile: ['pa'] },
    });
    expect(only('c', 'ssh-10-0-0-9-22-lxd').b.triggers_replace).toMatchObject({
      owner: 'c',
      declared: { instance: ['c1'] },
      elsewhere: {},
    });
    // c's prune on the deploying machine (where records of its VMs would be) declares nothing, and knows a's and b's names there
    expect(only('c', 'local').b.triggers_replace).toMatchObject({
      owner: 'c',
      declared: {},
      elsewhere: { instance: ['a1', 'b1'], network: ['bbr0'], profile: ['pa'] },
    });
    expect(only('a').a.triggers_replace.elsewhere).toEqual({ instance: ['b1'], network: ['bbr0'] });
  });
});

describe('ownerId', () => {
  it("two stacks of the app sharing an ownerId on a host keep each other's objects (each lists the other's names as elsewhere)", () => {
    const stacks = synthApp((app) => {
      for (const id of ['a', 'b']) {
        const s = new LabStack(app, id, { ownerId: 'shared' });
        new Container(s, `${id}1`, { host: new LocalHost(s, 'host'), image: 'busybox' });
      }
    });
    const before = (name: string) => prunesOf(stacks[name]).get('local-lxd')!.b;
    expect(before('a').triggers_replace).toMatchObject({
      owner: 'shared',
      declared: { instance: ['a1'] },
      elsewhere: { instance: ['b1'] },
    });
    expect(before('b').triggers_replace).toMatchObject({
      owner: 'shared',
      declared: { instance: ['b1'] },
      elsewhere: { instance: ['a1'] },
    });
  });

  it('names the owner on every object, in the prunes and in the record folder', () => {
    const stack = new LabStack(Testing.app(), 'lab', { ownerId: 'team-a.lab_1' });
    const host = new LocalHost(stack, 'host');
    new StoragePool(stack, 'data', { host, driver: 'dir' });
    const json = synthJson(stack);
    const p = [...prunesOf(json).values()][0];
    expect(p.b.triggers_replace.owner).toBe('team-a.lab_1');
    const { manifest } = synthAll((app) => {
      const s2 = new LabStack(app, 'lab', { ownerId: 'team-a.lab_1' });
      new StoragePool(s2, 'data', { host: new LocalHost(s2, 'host'), driver: 'dir' });
    }).lab;
    expect(manifest).toMatchObject({ owner: 'team-a.lab_1' });
    expect(unitOf(manifest, 'local/lxd').recordsDir).toContain('/records/team-a.lab_1"');
    const converge = Object.entries<Json>(json.resource.terraform_data).find(([k]) =>
      k.startsWith('data_pool_converge'),
    )![1];
    expect(converge.triggers_replace.settings.config).toMatchObject({
      'user.cdktf.owner': 'team-a.lab_1',
      'user.cdktf.path': 'lab/data',
    });
  });

  it.each([
    ['with a space', 'team a'],
    ['with a slash', 'a/b'],
    ['empty', ''],
    ['starting with a dot', '.lab'],
    ['too long', 'x'.repeat(64)],
    ['with a quote', "it's"],
  ])('%s is refused before anything is written, naming path, property, value and a fix', (_label, ownerId) => {
    const err = validationErrorOf(
      () => new LabStack(new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'lifecycle-')) }), 'lab', { ownerId }),
    );
    expectProblem(err, { path: 'lab', property: 'ownerId', value: ownerId, reason: /owner id/, fix: /stack id/ });
  });

  it('a stack id that cannot be an owner id needs an explicit ownerId', () => {
    const err = validationErrorOf(() => new LabStack(Testing.app(), 'lab+1'));
    expectProblem(err, { path: 'lab+1', property: 'ownerId', value: 'lab+1' });
    expect(() => new LabStack(Testing.app(), 'lab+1', { ownerId: 'lab-1' })).not.toThrow();
  });
});

describe('provider rendering', () => {
  const lab = (app: App) => {
    const stack = new LabStack(app, 'prov', { rendering: 'provider' });
    const host = new SshHost(stack, 'host', {
      address: '10.0.0.5',
      lxdRemote: { address: 'https://10.0.0.5:8443', trustToken: 'token' },
    });
    const pool = new StoragePool(stack, 'data', { host, driver: 'dir' });
    const bridge = new Bridge(stack, 'labbr0', { host, ipv4Address: '10.10.10.1/24' });
    const prof = new Profile(stack, 'base', { host, rootPool: pool, network: bridge });
    new Container(stack, 'web', { host, image: 'ubuntu:22.04', profiles: [prof] });
    return stack;
  };

  it('emits no prune for natively rendered objects: Terraform removes them itself', () => {
    const json = synthApp(lab).prov;
    expect(prunesOf(json).size).toBe(0);
    expect(Object.keys(json.resource).sort()).toEqual([
      'lxd_instance',
      'lxd_network',
      'lxd_profile',
      'lxd_storage_pool',
    ]);
    // and carries no ownership labels (nothing prunes them)
    expect(JSON.stringify(json)).not.toContain('user.cdktf.');
  });

  it('objects that fall back to the cli rendering (the default profile) still get their prune, declaring only them', () => {
    const json = synthApp((app) => {
      const stack = lab(app);
      new Profile(stack, 'default', { host: stack.node.findChild('host') as SshHost, config: { 'limits.cpu': '1' } });
    }).prov;
    const prunes = prunesOf(json);
    expect([...prunes.keys()]).toEqual(['ssh-10-0-0-5-22-lxd']);
    const p = prunes.get('ssh-10-0-0-5-22-lxd')!;
    expect(p.b.triggers_replace.declared).toEqual({ profile: ['default'] });
    const objects = objectsOf(json);
    expect([...objects.keys()]).toEqual(['default_profile']);
    expect(objects.get('default_profile')!.o.depends_on).toContain(p.before);
    expect(p.a.depends_on).toEqual([p.before, objects.get('default_profile')!.converge]);
  });

  it("seed 003: the Matchbox server's parts (cli) have their prune; the profiles and groups (native) have none", () => {
    const stacks = synthApp((app) => buildSeed003(app, { rendering: 'provider' }));
    expect(prunesOf(stacks['seed003-data']).size).toBe(0);
    expect(Object.keys(stacks['seed003-data'].resource).sort()).toEqual(['matchbox_group', 'matchbox_profile']);
    const host = 'ssh-192-0-2-10-22-lxd';
    const server = prunesOf(stacks.seed003);
    expect([...server.keys()].sort()).toEqual(['local', host]);
    expect(server.get('local')!.b.triggers_replace.declared).toEqual({});
    expect(
      server
        .get(host)!
        .b.triggers_replace.declared.record.map((r: string) => r.split(':')[0])
        .sort(),
    ).toEqual(['matchbox-assets', 'matchbox-dnsmasq', 'matchbox-matchbox', 'matchbox-nat']);
    // the cli rendering of the same seed prunes its profile and group files too
    const cli = prunesOf(synthApp((app) => buildSeed003(app)).seed003).get(host)!;
    expect(cli.b.triggers_replace.declared.record).toEqual(
      expect.arrayContaining([
        'matchbox-group:/var/lib/matchbox/default',
        'matchbox-group:/var/lib/matchbox/node1',
        'matchbox-profile:/var/lib/matchbox/coreos-install',
        'matchbox-profile:/var/lib/matchbox/simple',
      ]),
    );
  });
});
