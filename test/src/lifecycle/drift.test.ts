/**
 * The drift comparison, pure: a synthesized stack's lab manifest (terraform_data and null_resource
 * renderings), compared with an inventory as the daemon's read returns it; one read per daemon
 * whatever the number of stacks on it.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from '../../../constructs/core/cdk';
import { buildLab } from '../../../examples/default';
import { LabStack, LocalHost, Container, Profile } from '../../../index';
import { formatDrift, readPlan, unitDrift } from '../../../src/lifecycle/drift';
import { LabManifest, MANIFEST_FILE } from '../../../src/lifecycle/manifest';
import { parseInventory } from '../../../src/lifecycle/prune-plan';
import { OWNERSHIP_KEYS } from '../../../src/lifecycle/scripts';

/** The lab manifests of an app, by stack. */
const synth = (build: (app: App) => void): Record<string, LabManifest> => {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'drift-'));
  const app = new App({ outdir });
  build(app);
  app.synth();
  const stacks = fs
    .readdirSync(path.join(outdir, 'stacks'))
    .filter((s) => fs.existsSync(path.join(outdir, 'stacks', s, MANIFEST_FILE)));
  return Object.fromEntries(
    stacks.map((s) => [s, JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', s, MANIFEST_FILE), 'utf8'))]),
  );
};

/** A small stack: one container on one profile, on the local host. */
const small = (commandResource?: 'null_resource') =>
  synth((app) => {
    const s = new LabStack(app, 'lab', { commandResource });
    const host = new LocalHost(s, 'host');
    const p = new Profile(s, 'base', { host, config: { 'boot.autostart': 'true' } });
    new Container(s, 'web', { host, image: 'busybox', profiles: [p], limits: { cpu: 1 } });
  }).lab;

const owned = (path: string) => ({ [OWNERSHIP_KEYS.owner]: 'lab', [OWNERSHIP_KEYS.path]: path });
const inventory = (o: { web?: Record<string, unknown>; extra?: boolean } = {}) =>
  parseInventory(
    [
      '@@cdktf-lab instances',
      JSON.stringify([
        ...(o.web === undefined
          ? []
          : [
              {
                name: 'web',
                status: 'Running',
                description: '',
                profiles: ['base'],
                devices: {},
                config: {
                  'limits.cpu': '1',
                  'volatile.uuid': 'x',
                  'image.os': 'busybox',
                  [OWNERSHIP_KEYS.managedKeys]: 'limits.cpu',
                  ...owned('lab/web'),
                  ...o.web,
                },
              },
            ]),
        ...(o.extra ? [{ name: 'old', status: 'Stopped', config: owned('lab/old'), devices: {} }] : []),
        { name: 'hand', status: 'Running', config: {}, devices: {} },
      ]),
      '@@cdktf-lab profiles',
      JSON.stringify([
        {
          name: 'base',
          description: '',
          config: { 'boot.autostart': 'true', ...owned('lab/base') },
          devices: {},
          used_by: ['/1.0/instances/web'],
        },
      ]),
      '@@cdktf-lab networks',
      '[]',
      '@@cdktf-lab storage-pools',
      '[]',
      '@@cdktf-lab images',
      '[]',
      '@@cdktf-lab end',
    ].join('\n'),
    OWNERSHIP_KEYS,
  );

describe.each([
  ['terraform_data', undefined],
  ['null_resource', 'null_resource' as const],
])('drift of a %s stack', (_name, kind) => {
  const m = small(kind);
  const local = m.units.find((u) => u.objects.some((o) => o.name === 'web'))!;

  it('the manifest names the daemon, how to read it, and each declared object with its settings and converge address', () => {
    expect(local).toMatchObject({
      key: 'local/lxd',
      label: 'local',
      runner: 'sh -s',
      daemon: { client: 'lxc', required: true },
    });
    expect(local.objects.map((o) => `${o.kind} ${o.name} ${o.path}`).sort()).toEqual([
      'instance web lab/web',
      'profile base lab/base',
    ]);
    const web = local.objects.find((o) => o.name === 'web')!;
    expect(web.converge).toMatch(new RegExp(`^${kind ?? 'terraform_data'}\\.web_instance_converge_`));
    expect((web.settings as any).config).toMatchObject({ 'limits.cpu': '1', ...owned('lab/web') });
    expect(local.prune.before).toMatch(/_before_/);
  });

  it('in sync: nothing reported (LXD keys and bookkeeping ignored, hand-made objects not ours)', () => {
    expect(unitDrift(m, local, inventory({ web: {} }))).toEqual([]);
  });

  it('reports a missing object, a changed value, an extra key and an undeclared owned object', () => {
    expect(unitDrift(m, local, inventory({}))).toEqual([
      expect.objectContaining({ kind: 'instance', name: 'web', status: 'missing' }),
    ]);
    const drift = unitDrift(m, local, inventory({ web: { 'limits.cpu': '2', 'user.note': 'x' }, extra: true }));
    expect(drift.map((d) => [d.name, d.status, d.differences])).toEqual([
      ['web', 'changed', ['config limits.cpu is "2", declared "1"', 'extra config user.note = "x"']],
      ['old', 'undeclared', ['owned by lab but no longer declared']],
    ]);
    expect(drift[0].repair).toBe(local.objects.find((o) => o.name === 'web')!.converge);
    expect(drift[1].repair).toBe(local.prune.before);
    expect(formatDrift('lab', local.label, drift).join('\n')).toMatch(
      /lab: 2 object\(s\) drifted on local\n {2}instance web \(lab\/web\): changed\n {4}- config limits.cpu is "2", declared "1"/,
    );
  });
});

it('the default example on a multipass VM has a unit per daemon: the VM (LXD objects) and the deploying machine (the VM record)', () => {
  const m = synth((app) => buildLab(app)).lab;
  expect(m.units.map((u) => `${u.label}: ${u.runner}`).sort()).toEqual([
    'local: sh -s',
    'multipass lab-vm: multipass exec lab-vm -- sudo sh -s',
  ]);
  const local = m.units.find((u) => u.runner === 'sh -s')!;
  expect(local.objects.map((o) => `${o.kind} ${o.name}`)).toEqual(['record multipass-vm:lab-vm']);
  expect(local.daemon).toBeUndefined();
});

it('one read per daemon, whatever the number of stacks on it; each stack compares its own objects', () => {
  const all = synth((app) => {
    for (const id of ['a', 'b']) {
      const s = new LabStack(app, id);
      new Container(s, `${id}1`, { host: new LocalHost(s, 'host'), image: 'busybox' });
    }
  });
  const reads = readPlan(Object.values(all));
  expect(reads.map((r) => [r.key, r.units.map((u) => u.manifest.stack).sort()])).toEqual([['local/lxd', ['a', 'b']]]);
  expect(reads[0].spec).toEqual({
    client: 'lxc',
    required: true,
    recordsDirs: [expect.stringContaining('/records/a"'), expect.stringContaining('/records/b"')],
  });
});
