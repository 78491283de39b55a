/**
 * Synthesized JSON semantics of the default example: dependency order, destroy provisioners,
 * identity vs settings, lifecycle, null_resource rendering, no reconcile variable, the backend.
 */
import * as fs from 'fs';
import * as path from 'path';
import { App, Testing } from '../../constructs/core/cdk';
import { buildLab, LabOptions } from '../../examples/default';
import { Bridge, Container, LabStack, LocalHost, MultipassVm, Profile, SshHost, StoragePool } from '../../index';
import { addressOf, Json, resourceBy, synthJson, tmpDir } from '../helpers';

const lab = (o: LabOptions = {}) => synthJson(buildLab(Testing.app(), o));
const json = lab();
const data: Record<string, Json> = json.resource.terraform_data;

/** Every resource address `address` depends on, directly or not. */
function closure(address: string): Set<string> {
  const seen = new Set<string>();
  const visit = (a: string) => {
    const [, name] = a.split('.');
    for (const d of data[name]?.depends_on ?? [])
      if (!seen.has(d)) {
        seen.add(d);
        visit(d);
      }
  };
  visit(address);
  return seen;
}

/** Every `${...}` interpolation in the strings of `value` (`$${` escapes excluded). */
function interpolations(value: unknown): string[] {
  const text = JSON.stringify(value);
  return [...text.matchAll(/(?<!\$)\$\{([^}]*)\}/g)].map((m) => m[1]);
}

const kinds = ['vm', 'data_pool', 'labbr0_network', 'base_profile', 'web_instance', 'db_instance'];

describe('default example: resources', () => {
  it('renders each object as an object/converge pair of terraform_data, and a before/after prune per host', () => {
    expect(Object.keys(json.resource)).toEqual(['terraform_data']);
    // the VM's record lives on the deploying machine (local), the LXD objects in the VM
    const prunes = ['lifecycle_local', 'lifecycle_multipass-lab-vm-lxd'].flatMap((h) => [`${h}_after`, `${h}_before`]);
    expect(
      Object.keys(data)
        .map((k) => k.replace(/_[0-9A-F]{8}$/, ''))
        .sort(),
    ).toEqual([...kinds.flatMap((k) => [`${k}_converge`, `${k}_object`]), ...prunes].sort());
  });
});

describe('default example: dependency order', () => {
  it.each(['web_instance', 'db_instance'])('%s depends on the VM, bridge, profile and pool (both resources)', (c) => {
    for (const part of ['object', 'converge']) {
      const deps = closure(addressOf(json, `${c}_${part}`));
      for (const needed of [
        'vm_object',
        'vm_converge',
        'labbr0_network_object',
        'labbr0_network_converge',
        'base_profile_object',
        'base_profile_converge',
        'data_pool_object',
        'data_pool_converge',
      ]) {
        expect(deps).toContain(addressOf(json, needed));
      }
    }
    // the direct ones: the VM is ready, the profile and bridge are converged
    expect(resourceBy(json, `${c}_object`).depends_on).toEqual(
      expect.arrayContaining([
        addressOf(json, 'vm_converge'),
        addressOf(json, 'base_profile_converge'),
        addressOf(json, 'labbr0_network_converge'),
      ]),
    );
  });

  it('the profile depends on its pool and bridge; pool and bridge on the VM; converge on its object', () => {
    expect(resourceBy(json, 'base_profile_object').depends_on).toEqual(
      expect.arrayContaining([addressOf(json, 'data_pool_converge'), addressOf(json, 'labbr0_network_converge')]),
    );
    for (const k of ['data_pool', 'labbr0_network']) {
      expect(resourceBy(json, `${k}_object`).depends_on).toEqual([
        addressOf(json, 'lifecycle_multipass-lab-vm-lxd_before'),
        addressOf(json, 'vm_converge'),
      ]);
    }
    for (const k of kinds) expect(resourceBy(json, `${k}_converge`).depends_on[0]).toBe(addressOf(json, `${k}_object`));
    // the VM waits only for the prune of the deploying machine (where its record is)
    expect(resourceBy(json, 'vm_object').depends_on).toEqual([addressOf(json, 'lifecycle_local_before')]);
  });

  it('nothing depends on a converge resource of a dependant (no cycles back)', () => {
    for (const name of Object.keys(data))
      expect(closure(`terraform_data.${name}`)).not.toContain(`terraform_data.${name}`);
  });
});

describe('default example: provisioners', () => {
  it("destroy provisioners reference only self (and the stack's directory, where the lifecycle program reads the manifest)", () => {
    let count = 0;
    for (const r of Object.values(data)) {
      for (const p of (r.provisioner ?? [])
        .map((x: Json) => x['local-exec'])
        .filter((x: Json) => x.when === 'destroy')) {
        count++;
        expect(
          interpolations(p)
            .map((i) => i.replace(/^try\((self\.input\.\w+), .*\)$/, '$1'))
            .sort(),
        ).toEqual([
          'jsonencode(self.triggers_replace)',
          'path.module',
          'self.input.destroy',
          'self.input.protect',
          'self.input.runner',
        ]);
      }
    }
    expect(count).toBe(kinds.length);
  });

  it('converge resources have exactly one create-time provisioner and no destroy provisioner', () => {
    for (const k of kinds) {
      const p = resourceBy(json, `${k}_converge`).provisioner.map((x: Json) => x['local-exec']);
      expect(p).toHaveLength(1);
      expect(p[0].when).toBeUndefined();
      expect(Object.keys(p[0].environment)).toContain('CDKTF_LAB_SCRIPT');
    }
  });

  it('object resources carry their destroy script, runner and protection in input, and no converge script', () => {
    for (const k of kinds) {
      const obj = resourceBy(json, `${k}_object`);
      expect(Object.keys(obj.input)).toEqual(['destroy', 'protect', 'runner']);
      expect(obj.input.destroy).toMatch(/delete/);
      expect(obj.provisioner).toHaveLength(1);
    }
  });
});

describe('default example: identity vs settings', () => {
  it('object resources hold only identity', () => {
    // ... and the daemon they live on: moved to another one, an object is replaced.
    const daemon = 'multipass:lab-vm/lxd';
    expect(resourceBy(json, 'web_instance_object').triggers_replace).toEqual({
      kind: 'lxd-container',
      name: 'web',
      image: 'ubuntu:22.04',
      storagePool: null,
      daemon,
    });
    expect(resourceBy(json, 'data_pool_object').triggers_replace).toEqual({
      kind: 'lxd-storage-pool',
      name: 'data',
      driver: 'btrfs',
      config: {},
      daemon,
    });
    expect(resourceBy(json, 'labbr0_network_object').triggers_replace).toEqual({
      kind: 'lxd-network',
      name: 'labbr0',
      type: 'bridge',
      daemon,
    });
    expect(resourceBy(json, 'base_profile_object').triggers_replace).toEqual({
      kind: 'lxd-profile',
      name: 'base',
      daemon,
    });
    expect(resourceBy(json, 'vm_object').triggers_replace).toMatchObject({
      kind: 'multipass-vm',
      name: 'lab-vm',
      cpus: 2,
      memory: '4G',
      disk: '40G',
      image: '22.04',
    });
  });

  it('mutable settings live only in the converge resource', () => {
    const mutable = [
      'limits.cpu',
      'boot.autostart',
      '10.10.10.100-10.10.10.199',
      'dhcp-host=printer,10.10.10.250',
      'tcp:127.0.0.1:8080',
      'ipv4.address',
      '"profiles"',
      '"devices"',
      '"config":{"',
    ];
    for (const k of kinds.filter((x) => x !== 'vm')) {
      const text = JSON.stringify(resourceBy(json, `${k}_object`));
      for (const m of mutable) expect({ k, m, inObject: text.includes(m) }).toEqual({ k, m, inObject: false });
    }
    const web = resourceBy(json, 'web_instance_converge').triggers_replace;
    expect(web).toEqual({
      object: `\${${addressOf(json, 'web_instance_object')}.id}`,
      settings: {
        description: '',
        profiles: ['base'],
        state: 'running',
        config: { 'limits.cpu': '1', 'user.cdktf.owner': 'lab', 'user.cdktf.path': 'lab/web' },
        devices: {
          eth0: { type: 'nic', network: 'labbr0', name: 'eth0', 'ipv4.address': '10.10.10.10' },
          http: { type: 'proxy', listen: 'tcp:127.0.0.1:8080', connect: 'tcp:127.0.0.1:80' },
        },
      },
    });
    expect(resourceBy(json, 'labbr0_network_converge').triggers_replace.settings.config).toMatchObject({
      'ipv4.dhcp.ranges': '10.10.10.100-10.10.10.199',
      'raw.dnsmasq': 'dhcp-host=printer,10.10.10.250',
      'dns.domain': 'lab.test',
    });
  });

  it('changing a mutable setting changes only converge resources; changing identity changes the object', () => {
    const other = lab({ subnet: '10.20.30' });
    for (const k of ['labbr0_network', 'web_instance', 'db_instance']) {
      expect(resourceBy(other, `${k}_object`)).toEqual(resourceBy(json, `${k}_object`));
      expect(resourceBy(other, `${k}_converge`)).not.toEqual(resourceBy(json, `${k}_converge`));
    }
    const newImage = lab({ image: 'images:alpine/3.19' });
    expect(resourceBy(newImage, 'web_instance_object').triggers_replace.image).toBe('images:alpine/3.19');
    const newDriver = lab({ pool: { driver: 'dir' } });
    expect(resourceBy(newDriver, 'data_pool_object').triggers_replace.driver).toBe('dir');
  });
});

describe('lifecycle, variables, backend', () => {
  it("protect: true goes into the object resource's input, where its destroy step reads it (no prevent_destroy: see destroyDecision)", () => {
    const stack = new LabStack(Testing.app(), 'lab');
    const host = new LocalHost(stack, 'h');
    new StoragePool(stack, 'keep', { host, driver: 'dir', protect: true });
    new Container(stack, 'db', { host, image: 'busybox', protect: true });
    new MultipassVm(stack, 'vm', { protect: true });
    new Container(stack, 'tmp', { host, image: 'busybox' });
    const j = synthJson(stack);
    for (const k of ['keep_pool', 'db_instance', 'vm']) {
      expect(resourceBy(j, `${k}_object`).input.protect).toBe(true);
      expect(resourceBy(j, `${k}_object`).lifecycle).toBeUndefined();
      expect(resourceBy(j, `${k}_converge`).lifecycle).toBeUndefined();
    }
    expect(resourceBy(j, 'tmp_instance_object').input.protect).toBe(false);
  });

  it('declares no variable: a converge is replaced only when its object or settings change (repair is -replace)', () => {
    expect(json.variable).toBeUndefined();
    for (const k of kinds)
      expect(Object.keys(resourceBy(json, `${k}_converge`).triggers_replace).sort()).toEqual(['object', 'settings']);
    expect(JSON.stringify(json)).not.toContain('var.');
  });

  it('uses a relative local backend path and writes no absolute path of this machine', () => {
    // As in a project: cdktf.out beside the app (and the library in its node_modules, or here lib/).
    fs.mkdirSync(path.join(process.cwd(), 'cdktf.out'), { recursive: true });
    const outdir = fs.mkdtempSync(path.join(process.cwd(), 'cdktf.out', 'spine-backend-'));
    const app = new App({ outdir });
    buildLab(app);
    app.synth();
    const text = fs.readFileSync(path.join(outdir, 'stacks', 'lab', 'cdk.tf.json'), 'utf8');
    fs.rmSync(outdir, { recursive: true, force: true });
    const out = JSON.parse(text);
    expect(out.terraform.backend).toEqual({ local: { path: '../../../terraform.lab.tfstate' } });
    expect(path.isAbsolute(out.terraform.backend.local.path)).toBe(false);
    expect(text).not.toContain(outdir);
    expect(text).not.toContain(process.cwd());
    expect(out.terraform.required_providers).toBeUndefined();
  });

  it('honours a custom relative state path', () => {
    const outdir = tmpDir('spine-backend-');
    const app = new App({ outdir });
    new LabStack(app, 'x', { localStatePath: 'state/x.tfstate' });
    app.synth();
    expect(
      JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', 'x', 'cdk.tf.json'), 'utf8')).terraform.backend,
    ).toEqual({ local: { path: 'state/x.tfstate' } });
  });
});

describe("commandResource: 'null_resource'", () => {
  const stack = new LabStack(Testing.app(), 'lab', { commandResource: 'null_resource' });
  const vm = new MultipassVm(stack, 'vm');
  const host = new SshHost(stack, 'ssh', { address: '10.0.0.5' });
  const pool = new StoragePool(stack, 'data', { host: vm, driver: 'btrfs', size: '10GiB' });
  const br = new Bridge(stack, 'br0', {
    host: vm,
    ipv4Address: '10.0.0.1/24',
    ipv4DhcpRanges: [{ start: '10.0.0.100', end: '10.0.0.199' }],
  });
  const prof = new Profile(stack, 'base', { host: vm, rootPool: pool, network: br });
  new Container(stack, 'web', {
    host: vm,
    image: 'busybox',
    profiles: [prof],
    nics: [{ bridge: br, ipv4Address: '10.0.0.10' }],
    protect: true,
  });
  new Container(stack, 'remote', { host, image: 'busybox' });
  const j = synthJson(stack);

  it('emits only null_resource with the null provider', () => {
    expect(Object.keys(j.resource)).toEqual(['null_resource']);
    expect(j.provider.null).toEqual([{}]);
    // six objects of two resources, and a before/after prune for the VM, the ssh host and the deploying machine
    expect(
      Object.keys(j.resource.null_resource)
        .map((k) => k.replace(/_[0-9A-F]{8}$/, ''))
        .sort(),
    ).toEqual(
      [
        ...['base_profile', 'br0_network', 'data_pool', 'remote_instance', 'vm', 'web_instance'].flatMap((k) => [
          `${k}_converge`,
          `${k}_object`,
        ]),
        ...['lifecycle_local', 'lifecycle_multipass-vm-lxd', 'lifecycle_ssh-10-0-0-5-22-lxd'].flatMap((h) => [
          `${h}_after`,
          `${h}_before`,
        ]),
      ].sort(),
    );
  });

  it('has string-only triggers, identity JSON-encoded and settings JSON-encoded', () => {
    for (const r of Object.values(j.resource.null_resource) as Json[]) {
      for (const v of Object.values(r.triggers)) expect(typeof v).toBe('string');
      expect(r.triggers_replace).toBeUndefined();
      expect(r.input).toBeUndefined();
    }
    expect(JSON.parse(resourceBy(j, 'web_instance_object', 'null_resource').triggers.identity)).toEqual({
      kind: 'lxd-container',
      name: 'web',
      image: 'busybox',
      storagePool: null,
      daemon: 'multipass:vm/lxd',
    });
    expect(
      JSON.parse(resourceBy(j, 'br0_network_converge', 'null_resource').triggers.settings).config['ipv4.dhcp.ranges'],
    ).toBe('10.0.0.100-10.0.0.199');
  });

  it('destroy provisioners read only self.triggers; lifecycle and dependencies carry over', () => {
    const web = resourceBy(j, 'web_instance_object', 'null_resource');
    const destroy = web.provisioner.map((x: Json) => x['local-exec']).find((x: Json) => x.when === 'destroy');
    expect(interpolations(destroy).sort()).toEqual(['path.module', 'self.triggers.destroy', 'self.triggers.identity']);
    expect(destroy.environment.CDKTF_LAB_PROTECT).toBe('true');
    expect(web.depends_on).toEqual(expect.arrayContaining([addressOf(j, 'base_profile_converge', 'null_resource')]));
    expect(Object.keys(resourceBy(j, 'web_instance_converge', 'null_resource').triggers).sort()).toEqual([
      'object',
      'settings',
    ]);
    expect(web.depends_on).toEqual(
      expect.arrayContaining([addressOf(j, 'lifecycle_multipass-vm-lxd_before', 'null_resource')]),
    );
  });
});
