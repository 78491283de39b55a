/**
 * The drift comparison, pure: a synthesized stack's hosts and declared objects (terraform_data
 * and null_resource renderings), compared with an inventory as the host's read returns it.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from '../../../constructs/core/cdk';
import { buildLab } from '../../../examples/default';
import { LabStack, LocalHost, Container, Profile } from '../../../index';
import { formatDrift, hostDrift, stackHosts } from '../../../src/lifecycle/drift';
import { parseInventory } from '../../../src/lifecycle/prune-plan';
import { OWNERSHIP_KEYS } from '../../../src/lifecycle/scripts';

const synth = (build: (app: App) => void, stack: string) => {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'drift-'));
  const app = new App({ outdir });
  build(app);
  app.synth();
  return JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', stack, 'cdk.tf.json'), 'utf8'));
};

/** A small stack: one container on one profile, on the local host. */
const small = (commandResource?: 'null_resource') => synth((app) => {
  const s = new LabStack(app, 'lab', { commandResource });
  const host = new LocalHost(s, 'host');
  const p = new Profile(s, 'base', { host, config: { 'boot.autostart': 'true' } });
  new Container(s, 'web', { host, image: 'busybox', profiles: [p], limits: { cpu: 1 } });
}, 'lab');

const owned = (path: string) => ({ [OWNERSHIP_KEYS.owner]: 'lab', [OWNERSHIP_KEYS.path]: path });
const inventory = (o: { web?: Record<string, unknown>; extra?: boolean } = {}) => parseInventory([
  '@@cdktf-lab instances',
  JSON.stringify([
    ...(o.web === undefined ? [] : [{
      name: 'web', status: 'Running', description: '', profiles: ['base'], devices: {},
      config: { 'limits.cpu': '1', 'volatile.uuid': 'x', 'image.os': 'busybox', [OWNERSHIP_KEYS.managedKeys]: 'limits.cpu', ...owned('lab/web'), ...o.web },
    }]),
    ...(o.extra ? [{ name: 'old', status: 'Stopped', config: owned('lab/old'), devices: {} }] : []),
    { name: 'hand', status: 'Running', config: {}, devices: {} },
  ]),
  '@@cdktf-lab profiles',
  JSON.stringify([{ name: 'base', description: '', config: { 'boot.autostart': 'true', ...owned('lab/base') }, devices: {}, used_by: ['/1.0/instances/web'] }]),
  '@@cdktf-lab networks', '[]', '@@cdktf-lab storage-pools', '[]', '@@cdktf-lab images', '[]',
  '@@cdktf-lab end',
].join('\n'), OWNERSHIP_KEYS);

describe.each([['terraform_data', undefined], ['null_resource', 'null_resource' as const]])('drift of a %s stack', (_name, kind) => {
  const hosts = stackHosts('lab', small(kind));
  const local = hosts.find((h) => h.objects.some((o) => o.name === 'web'))!;

  it('finds the host, its read script and each declared object with its settings and converge address', () => {
    expect(local.runner).toBe('sh -s');
    expect(local.readScript).toContain("lxc query '/1.0/instances?recursion=1'");
    expect(local.objects.map((o) => `${o.kind} ${o.name} ${o.path}`).sort()).toEqual(['instance web lab/web', 'profile base lab/base']);
    const web = local.objects.find((o) => o.name === 'web')!;
    expect(web.converge).toMatch(new RegExp(`^${kind ?? 'terraform_data'}\\.web_instance_converge_`));
    expect((web.settings as any).config).toMatchObject({ 'limits.cpu': '1', ...owned('lab/web') });
    expect(local.prune).toMatch(/_before_/);
  });

  it('in sync: nothing reported (LXD keys and bookkeeping ignored, hand-made objects not ours)', () => {
    expect(hostDrift(local, inventory({ web: {} }))).toEqual([]);
  });

  it('reports a missing object, a changed value, an extra key and an undeclared owned object', () => {
    expect(hostDrift(local, inventory({}))).toEqual([expect.objectContaining({ kind: 'instance', name: 'web', status: 'missing' })]);
    const drift = hostDrift(local, inventory({ web: { 'limits.cpu': '2', 'user.note': 'x' }, extra: true }));
    expect(drift.map((d) => [d.name, d.status, d.differences])).toEqual([
      ['web', 'changed', ['config limits.cpu is "2", declared "1"', 'extra config user.note = "x"']],
      ['old', 'undeclared', ['owned by lab but no longer declared']],
    ]);
    expect(drift[0].repair).toBe(local.objects.find((o) => o.name === 'web')!.converge);
    expect(drift[1].repair).toBe(local.prune);
    expect(formatDrift('lab', local.runner, drift).join('\n')).toMatch(/instance web \(lab\/web\): changed\n {4}- config limits.cpu is "2", declared "1"/);
  });
});

it('the default example on a multipass VM has a host per machine: the VM (LXD objects) and the deploying machine (the VM record)', () => {
  const hosts = stackHosts('lab', synth((app) => buildLab(app), 'lab'));
  expect(hosts.map((h) => h.runner).sort()).toEqual(['multipass exec lab-vm -- sudo sh -s', 'sh -s']);
  const local = hosts.find((h) => h.runner === 'sh -s')!;
  expect(local.objects.map((o) => `${o.kind} ${o.name}`)).toEqual(['record multipass-vm:lab-vm']);
  expect(local.readScript).not.toContain('lxc query');
});
