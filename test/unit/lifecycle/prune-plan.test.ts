/**
 * The pure side of prune: reading a host's inventory (the output of readScript) and planning
 * which owned objects to delete, in which order, or why nothing may be deleted. The delete
 * scripts are run under /bin/sh against a fake `lxc` that records its argv, and the program the
 * prune command embeds is run in a plain `node`, as Terraform's local-exec would run it.
 */
import * as fs from 'fs';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { LifecycleKind, parseInventory, planPrune, pruneProgram, pruneShq } from '../../../src/lifecycle/prune-plan';
import {
  OWNERSHIP_KEYS, PRUNE_ENV, pruneCommand, pruneManifest, readScript, recordFileName,
} from '../../../src/lifecycle/scripts';
import { runnerCommand } from '../../../src/hosts/runner';
import { shq } from '../../../src/shell/quote';
import { Call, Json, Sandbox, tmpDir } from '../spine/helpers';

type Names = Partial<Record<LifecycleKind, string[]>>;

/** The ownership keys of an object of stack `owner` declared at `p`. */
const owned = (p: string, o: { owner?: string; protect?: boolean } = {}): Record<string, string> => ({
  'user.cdktf.owner': o.owner ?? 'lab', 'user.cdktf.path': p, ...(o.protect ? { 'user.cdktf.protect': 'true' } : {}),
});
const instance = (name: string, config: Record<string, string> = {}): Json => ({
  name, config: { 'volatile.uuid': 'u', ...config }, devices: {}, profiles: ['default'], status: 'Running', type: 'container',
});
const profile = (name: string, config: Record<string, string> = {}, usedBy: string[] = []): Json => ({ name, config, devices: {}, description: '', used_by: usedBy });
const network = (name: string, config: Record<string, string> = {}, usedBy: string[] = [], managed = true): Json => ({
  name, config, managed, type: managed ? 'bridge' : 'physical', used_by: usedBy,
});
const pool = (name: string, config: Record<string, string> = {}, usedBy: string[] = []): Json => ({ name, driver: 'dir', config: { source: `/srv/${name}`, ...config }, used_by: usedBy });
const image = (fingerprint: string, properties: Record<string, string> = {}, aliases: string[] = []): Json => ({
  fingerprint, properties: { os: 'busybox', ...properties }, aliases: aliases.map((a) => ({ name: a, description: '' })),
});
/** A record file as recordWrite leaves it on the host. */
const record = (kind: string, name: string, o: { owner?: string; protect?: boolean; order?: number; destroy?: string; path?: string } = {}): Json => ({
  kind, name, owner: o.owner ?? 'lab', path: o.path ?? `lab/${kind}`, protect: o.protect ?? false, order: o.order ?? 0,
  destroy: o.destroy ?? '{\nset -euf\n:\n}\n', fileName: recordFileName(kind, name),
});

/** What the read script prints: `lxc query` JSON per collection (as lxc indents it), the records, the end marker. */
function inventoryText(s: { instances?: Json[]; profiles?: Json[]; networks?: Json[]; pools?: Json[]; images?: Json[]; records?: Json[] }, end = true): string {
  const lxd = s.instances || s.profiles || s.networks || s.pools || s.images;
  const out: string[] = [];
  if (lxd) {
    for (const [section, list] of [['instances', s.instances], ['profiles', s.profiles], ['networks', s.networks], ['storage-pools', s.pools], ['images', s.images]] as const) {
      out.push(`@@cdktf-lab ${section}`, JSON.stringify(list ?? [], null, '\t'));
    }
  }
  for (const r of s.records ?? []) out.push('@@cdktf-lab record', JSON.stringify(r), '');
  if (end) out.push('@@cdktf-lab end');
  return `${out.join('\n')}\n`;
}

const manifest = (phase: 'before' | 'after', declared: Names = {}, elsewhere: Names = {}, client = 'lxc') =>
  pruneManifest('lab', phase, { declared, elsewhere }, client);
const plan = (text: string, phase: 'before' | 'after' = 'before', declared: Names = {}, elsewhere: Names = {}) =>
  planPrune(parseInventory(text, OWNERSHIP_KEYS), manifest(phase, declared, elsewhere));

describe('parseInventory', () => {
  const text = inventoryText({
    instances: [instance('web', owned('lab/web')), instance('hand')],
    profiles: [profile('default', {}, ['/1.0/instances/web', '/1.0/instances/hand?project=default']), profile('base', owned('lab/base', { protect: true }), ['/1.0/instances/web'])],
    networks: [network('labbr0', owned('lab/labbr0'), ['/1.0/instances/web', '/1.0/profiles/base']), network('lo', {}, [], false), network('eth0', owned('lab/eth0'), [], false)],
    pools: [pool('data', owned('lab/data'), [
      '/1.0/instances/web', '/1.0/instances/web/snapshots/snap0', '/1.0/profiles/base', '/1.0/storage-pools/data/volumes/custom/backup',
      '/1.0/storage-pools/data/volumes/container/old', '/1.0/storage-pools/data/volumes/image/abc123', '/1.0/instances/a%20b',
    ])],
    images: [image('abc123', owned('lab/alpine'), ['alpine', 'a2'])],
    records: [record('multipass-vm', 'lab-vm', { order: 10, path: 'lab/vm' }), record('matchbox-group', '/var/lib/matchbox/node1', { owner: 'other' })],
  });
  const inv = parseInventory(text, OWNERSHIP_KEYS);
  const byName = (kind: LifecycleKind, name: string) => inv.objects.find((o) => o.kind === kind && o.name === name)!;

  it('reads each section into objects of its kind, with owner, path, protect and aliases', () => {
    expect(inv.lxd).toBe(true);
    expect(inv.objects.map((o) => `${o.kind} ${o.name}`)).toEqual([
      'instance web', 'instance hand', 'profile default', 'profile base', 'network labbr0', 'pool data', 'image abc123',
      'record multipass-vm:lab-vm', 'record matchbox-group:/var/lib/matchbox/node1',
    ]);
    expect(byName('instance', 'web')).toMatchObject({ owner: 'lab', path: 'lab/web', protect: false, aliases: [] });
    expect(byName('instance', 'hand')).toMatchObject({ owner: undefined, path: undefined, protect: false });
    expect(byName('profile', 'base')).toMatchObject({ owner: 'lab', protect: true });
    // images carry ownership in their properties, and answer to their aliases
    expect(byName('image', 'abc123')).toMatchObject({ owner: 'lab', path: 'lab/alpine', aliases: ['alpine', 'a2'] });
    expect(byName('record', 'multipass-vm:lab-vm')).toMatchObject({ owner: 'lab', path: 'lab/vm', protect: false, usedBy: [] });
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
      'instance/web', 'instance/web', 'profile/base', 'volume/custom/backup', 'instance/old', 'image/abc123', 'instance/a b',
    ]);
  });

  it('without LXD on the host only records are read', () => {
    const only = parseInventory(inventoryText({ records: [record('multipass-vm', 'lab-vm')] }), OWNERSHIP_KEYS);
    expect(only).toMatchObject({ lxd: false, objects: [{ kind: 'record', name: 'multipass-vm:lab-vm' }] });
    expect(parseInventory('@@cdktf-lab end\n', OWNERSHIP_KEYS)).toEqual({ lxd: false, objects: [] });
  });

  it('throws when the end marker is missing (a read cut short deletes nothing)', () => {
    expect(() => parseInventory(inventoryText({ instances: [instance('web', owned('lab/web'))] }, false), OWNERSHIP_KEYS))
      .toThrow(/ended early \(no end marker\): nothing is pruned/);
    expect(() => parseInventory('', OWNERSHIP_KEYS)).toThrow(/no end marker/);
  });
});

describe('planPrune', () => {
  it("deletes only the owner's objects that no stack declares: not declared ones, not another owner's, not hand-made ones", () => {
    const p = plan(inventoryText({
      instances: [instance('web', owned('lab/web')), instance('old', owned('lab/old')), instance('foreign', owned('other/x', { owner: 'other' })), instance('hand')],
      profiles: [profile('default'), profile('oldprof', owned('lab/oldprof'))],
      records: [record('multipass-vm', 'gone-vm', { path: 'lab/vm' }), record('multipass-vm', 'lab-vm'), record('multipass-vm', 'theirs', { owner: 'other' })],
    }), 'before', { instance: ['web'], record: ['multipass-vm:lab-vm'] });
    expect(p.errors).toEqual([]);
    expect(p.deferred).toEqual([]);
    expect(p.deleted).toEqual(['instance old', 'record multipass-vm:gone-vm', 'profile oldprof']);
    expect(p.script).toContain('lxc delete --force old\n');
    expect(p.script).not.toMatch(/web|foreign|hand|theirs|default/);
  });

  it('keeps names another stack of the app declares on the host (the object may be moving there)', () => {
    const p = plan(inventoryText({
      instances: [instance('moving', owned('lab/moving')), instance('old', owned('lab/old'))],
      images: [image('fp1', owned('lab/alpine'), ['alpine']), image('fp2', owned('lab/deb'), ['debian'])],
    }), 'before', { image: ['alpine'] }, { instance: ['moving'], image: ['debian'] });
    // an image is known by any of its aliases
    expect(p.deleted).toEqual(['instance old']);
  });

  it('nothing to delete: an empty script', () => {
    expect(plan(inventoryText({ instances: [instance('web', owned('lab/web'))] }), 'after', { instance: ['web'] }))
      .toEqual({ errors: [], deferred: [], deleted: [], script: '' });
  });

  it('a protected object stops the prune: an error naming it and how to release it, nothing deleted', () => {
    const p = plan(inventoryText({
      instances: [instance('db', owned('lab/db', { protect: true })), instance('old', owned('lab/old'))],
      profiles: [profile('keep', owned('lab/keep', { protect: true }))],
      networks: [network('br9', owned('lab/br9', { protect: true }))],
      pools: [pool('vault', owned('lab/vault', { protect: true }))],
      images: [image('fp', owned('lab/img', { protect: true }), ['alpine'])],
      records: [record('multipass-vm', 'vm1', { protect: true, path: 'lab/vm1' })],
    }));
    expect(p.deleted).toEqual([]);
    expect(p.script).toBe('');
    const release = (what: string, command?: string) => `${what} is no longer declared but is protected, so it is not deleted. To delete it, release it `
      + `(declare it again with protect: false and deploy${command ? `, or: ${command}` : ''}), then deploy without it.`;
    expect(p.errors).toEqual([
      release('instance db (declared at lab/db)', 'lxc config unset db user.cdktf.protect'),
      release('profile keep (declared at lab/keep)', 'lxc profile unset keep user.cdktf.protect'),
      release('network br9 (declared at lab/br9)', 'lxc network unset br9 user.cdktf.protect'),
      release('pool vault (declared at lab/vault)', 'lxc storage unset vault user.cdktf.protect'),
      release('image alpine (declared at lab/img)', 'lxc image unset-property fp user.cdktf.protect'),
      release('record multipass-vm:vm1 (declared at lab/vm1)'),
    ]);
  });

  it('the release command names the backend\'s client', () => {
    const inv = parseInventory(inventoryText({ instances: [instance('db', owned('lab/db', { protect: true }))] }), OWNERSHIP_KEYS);
    expect(planPrune(inv, manifest('before', {}, {}, 'incus')).errors[0]).toContain('or: incus config unset db user.cdktf.protect)');
  });

  it('an object still used by an object the stack does not manage stops the prune, nothing deleted', () => {
    const p = plan(inventoryText({
      instances: [instance('old', owned('lab/old')), instance('hand')],
      profiles: [profile('oldprof', owned('lab/oldprof'), ['/1.0/instances/hand'])],
      pools: [pool('olddata', owned('lab/olddata'), ['/1.0/storage-pools/olddata/volumes/custom/backup'])],
    }), 'before', {});
    expect(p.deleted).toEqual([]);
    expect(p.script).toBe('');
    expect(p.errors).toEqual([
      'profile oldprof (declared at lab/oldprof) is no longer declared but is still used by instance/hand, which this stack does not manage. '
        + 'Nothing is deleted. Detach it from those objects (or declare it again), then deploy.',
      'pool olddata (declared at lab/olddata) is no longer declared but is still used by volume/custom/backup, which this stack does not manage. '
        + 'Nothing is deleted. Detach it from those objects (or declare it again), then deploy.',
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
    expect(before).toMatchObject({ errors: [], deferred: ['profile oldprof', 'network oldbr'], deleted: ['instance old'] });
    expect(before.script).not.toMatch(/oldprof|oldbr/);
    const after = plan(text, 'after', declared);
    expect(after.deleted).toEqual([]);
    expect(after.errors).toEqual([
      expect.stringMatching(/^profile oldprof .* still used by instance\/web, which still use it after the apply\. Nothing is deleted\./),
      expect.stringMatching(/^network oldbr .* still used by instance\/web, which still use it after the apply\. Nothing is deleted\./),
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
    const p = plan(inventoryText({
      instances: [instance('old', owned('lab/old'))],
      profiles: [profile('oldprof', owned('lab/oldprof'), ['/1.0/instances/old'])],
      pools: [pool('olddata', owned('lab/olddata'), ['/1.0/instances/old', '/1.0/instances/old/snapshots/snap0', '/1.0/profiles/oldprof', '/1.0/images/abc'])],
    }));
    expect(p).toMatchObject({ errors: [], deleted: ['instance old', 'profile oldprof', 'pool olddata'] });
  });

  it('deletes in dependency order: instances, records (by their order), profiles, networks, pools, images', () => {
    const p = plan(inventoryText({
      images: [image('fp', owned('lab/img'), ['alpine'])],
      pools: [pool('s', owned('lab/s'))],
      networks: [network('n', owned('lab/n'))],
      profiles: [profile('p', owned('lab/p'))],
      instances: [instance('c', owned('lab/c'))],
      records: [record('multipass-vm', 'vm', { order: 10 }), record('matchbox-group', 'g'), record('matchbox-tls', 't', { order: 6 })],
    }));
    expect(p.deleted).toEqual([
      'instance c', 'record matchbox-group:g', 'record matchbox-tls:t', 'record multipass-vm:vm', 'profile p', 'network n', 'pool s', 'image fp',
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
      instance: '$(touch canary-i)', profile: "a'b; touch canary-p", network: 'x y`touch canary-n`', pool: '* ?', image: '"; touch canary-img; "',
    };
    const evilRecord = { ...record('matchbox-group', '/srv/$(touch canary-r)/g', { path: "lab/'$(touch canary-rp)'", destroy: 'echo destroyed > destroyed-marker\n' }),
      fileName: "x'; touch canary-f; '.json" };
    fs.mkdirSync(recordsDir, { recursive: true });
    fs.writeFileSync(path.join(recordsDir, evilRecord.fileName), JSON.stringify(evilRecord));
    const p = plan(inventoryText({
      instances: [instance(names.instance, owned('lab/$(touch canary-ip)'))],
      profiles: [profile(names.profile, owned('lab/p'))],
      networks: [network(names.network, owned('lab/n'))],
      pools: [pool(names.pool, owned('lab/s'))],
      images: [image(names.image, owned('lab/i'))],
      records: [evilRecord],
    }));
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
      profiles: [profile('default', {
        ...owned('lab/default'), 'limits.cpu': '2', 'user.hand': 'kept', 'user.cdktf.managed-keys': 'limits.cpu user.gone',
        'user.cdktf.managed-devices': 'eth0 $(touch canary-d)',
      }, ['/1.0/instances/web', '/1.0/instances/hand'])],
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

  it('pruneShq quotes exactly as the library\'s shq', () => {
    for (const w of ['plain', 'a b', "it's", '$(x)', '`x`', '', '-rf', 'ü', 'a\nb', '*', 'user.cdktf.owner', '/1.0/x']) expect(pruneShq(w)).toBe(shq(w));
  });
});

describe('pruneProgram: the program the prune command runs with node', () => {
  const dir = tmpDir('prune-program-');
  const file = path.join(dir, 'prune.js');
  fs.writeFileSync(file, pruneProgram());
  const text = inventoryText({
    instances: [instance('web', owned('lab/web')), instance('old', owned('lab/old'))],
    profiles: [profile('default')],
  });
  /** Runs the program as a file, or as `node -e` does in pruneCommand, in a bare environment. */
  const node = (input: string, m: unknown, how: 'file' | 'eval' = 'file') => spawnSync(process.execPath, how === 'file' ? [file] : ['-e', pruneProgram()], {
    cwd: dir, input, encoding: 'utf8', env: { PATH: process.env.PATH, [PRUNE_ENV.manifest]: JSON.stringify(m) },
  });

  it('is self-contained: run by a plain node, it prints the planned script and exits 0', () => {
    const m = manifest('before', { instance: ['web'] });
    const expected = planPrune(parseInventory(text, OWNERSHIP_KEYS), m).script;
    expect(expected).toContain('lxc delete --force old');
    for (const how of ['file', 'eval'] as const) {
      expect(node(text, m, how)).toMatchObject({ status: 0, stdout: expected, stderr: '' });
    }
    expect(node(text, manifest('after', { instance: ['web', 'old'] }))).toMatchObject({ status: 0, stdout: '', stderr: '' });
  });

  it('exits 1 with the reasons on stderr and no script when the prune must stop', () => {
    const r = node(inventoryText({ instances: [instance('db', owned('lab/db', { protect: true }))] }), manifest('before'));
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('cdktf-lxd-matchbox: the prune of stack lab stopped:\n'
      + '  - instance db (declared at lab/db) is no longer declared but is protected, so it is not deleted. To delete it, release it '
      + '(declare it again with protect: false and deploy, or: lxc config unset db user.cdktf.protect), then deploy without it.\n');
  });

  it('exits 1 when the read was cut short or is not what LXD prints', () => {
    const cut = node(inventoryText({ instances: [instance('old', owned('lab/old'))] }, false), manifest('before'));
    expect(cut).toMatchObject({ status: 1, stdout: '' });
    expect(cut.stderr).toBe('cdktf-lxd-matchbox: the prune of stack lab failed: the read of the host ended early (no end marker): nothing is pruned\n');
    const garbage = node('@@cdktf-lab instances\nError: not authorized\n@@cdktf-lab end\n', manifest('before'));
    expect(garbage).toMatchObject({ status: 1, stdout: '' });
    expect(garbage.stderr).toMatch(/^cdktf-lxd-matchbox: the prune of stack lab failed: /);
  });
});

describe('pruneCommand: one read, a plan where Terraform runs, one delete', () => {
  /** A fake lxc: `query URL` prints $FAKE_<collection> (JSON, then two newlines as lxc 5.0 does); every call is logged. */
  function fakeLxc(): { bin: string; log: string } {
    const bin = tmpDir('prune-bin-');
    const log = path.join(bin, 'calls.log');
    fs.writeFileSync(path.join(bin, 'lxc'), `#!${process.execPath}
const argv = process.argv.slice(2);
require('fs').appendFileSync(${JSON.stringify(log)}, JSON.stringify(argv) + '\\n');
if (argv[0] === 'query') { const c = argv[1].split('?')[0].split('/')[2].replace('-', '_'); process.stdout.write((process.env['FAKE_' + c] || '[]') + '\\n\\n'); }
`, { mode: 0o755 });
    return { bin, log };
  }
  const runner = runnerCommand({ kind: 'local', sudo: false });
  const run = (inventory: Record<string, Json[]>, declared: Names, phase: 'before' | 'after' = 'before', home = tmpDir('prune-home-')) => {
    const { bin, log } = fakeLxc();
    const r = spawnSync('/bin/sh', ['-c', pruneCommand(runner, phase)], {
      cwd: home, encoding: 'utf8',
      env: {
        PATH: `${bin}:${process.env.PATH}`, HOME: home,
        ...Object.fromEntries(Object.entries(inventory).map(([k, v]) => [`FAKE_${k}`, JSON.stringify(v)])),
        [PRUNE_ENV.read]: readScript('lab'), [PRUNE_ENV.program]: pruneProgram(),
        [PRUNE_ENV.manifest]: JSON.stringify(manifest(phase, declared)), [PRUNE_ENV.marker]: '.marker',
      },
    });
    const calls = fs.existsSync(log) ? fs.readFileSync(log, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as string[]) : [];
    return { ...r, calls };
  };
  const reads = ['images', 'instances', 'networks', 'profiles', 'storage-pools'].map((c) => ['query', `/1.0/${c}?recursion=1`]);
  /** The queries run side by side: compared in sorted order, then what follows them. */
  const inOrder = (calls: string[][]) => [...calls.filter((c) => c[0] === 'query').sort((a, b) => a[1].localeCompare(b[1])), ...calls.filter((c) => c[0] !== 'query')];

  it('reads the host once (one query per kind, side by side), then deletes what the stack no longer declares', () => {
    const r = run({ instances: [instance('web', owned('lab/web')), instance('old', owned('lab/old'))] }, { instance: ['web'] });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('cdktf-lxd-matchbox: pruning instance old (declared at lab/old)\n');
    expect(inOrder(r.calls)).toEqual([...reads, ['delete', '--force', 'old']]);
  });

  it('deletes nothing, and runs no second command, when all is declared or when the plan stops', () => {
    const clean = run({ instances: [instance('web', owned('lab/web'))] }, { instance: ['web'] });
    expect(clean).toMatchObject({ status: 0, stderr: '' });
    expect(inOrder(clean.calls)).toEqual(reads);
    const stopped = run({ instances: [instance('db', owned('lab/db', { protect: true })), instance('old', owned('lab/old'))] }, {});
    expect(stopped.status).not.toBe(0);
    expect(stopped.stderr).toContain('instance db (declared at lab/db) is no longer declared but is protected');
    expect(inOrder(stopped.calls)).toEqual(reads);
  });

  it('after reads the host again only when before deferred something for the same declarations', () => {
    const home = tmpDir('prune-home-');
    const inv = { instances: [instance('web', owned('lab/web'))] };
    expect(run(inv, { instance: ['web'] }, 'before', home).status).toBe(0);
    const skipped = run(inv, { instance: ['web'] }, 'after', home);
    expect(skipped).toMatchObject({ status: 0, calls: [] });
    // The marker is used once; without it (or for other declarations) after reads.
    expect(inOrder(run(inv, { instance: ['web'] }, 'after', home).calls)).toEqual(reads);
    expect(run(inv, { instance: ['web'] }, 'before', home).status).toBe(0);
    expect(inOrder(run(inv, { instance: ['web', 'db'] }, 'after', home).calls)).toEqual(reads);
  });
});
