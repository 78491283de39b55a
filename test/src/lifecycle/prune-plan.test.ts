/**
 * The pure side of prune: reading a host's inventory (the output of readScript) and planning
 * which owned objects to delete, in which order, or why nothing may be deleted. The delete
 * scripts, and the prune step Terraform runs (src/lifecycle/program-main), are run under /bin/sh
 * against a fake `lxc` that records its argv.
 */
import * as fs from 'fs';
import * as path from 'path';
import { LifecycleKind, parseInventory, planPrune, PruneManifest } from '../../../src/lifecycle/prune-plan';
import { OWNERSHIP_KEYS, recordFileName, recordsDir } from '../../../src/lifecycle/scripts';
import { declarationsHash, LabManifest, MANIFEST_FILE, UnitManifest } from '../../../src/lifecycle/manifest';
import { main } from '../../../src/lifecycle/program-main';
import { runFileName } from '../../../src/lifecycle/program';
import { runnerCommand } from '../../../src/hosts/runner';
import { Call, Json, Sandbox, tmpDir } from '../../helpers';

type Names = Partial<Record<LifecycleKind, string[]>>;

/** The ownership keys of an object of stack `owner` declared at `p`. */
const owned = (p: string, o: { owner?: string; protect?: boolean } = {}): Record<string, string> => ({
  'user.cdktf.owner': o.owner ?? 'lab',
  'user.cdktf.path': p,
  ...(o.protect ? { 'user.cdktf.protect': 'true' } : {}),
});
const instance = (name: string, config: Record<string, string> = {}): Json => ({
  name,
  config: { 'volatile.uuid': 'u', ...config },
  devices: {},
  profiles: ['default'],
  status: 'Running',
  type: 'container',
});
const profile = (name: string, config: Record<string, string> = {}, usedBy: string[] = []): Json => ({
  name,
  config,
  devices: {},
  description: '',
  used_by: usedBy,
});
const network = (name: string, config: Record<string, string> = {}, usedBy: string[] = [], managed = true): Json => ({
  name,
  config,
  managed,
  type: managed ? 'bridge' : 'physical',
  used_by: usedBy,
});
const pool = (name: string, config: Record<string, string> = {}, usedBy: string[] = []): Json => ({
  name,
  driver: 'dir',
  config: { source: `/srv/${name}`, ...config },
  used_by: usedBy,
});
const image = (fingerprint: string, properties: Record<string, string> = {}, aliases: string[] = []): Json => ({
  fingerprint,
  properties: { os: 'busybox', ...properties },
  aliases: aliases.map((a) => ({ name: a, description: '' })),
});
/** A record file as recordWrite leaves it on the host. */
const record = (
  kind: string,
  name: string,
  o: { owner?: string; protect?: boolean; order?: number; destroy?: string; path?: string } = {},
): Json => ({
  kind,
  name,
  owner: o.owner ?? 'lab',
  path: o.path ?? `lab/${kind}`,
  protect: o.protect ?? false,
  order: o.order ?? 0,
  destroy: o.destroy ?? '{\nset -euf\n:\n}\n',
  fileName: recordFileName(kind, name),
});

/** What the read script prints: `lxc query` JSON per collection (as lxc indents it), the records, the end marker. */
function inventoryText(
  s: { instances?: Json[]; profiles?: Json[]; networks?: Json[]; pools?: Json[]; images?: Json[]; records?: Json[] },
  end = true,
): string {
  const lxd = s.instances || s.profiles || s.networks || s.pools || s.images;
  const out: string[] = [];
  if (lxd) {
    for (const [section, list] of [
      ['instances', s.instances],
      ['profiles', s.profiles],
      ['networks', s.networks],
      ['storage-pools', s.pools],
      ['images', s.images],
    ] as const) {
      out.push(`@@cdktf-lab ${section}`, JSON.stringify(list ?? [], null, '\t'));
    }
  }
  for (const r of s.records ?? []) out.push('@@cdktf-lab record', JSON.stringify(r), '');
  if (end) out.push('@@cdktf-lab end');
  return `${out.join('\n')}\n`;
}

const manifest = (
  phase: 'before' | 'after',
  declared: Names = {},
  elsewhere: Names = {},
  client = 'lxc',
): PruneManifest => ({
  owner: 'lab',
  phase,
  client,
  keys: OWNERSHIP_KEYS,
  recordsDir: recordsDir('lab'),
  declared,
  elsewhere,
});
const plan = (text: string, phase: 'before' | 'after' = 'before', declared: Names = {}, elsewhere: Names = {}) =>
  planPrune(parseInventory(text, OWNERSHIP_KEYS), manifest(phase, declared, elsewhere));

describe('parseInventory', () => {
  const text = inventoryText({
    instances: [instance('web', owned('lab/web')), instance('hand')],
    profiles: [
      profile('default', {}, ['/1.0/instances/web', '/1.0/instances/hand?project=default']),
      profile('base', owned('lab/base', { protect: true }), ['/1.0/instances/web']),
    ],
    networks: [
      network('labbr0', owned('lab/labbr0'), ['/1.0/instances/web', '/1.0/profiles/base']),
      network('lo', {}, [], false),
      network('eth0', owned('lab/eth0'), [], false),
    ],
    pools: [
      pool('data', owned('lab/data'), [
        '/1.0/instances/web',
        '/1.0/instances/web/snapshots/snap0',
        '/1.0/profiles/base',
        '/1.0/storage-pools/data/volumes/custom/backup',
        '/1.0/storage-pools/data/volumes/container/old',
        '/1.0/storage-pools/data/volumes/image/abc123',
        '/1.0/instances/a%20b',
      ]),
    ],
    images: [image('abc123', owned('lab/alpine'), ['alpine', 'a2'])],
    records: [
      record('multipass-vm', 'lab-vm', { order: 10, path: 'lab/vm' }),
      record('matchbox-group', '/var/lib/matchbox/node1', { owner: 'other' }),
    ],
  });
  const inv = parseInventory(text, OWNERSHIP_KEYS);
  const byName = (kind: LifecycleKind, name: string) => inv.objects.find((o) => o.kind === kind && o.name === name)!;

  it('reads each section into objects of its kind, with owner, path, protect and aliases', () => {
    expect(inv.lxd).toBe(true);
    expect(inv.objects.map((o) => `${o.kind} ${o.name}`)).toEqual([
      'instance web',
      'instance hand',
      'profile default',
      'profile base',
      'network labbr0',
      'pool data',
      'image abc123',
      'record multipass-vm:lab-vm',
      'record matchbox-group:/var/lib/matchbox/node1',
    ]);
    expect(byName('instance', 'web')).toMatchObject({ owner: 'lab', path: 'lab/web', protect: false, aliases: [] });
    expect(byName('instance', 'hand')).toMatchObject({ owner: undefined, path: undefined, protect: false });
    expect(byName('profile', 'base')).toMatchObject({ owner: 'lab', protect: true });
    // images carry ownership in their properties, and answer to their aliases
    expect(byName('image', 'abc123')).toMatchObject({ owner: 'lab', path: 'lab/alpine', aliases: ['alpine', 'a2'] });
    expect(byName('record', 'multipass-vm:lab-vm')).toMatchObject({
      owner: 'lab',
      path: 'lab/vm',
      protect: false,
      usedBy: [],
    });
    expect(byName('record', 'multipass-vm:lab-vm').raw.order).toBe(10);
    expect(byName('record', 'matchbox-group:/var/lib/matchbox/node1').owner).toBe('other');
  });

  it('skips networks LXD does not manage (lo, host interfaces), even when they carry our keys', () => {
    expect(inv.objects.filter((o) => o.kind === 'network').map((o) => o.name)).toEqual(['labbr0']);
  });

  it('maps used_by URLs to kind/name: query strings dropped, names decoded, snapshots and instance volumes to their instance', () => {
    expect(byName('profile', 'default').usedBy).toEqual(['instance/web', 'instance/hand']);
    expect(byName('network', 'labbr0').usedBy).toEqual(['instance/web', 'profile/base']);
    expect(byName('pool', 'data').usedBy).toEqual([
      'instance/web',
      'instance/web',
      'profile/base',
      'volume/custom/backup',
      'instance/old',
      'image/abc123',
      'instance/a b',
    ]);
  });

  it('without LXD on the host only records are read', () => {
    const only = parseInventory(inventoryText({ records: [record('multipass-vm', 'lab-vm')] }), OWNERSHIP_KEYS);
    expect(only).toMatchObject({ lxd: false, objects: [{ kind: 'record', name: 'multipass-vm:lab-vm' }] });
    expect(parseInventory('@@cdktf-lab end\n', OWNERSHIP_KEYS)).toEqual({ lxd: false, objects: [] });
  });

  it('throws when the end marker is missing (a read cut short deletes nothing)', () => {
    expect(() =>
      parseInventory(inventoryText({ instances: [instance('web', owned('lab/web'))] }, false), OWNERSHIP_KEYS),
    ).toThrow(/ended early \(no end marker\): nothing is pruned/);
    expect(() => parseInventory('', OWNERSHIP_KEYS)).toThrow(/no end marker/);
  });

  it('throws on an instance a cluster member did not answer for (listed with status Error and no config): never read as "not ours"', () => {
    // What LXD lists for an instance on a member that is down.
    const unavailable = {
      name: 'ram5',
      status: 'Error',
      status_code: 400,
      location: 'c2',
      config: null,
      devices: null,
      type: 'container',
    };
    expect(() =>
      parseInventory(inventoryText({ instances: [instance('web', owned('lab/web')), unavailable] }), OWNERSHIP_KEYS),
    ).toThrow(/incomplete: instance ram5 on cluster member c2 did not answer .*: nothing is pruned/);
    // An instance in error that LXD did read (its config is there) is an ordinary object.
    const broken = { ...instance('old', owned('lab/old')), status: 'Error' };
    expect(parseInventory(inventoryText({ instances: [broken] }), OWNERSHIP_KEYS).objects[0]).toMatchObject({
      name: 'old',
      owner: 'lab',
    });
  });
});

describe('planPrune', () => {
  it("deletes only the owner's objects that no stack declares: not declared ones, not another owner's, not hand-made ones", () => {
    const p = plan(
      inventoryText({
        instances: [
          instance('web', owned('lab/web')),
          instance('old', owned('lab/old')),
          instance('foreign', owned('other/x', { owner: 'other' })),
          instance('hand'),
        ],
        profiles: [profile('default'), profile('oldprof', owned('lab/oldprof'))],
        records: [
          record('multipass-vm', 'gone-vm', { path: 'lab/vm' }),
          record('multipass-vm', 'lab-vm'),
          record('multipass-vm', 'theirs', { owner: 'other' }),
        ],
      }),
      'before',
      { instance: ['web'], record: ['multipass-vm:lab-vm'] },
    );
    expect(p.errors).toEqual([]);
    expect(p.deferred).toEqual([]);
    expect(p.deleted).toEqual(['instance old', 'record multipass-vm:gone-vm', 'profile oldprof']);
    expect(p.script).toContain('lxc delete --force old\n');
    expect(p.script).not.toMatch(/web|foreign|hand|theirs|default/);
  });

  it('keeps names another stack of the app declares on the host (the object may be moving there)', () => {
    const p = plan(
      inventoryText({
        instances: [instance('moving', owned('lab/moving')), instance('old', owned('lab/old'))],
        images: [image('fp1', owned('lab/alpine'), ['alpine']), image('fp2', owned('lab/deb'), ['debian'])],
      }),
      'before',
      { image: ['alpine'] },
      { instance: ['moving'], image: ['debian'] },
    );
    // an image is known by any of its aliases
    expect(p.deleted).toEqual(['instance old']);
  });

  it('nothing to delete: an empty script', () => {
    expect(
      plan(inventoryText({ instances: [instance('web', owned('lab/web'))] }), 'after', { instance: ['web'] }),
    ).toEqual({ errors: [], deferred: [], deleted: [], script: '' });
  });

  it('a protected object stops the prune: an error naming it and how to release it, nothing deleted', () => {
    const p = plan(
      inventoryText({
        instances: [instance('db', owned('lab/db', { protect: true })), instance('old', owned('lab/old'))],
        profiles: [profile('keep', owned('lab/keep', { protect: true }))],
        networks: [network('br9', owned('lab/br9', { protect: true }))],
        pools: [pool('vault', owned('lab/vault', { protect: true }))],
        images: [image('fp', owned('lab/img', { protect: true }), ['alpine'])],
        records: [record('multipass-vm', 'vm1', { protect: true, path: 'lab/vm1' })],
      }),
    );
    expect(p.deleted).toEqual([]);
    expect(p.script).toBe('');
    const release = (what: string, command?: string) =>
      `${what} is no longer declared but is protected, so it is not deleted. To delete it, release it ` +
      `(declare it again with protect: false and deploy${command ? `, or: ${command}` : ''}), then deploy without it.`;
    expect(p.errors).toEqual([
      release('instance db (declared at lab/db)', 'lxc config unset db user.cdktf.protect'),
      release('profile keep (declared at lab/keep)', 'lxc profile unset keep user.cdktf.protect'),
      release('network br9 (declared at lab/br9)', 'lxc network unset br9 user.cdktf.protect'),
      release('pool vault (declared at lab/vault)', 'lxc storage unset vault user.cdktf.protect'),
      release('image alpine (declared at lab/img)', 'lxc image unset-property fp user.cdktf.protect'),
      release('record multipass-vm:vm1 (declared at lab/vm1)'),
    ]);
  });

  it("the release command names the backend's client", () => {
    const inv = parseInventory(
      inventoryText({ instances: [instance('db', owned('lab/db', { protect: true }))] }),
      OWNERSHIP_KEYS,
    );
    expect(planPrune(inv, manifest('before', {}, {}, 'incus')).errors[0]).toContain(
      'or: incus config unset db user.cdktf.protect)',
    );
  });

  it('an object still used by an object the stack does not manage stops the prune, nothing deleted', () => {
    const p = plan(
      inventoryText({
        instances: [instance('old', owned('lab/old')), instance('hand')],
        profiles: [profile('oldprof', owned('lab/oldprof'), ['/1.0/instances/hand'])],
        pools: [pool('olddata', owned('lab/olddata'), ['/1.0/storage-pools/olddata/volumes/custom/backup'])],
      }),
      'before',
      {},
    );
    expect(p.deleted).toEqual([]);
    expect(p.script).toBe('');
    expect(p.errors).toEqual([
      'profile oldprof (declared at lab/oldprof) is no longer declared but is still used by instance/hand, which this stack does not manage. ' +
        'Nothing is deleted. Detach it from those objects (or declare it again), then deploy.',
      'pool olddata (declared at lab/olddata) is no longer declared but is still used by volume/custom/backup, which this stack does not manage. ' +
        'Nothing is deleted. Detach it from those objects (or declare it again), then deploy.',
    ]);
  });

  it('used only by objects this stack declares: deferred before the converges, an error after them', () => {
    const text = inventoryText({
      instances: [instance('web', owned('lab/web')), instance('old', owned('lab/old'))],
      profiles: [profile('oldprof', owned('lab/oldprof'), ['/1.0/instances/web'])],
      networks: [network('oldbr', owned('lab/oldbr'), ['/1.0/instances/web', '/1.0/profiles/oldprof'])],
    });
    const declared = { instance: ['web'] };
    const before = plan(text, 'before', declared);
    expect(before).toMatchObject({
      errors: [],
      deferred: ['profile oldprof', 'network oldbr'],
      deleted: ['instance old'],
    });
    expect(before.script).not.toMatch(/oldprof|oldbr/);
    const after = plan(text, 'after', declared);
    expect(after.deleted).toEqual([]);
    expect(after.errors).toEqual([
      expect.stringMatching(
        /^profile oldprof .* still used by instance\/web, which still use it after the apply\. Nothing is deleted\./,
      ),
      expect.stringMatching(
        /^network oldbr .* still used by instance\/web, which still use it after the apply\. Nothing is deleted\./,
      ),
    ]);
    // once the converges moved web off them, the after phase deletes them
    const moved = inventoryText({
      instances: [instance('web', owned('lab/web'))],
      profiles: [profile('oldprof', owned('lab/oldprof'))],
      networks: [network('oldbr', owned('lab/oldbr'), ['/1.0/profiles/oldprof'])],
    });
    expect(plan(moved, 'after', declared).deleted).toEqual(['profile oldprof', 'network oldbr']);
  });

  it('an object used only by objects pruned with it (and their snapshots and images) is deleted with them', () => {
    const p = plan(
      inventoryText({
        instances: [instance('old', owned('lab/old'))],
        profiles: [profile('oldprof', owned('lab/oldprof'), ['/1.0/instances/old'])],
        pools: [
          pool('olddata', owned('lab/olddata'), [
            '/1.0/instances/old',
            '/1.0/instances/old/snapshots/snap0',
            '/1.0/profiles/oldprof',
            '/1.0/images/abc',
          ]),
        ],
      }),
    );
    expect(p).toMatchObject({ errors: [], deleted: ['instance old', 'profile oldprof', 'pool olddata'] });
  });

  it('deletes in dependency order: instances, records (by their order), profiles, networks, pools, images', () => {
    const p = plan(
      inventoryText({
        images: [image('fp', owned('lab/img'), ['alpine'])],
        pools: [pool('s', owned('lab/s'))],
        networks: [network('n', owned('lab/n'))],
        profiles: [profile('p', owned('lab/p'))],
        instances: [instance('c', owned('lab/c'))],
        records: [
          record('multipass-vm', 'vm', { order: 10 }),
          record('matchbox-group', 'g'),
          record('matchbox-tls', 't', { order: 6 }),
        ],
      }),
    );
    expect(p.deleted).toEqual([
      'instance c',
      'record matchbox-group:g',
      'record matchbox-tls:t',
      'record multipass-vm:vm',
      'profile p',
      'network n',
      'pool s',
      'image fp',
    ]);
  });
});

describe('delete scripts under /bin/sh', () => {
  const sandbox = new Sandbox();
  const recordsDir = path.join(sandbox.dir, '.local/state/cdktf-lxd-matchbox/records/lab');
  afterEach(() => expect(sandbox.canaries()).toEqual([]));
  /** Runs a plan's script on a local host against the fake lxc; returns the lxc calls. */
  const runPlan = (script: string): Call[] => {
    const r = sandbox.run({ kind: 'local', sudo: false }, script);
    expect(r.status).toBe(0);
    return sandbox.calls();
  };

  it('hostile names reach lxc verbatim, and nothing in them is evaluated', () => {
    const names = {
      instance: '$(touch canary-i)',
      profile: "a'b; touch canary-p",
      network: 'x y`touch canary-n`',
      pool: '* ?',
      image: '"; touch canary-img; "',
    };
    const evilRecord = {
      ...record('matchbox-group', '/srv/$(touch canary-r)/g', {
        path: "lab/'$(touch canary-rp)'",
        destroy: 'echo destroyed > destroyed-marker\n',
      }),
      fileName: "x'; touch canary-f; '.json",
    };
    fs.mkdirSync(recordsDir, { recursive: true });
    fs.writeFileSync(path.join(recordsDir, evilRecord.fileName), JSON.stringify(evilRecord));
    const p = plan(
      inventoryText({
        instances: [instance(names.instance, owned('lab/$(touch canary-ip)'))],
        profiles: [profile(names.profile, owned('lab/p'))],
        networks: [network(names.network, owned('lab/n'))],
        pools: [pool(names.pool, owned('lab/s'))],
        images: [image(names.image, owned('lab/i'))],
        records: [evilRecord],
      }),
    );
    expect(p.errors).toEqual([]);
    const calls = runPlan(p.script);
    expect(calls.map((c) => c.argv)).toEqual([
      ['lxc', 'delete', '--force', names.instance],
      ['lxc', 'profile', 'delete', names.profile],
      ['lxc', 'network', 'delete', names.network],
      ['lxc', 'storage', 'delete', names.pool],
      ['lxc', 'image', 'delete', names.image],
    ]);
    // the record's own destroy ran, then its file went
    expect(fs.readFileSync(path.join(sandbox.dir, 'destroyed-marker'), 'utf8')).toBe('destroyed\n');
    expect(fs.readdirSync(recordsDir)).toEqual([]);
  });

  it("LXD's default profile is cleaned of what the stack set on it, never deleted", () => {
    const text = inventoryText({
      instances: [instance('web', owned('lab/web')), instance('hand')],
      profiles: [
        profile(
          'default',
          {
            ...owned('lab/default'),
            'limits.cpu': '2',
            'user.hand': 'kept',
            'user.cdktf.managed-keys': 'limits.cpu user.gone',
            'user.cdktf.managed-devices': 'eth0 $(touch canary-d)',
          },
          ['/1.0/instances/web', '/1.0/instances/hand'],
        ),
      ],
    });
    // web and a hand-made instance still use the default profile: it stays, only cleaned, in either phase
    const p = plan(text, 'before', { instance: ['web'] });
    expect(p).toMatchObject({ errors: [], deferred: [], deleted: ['profile default'] });
    expect(plan(text, 'after', { instance: ['web'] })).toEqual(p);
    expect(p.script).not.toContain('profile delete');
    expect(runPlan(p.script).map((c) => c.argv)).toEqual([
      ['lxc', 'profile', 'device', 'remove', 'default', 'eth0'],
      ['lxc', 'profile', 'device', 'remove', 'default', '$(touch'],
      ['lxc', 'profile', 'device', 'remove', 'default', 'canary-d)'],
      // user.gone is not set any more: not unset
      ['lxc', 'profile', 'unset', 'default', 'limits.cpu'],
      ['lxc', 'profile', 'unset', 'default', 'user.cdktf.owner'],
      ['lxc', 'profile', 'unset', 'default', 'user.cdktf.path'],
      ['lxc', 'profile', 'unset', 'default', 'user.cdktf.managed-keys'],
      ['lxc', 'profile', 'unset', 'default', 'user.cdktf.managed-devices'],
    ]);
  });
});

describe('the prune step Terraform runs: one read, a plan, one delete', () => {
  /** A fake lxc: `query URL` prints $FAKE_<collection> (JSON, then two newlines as lxc 5.0 does); every call is logged. */
  function fakeLxc(): { bin: string; log: string } {
    const bin = tmpDir('prune-bin-');
    const log = path.join(bin, 'calls.log');
    fs.writeFileSync(
      path.join(bin, 'lxc'),
      `#!${process.execPath}
const argv = process.argv.slice(2);
require('fs').appendFileSync(${JSON.stringify(log)}, JSON.stringify(argv) + '\\n');
if (process.env.FAKE_DOWN) { process.stderr.write('Error: Get "http://unix.socket/1.0": dial unix /var/lib/lxd/unix.socket: connect: connection refused\\n'); process.exit(1); }
if (argv[0] === 'query') { const c = argv[1].split('?')[0].split('/')[2].replace('-', '_'); process.stdout.write((process.env['FAKE_' + c] || '[]') + '\\n\\n'); }
`,
      { mode: 0o755 },
    );
    return { bin, log };
  }
  /** A stack manifest with one unit (the local daemon) that declares `declared`, and `others` elsewhere in the stack. */
  const stackManifest = (
    declared: Names,
    o: { required?: boolean; others?: UnitManifest[]; moving?: { path: string } } = {},
  ): LabManifest => {
    const unit = { owner: 'lab', key: 'local/lxd', declared, elsewhere: {} };
    return {
      version: 1,
      stack: 'lab',
      owner: 'lab',
      appOwners: ['lab'],
      keys: OWNERSHIP_KEYS,
      units: [
        {
          key: 'local/lxd',
          label: 'local',
          runner: runnerCommand({ kind: 'local', sudo: false }),
          daemon: { client: 'lxc', required: o.required ?? true },
          recordsDir: recordsDir('lab'),
          declared,
          elsewhere: {},
          prune: { before: 'terraform_data.b', after: 'terraform_data.a' },
          objects: [],
          hash: declarationsHash(unit),
        },
        ...(o.others ?? []),
      ],
    };
  };
  const run = (
    inventory: Record<string, Json[]>,
    m: LabManifest,
    phase: 'before' | 'after' = 'before',
    o: { home?: string; down?: boolean; hash?: string; recorded?: string } = {},
  ) => {
    const { bin, log } = fakeLxc();
    const home = o.home ?? tmpDir('prune-home-');
    fs.writeFileSync(path.join(home, MANIFEST_FILE), JSON.stringify(m));
    let status = 0;
    let stderr = '';
    const env = {
      PATH: `${bin}:${process.env.PATH}`,
      HOME: home,
      ...(o.down ? { FAKE_DOWN: '1' } : {}),
      ...(o.recorded !== undefined ? { CDKTF_LAB_RUN: o.recorded } : {}),
      ...Object.fromEntries(Object.entries(inventory).map(([k, v]) => [`FAKE_${k}`, JSON.stringify(v)])),
    };
    const saved = { ...process.env };
    Object.assign(process.env, env);
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((chunk: string) => {
      stderr += chunk;
      return true;
    }) as typeof process.stderr.write;
    try {
      main(['prune', phase, 'local/lxd', o.hash ?? m.units[0].hash], process.env, home);
    } catch (e) {
      status = 1;
      stderr += (e as Error).message;
    } finally {
      process.stderr.write = write;
      for (const k of Object.keys(env)) if (!(k in saved)) delete process.env[k];
      Object.assign(process.env, saved);
    }
    const calls = fs.existsSync(log)
      ? fs
          .readFileSync(log, 'utf8')
          .trim()
          .split('\n')
          .map((l) => JSON.parse(l) as string[])
      : [];
    return { status, stderr, calls };
  };
  const reads = ['images', 'instances', 'networks', 'profiles', 'storage-pools'].map((c) => [
    'query',
    `/1.0/${c}?recursion=1`,
  ]);
  /** The queries run side by side: compared in sorted order, then what follows them. */
  const inOrder = (calls: string[][]) => [
    ...calls.filter((c) => c[0] === 'query').sort((a, b) => a[1].localeCompare(b[1])),
    ...calls.filter((c) => c[0] !== 'query'),
  ];

  it('reads the host once (one query per kind, side by side), then deletes what the stack no longer declares', () => {
    const r = run(
      { instances: [instance('web', owned('lab/web')), instance('old', owned('lab/old'))] },
      stackManifest({ instance: ['web'] }),
    );
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('cdktf-lxd-matchbox: pruning instance old (declared at lab/old)\n');
    expect(inOrder(r.calls)).toEqual([...reads, ['delete', '--force', 'old']]);
  });

  it('deletes nothing, and runs no second command, when all is declared or when the plan stops', () => {
    const clean = run({ instances: [instance('web', owned('lab/web'))] }, stackManifest({ instance: ['web'] }));
    expect(clean).toMatchObject({ status: 0, stderr: '' });
    expect(inOrder(clean.calls)).toEqual(reads);
    const stopped = run(
      { instances: [instance('db', owned('lab/db', { protect: true })), instance('old', owned('lab/old'))] },
      stackManifest({}),
    );
    expect(stopped.status).toBe(1);
    expect(stopped.stderr).toContain('the prune of stack lab on local stopped; nothing was deleted');
    expect(stopped.stderr).toContain('instance db (declared at lab/db) is no longer declared but is protected');
    expect(inOrder(stopped.calls)).toEqual(reads);
  });

  it('a killed prune runs again: its run file holds what the plan recorded only once it has finished', () => {
    const runFile = (home: string) => path.join(home, runFileName('local/lxd', 'before'));
    const m = stackManifest({ instance: ['web'] });
    // First run (the plan read no run file: ''): the file is gone again afterwards, so the next plan reads '' too.
    const first = tmpDir('prune-home-');
    expect(run({ instances: [] }, m, 'before', { home: first, recorded: '' }).status).toBe(0);
    expect(fs.existsSync(runFile(first))).toBe(false);
    // After a killed run the file holds its `running` line; the plan recorded it, and the re-run leaves exactly that.
    const killed = 'running before 0123456789abcdef 4242-1-x';
    const again = tmpDir('prune-home-');
    fs.writeFileSync(runFile(again), killed);
    expect(run({ instances: [] }, m, 'before', { home: again, recorded: killed }).status).toBe(0);
    expect(fs.readFileSync(runFile(again), 'utf8')).toBe(killed);
    // A prune that stops leaves a fresh `running` line: the next plan sees a change and runs it again.
    const failed = run({ instances: [] }, m, 'before', { home: again, recorded: killed, down: true });
    expect(failed.status).toBe(1);
    const left = fs.readFileSync(runFile(again), 'utf8');
    expect(left).toMatch(/^running before [0-9a-f]{16} /);
    expect(left).not.toBe(killed);
  });

  it('a daemon that does not answer fails the prune with its error: never read as "owns nothing"', () => {
    const r = run({ instances: [instance('old', owned('lab/old'))] }, stackManifest({}), 'before', { down: true });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^cannot read local \(exit 1\): Error: Get .*connection refused/);
    expect(r.calls.every((c) => c[0] === 'query')).toBe(true);
  });

  it('a daemon the app declares nothing on may be absent: no socket, the client is not even called', () => {
    const r = run(
      { instances: [instance('old', owned('lab/old'))] },
      stackManifest({}, { required: false }),
      'before',
      { down: true },
    );
    expect(r).toMatchObject({ status: 0, calls: [] });
  });

  it('a manifest of another synth than the plan stops the prune', () => {
    const r = run({}, stackManifest({ instance: ['web'] }), 'before', { hash: '0000000000000000' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/does not match this plan .* nothing is pruned/);
    expect(r.calls).toEqual([]);
  });

  it('an object the stack moves to another daemon is kept by before, deleted by after', () => {
    const other: UnitManifest = {
      key: 'ssh:10.0.0.6:22/lxd',
      label: 'ssh 10.0.0.6:22',
      runner: 'false',
      daemon: { client: 'lxc', required: true },
      declared: { instance: ['web'] },
      elsewhere: {},
      prune: { before: 'x', after: 'y' },
      hash: 'h',
      objects: [
        {
          kind: 'instance',
          name: 'web',
          path: 'lab/web',
          converge: 'c',
          identity: { daemon: 'ssh:10.0.0.6:22/lxd', hash: 'i' },
          protect: false,
        },
      ],
    };
    const m = stackManifest({}, { others: [other] });
    const home = tmpDir('prune-home-');
    const before = run({ instances: [instance('web', owned('lab/web'))] }, m, 'before', { home });
    expect(before).toMatchObject({ status: 0, stderr: '' });
    expect(inOrder(before.calls)).toEqual(reads);
    const after = run({ instances: [instance('web', owned('lab/web'))] }, m, 'after', { home });
    expect(after.status).toBe(0);
    expect(inOrder(after.calls)).toEqual([...reads, ['delete', '--force', 'web']]);
  });

  it('after reads the host again only when before deferred something for the same declarations', () => {
    const home = tmpDir('prune-home-');
    const inv = { instances: [instance('web', owned('lab/web'))] };
    const m = stackManifest({ instance: ['web'] });
    expect(run(inv, m, 'before', { home }).status).toBe(0);
    const skipped = run(inv, m, 'after', { home });
    expect(skipped).toMatchObject({ status: 0, calls: [] });
    // The marker is used once; without it (or for other declarations) after reads.
    expect(inOrder(run(inv, m, 'after', { home }).calls)).toEqual(reads);
    expect(run(inv, m, 'before', { home }).status).toBe(0);
    const m2 = stackManifest({ instance: ['web', 'db'] });
    expect(inOrder(run(inv, m2, 'after', { home }).calls)).toEqual(reads);
  });
});
