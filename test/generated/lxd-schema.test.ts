import { TerraformStack, Testing } from '../../constructs/core/cdk';
import { checkAgainstSchemas, formatIssue, type ProviderSchemasJson, schemaFileForProvider, schemaFilesForConfig } from '../support/provider-schema-check';
import { checkerFor, resource, SCHEMAS, summary } from './schema-kit';
import { LxdProvider } from '../../generated/providers/lxd/provider';
import { Instance } from '../../generated/providers/lxd/instance';
import { Network } from '../../generated/providers/lxd/network';
import { StoragePool } from '../../generated/providers/lxd/storage-pool';
import { Profile } from '../../generated/providers/lxd/profile';
import { Image } from '../../generated/providers/lxd/image';
import { LxdProvider as LxdV2Provider } from '../../generated/providers/lxd-v2/provider';
import { Instance as LxdV2Instance } from '../../generated/providers/lxd-v2/instance';
import { StoragePool as LxdV2StoragePool } from '../../generated/providers/lxd-v2/storage-pool';
import { MatchboxProvider } from '../../generated/providers/matchbox/provider';
import { Profile as MatchboxProfile } from '../../generated/providers/matchbox/profile';
import { Group as MatchboxGroup } from '../../generated/providers/matchbox/group';
import { MultipassProvider } from '../../generated/providers/multipass/provider';
import { Instance as MultipassInstance } from '../../generated/providers/multipass/instance';
import { DataMultipassInstance } from '../../generated/providers/multipass/data-multipass-instance';

const { LXD, LXD_V2, MATCHBOX, MULTIPASS, NULL } = SCHEMAS;
const ALL = [LXD, MATCHBOX, MULTIPASS];
const check = checkerFor(ALL);

/** A synthetic provider for shapes the reference schemas do not use (object/tuple types, block counts). */
const SYNTHETIC: ProviderSchemasJson = {
  provider_schemas: {
    'registry.terraform.io/example/synth': {
      resource_schemas: {
        synth_thing: {
          block: {
            attributes: {
              obj: { type: ['object', { a: 'string', b: 'number' }, ['b']], optional: true },
              tup: { type: ['tuple', ['string', 'bool']], optional: true },
              tags: { type: ['set', 'string'], optional: true },
              any: { type: 'dynamic', optional: true },
              items: {
                nested_type: { nesting_mode: 'list', attributes: { v: { type: 'string', required: true } }, max_items: 1 },
                optional: true,
              },
            },
            block_types: {
              needed: { nesting_mode: 'list', min_items: 1, max_items: 2, block: { attributes: { x: { type: 'string', optional: true } } } },
              one: { nesting_mode: 'single', block: { attributes: { y: { type: 'string', optional: true } } } },
              labelled: { nesting_mode: 'map', block: { attributes: { z: { type: 'number', required: true } } } },
            },
          },
        },
      },
    },
  },
};
const synth = (body: object) => check(resource('synth_thing', { needed: [{}], ...body }), [SYNTHETIC]);

describe('checkAgainstSchemas: error classes', () => {
  test('unknown attribute, at top level and inside a block', () => {
    expect(check(resource('lxd_instance', { name: 'c', bogus: 'x' }))).toEqual(['unknown-argument bogus']);
    expect(check(resource('lxd_instance', { name: 'c', device: [{ name: 'd', type: 'disk', properties: {}, size: '1' }] }))).toEqual([
      'unknown-argument device[0].size',
    ]);
  });

  test('unknown block (lxd v2 has no wait_for; v3 has no limits)', () => {
    expect(check(resource('lxd_instance', { name: 'c', wait_for: [{ type: 'ipv4' }] }), [LXD_V2])).toEqual(['unknown-argument wait_for']);
    expect(check(resource('lxd_instance', { name: 'c', limits: { cpu: '2' } }))).toEqual(['unknown-argument limits']);
    expect(check(resource('lxd_instance', { name: 'c', dynamic: { devices: { for_each: '${var.d}', content: {} } } }))).toEqual([
      'unknown-argument dynamic.devices',
    ]);
  });

  test('missing required attribute, at every level', () => {
    expect(check(resource('lxd_instance', {}))).toEqual(['missing-required name']);
    expect(check(resource('lxd_instance', { name: 'c', device: [{ name: 'd', type: 'disk' }] }))).toEqual(['missing-required device[0].properties']);
    expect(check(resource('lxd_image', { source_image: {} }))).toEqual(['missing-required source_image.image']);
    expect(check({ provider: { lxd: [{ remote: [{ name: 'local' }] }] } })).toEqual(['missing-required remote[0].address']);
    expect(check({ provider: { matchbox: [{ endpoint: 'm:8081' }] } })).toEqual([
      'missing-required ca',
      'missing-required client_cert',
      'missing-required client_key',
    ]);
    expect(synth({ obj: { b: 1 } })).toEqual(['missing-required obj.a']);
  });

  test('computed-only attribute set', () => {
    expect(check(resource('lxd_instance', { name: 'c', ipv4_address: '10.0.0.2' }))).toEqual(['computed-only ipv4_address']);
    expect(check(resource('multipass_instance', { name: 'vm', ipv4: '10.0.0.2' }))).toEqual(['computed-only ipv4']);
    expect(check(resource('lxd_instance', { name: 'c', execs: { x: { command: ['true'], exit_code: 0 } } }))).toEqual([
      'computed-only execs.x.exit_code',
    ]);
    expect(check(resource('lxd_instance', { name: 'c', file: [{ target_path: '/a', append: true }] }), [LXD_V2])).toEqual([
      'computed-only file[0].append',
    ]);
  });

  test('wrong type for each kind', () => {
    const wrong = (body: object, schemas = ALL) => check(resource('lxd_instance', { name: 'c', ...body }), schemas);
    expect(check(resource('lxd_instance', { name: 5 }))).toEqual(['wrong-type name']); // string
    expect(check(resource('multipass_instance', { name: 'vm', cpus: '2' }))).toEqual(['wrong-type cpus']); // number
    expect(wrong({ running: 'yes' })).toEqual(['wrong-type running']); // bool
    expect(wrong({ profiles: 'default' })).toEqual(['wrong-type profiles']); // list
    expect(wrong({ profiles: ['default', 7] })).toEqual(['wrong-type profiles[1]']); // list element
    expect(wrong({ config: ['a'] })).toEqual(['wrong-type config']); // map
    expect(wrong({ config: { 'limits.cpu': 2 } })).toEqual(['wrong-type config["limits.cpu"]']); // map value
    expect(wrong({ execs: [{ command: ['true'] }] })).toEqual(['wrong-type execs']); // nested map
    expect(wrong({ timeouts: 'soon' })).toEqual(['wrong-type timeouts']); // nested single
    expect(wrong({ device: 'eth0' })).toEqual(['wrong-type device']); // block
    expect(wrong({ device: ['eth0'] })).toEqual(['wrong-type device[0]']); // block element
    expect(synth({ tags: 'a' })).toEqual(['wrong-type tags']); // set
    expect(synth({ obj: 'a' })).toEqual(['wrong-type obj']); // object
    expect(synth({ obj: { a: 'x', b: 'y' } })).toEqual(['wrong-type obj.b']);
    expect(synth({ obj: { a: 'x', c: 1 } })).toEqual(['unknown-argument obj.c']);
    expect(synth({ tup: ['a'] })).toEqual(['wrong-type tup']); // tuple length
    expect(synth({ tup: ['a', 'true'] })).toEqual(['wrong-type tup[1]']); // tuple element
    expect(synth({ items: { v: 'a' } })).toEqual(['wrong-type items']); // nested list
    expect(synth({ labelled: [{ z: 1 }] })).toEqual(['wrong-type labelled']); // map block
    expect(synth({ labelled: { a: { z: 'one' } } })).toEqual(['wrong-type labelled.a.z']);
  });

  test('block and nested-attribute counts', () => {
    expect(check(resource('synth_thing', {}), [SYNTHETIC])).toEqual(['block-count needed']);
    expect(synth({ needed: [{}, {}, {}] })).toEqual(['block-count needed']);
    expect(synth({ one: [{}, {}] })).toEqual(['block-count one']);
    expect(synth({ items: [{ v: 'a' }, { v: 'b' }] })).toEqual(['block-count items']);
    // a dynamic block has an unknown count
    expect(check(resource('synth_thing', { dynamic: { needed: { for_each: '${var.n}', content: { x: '${needed.value}' } } } }), [SYNTHETIC])).toEqual([]);
  });

  test('enumerations (x_one_of)', () => {
    expect(check(resource('lxd_instance', { name: 'c', type: 'vm' }))).toEqual(['not-allowed-value type']);
    expect(check(resource('lxd_profile', { name: 'p', device: [{ name: 'd', type: 'disks', properties: {} }] }))).toEqual([
      'not-allowed-value device[0].type',
    ]);
    expect(check(resource('lxd_storage_pool', { name: 'p', driver: 'alletra' }), [LXD_V2])).toEqual(['not-allowed-value driver']);
    expect(check(resource('lxd_instance', { name: 'c', wait_for: [{ type: 'network' }] }))).toEqual(['not-allowed-value wait_for[0].type']);
    expect(check(resource('lxd_instance', { name: 'c', type: '${var.kind}' }))).toEqual([]);
  });

  test('unknown resource, data source and provider types', () => {
    expect(check(resource('lxd_volume', { name: 'v', pool: 'p' }))).toEqual(['unknown-type ']);
    expect(check({ data: { lxd_nothing: { d: {} } } })).toEqual(['unknown-type ']);
    expect(check({ provider: { docker: [{}] } })).toEqual(['unknown-type ']);
  });

  test('issues name kind, type, name and path', () => {
    const [issue] = checkAgainstSchemas(resource('lxd_instance', { name: 'c', type: 'vm' }, 'web'), ALL);
    expect(issue).toMatchObject({ kind: 'resource', type: 'lxd_instance', name: 'web', path: 'type', code: 'not-allowed-value' });
    expect(formatIssue(issue)).toBe('resource lxd_instance.web: type: "vm" is not one of "container", "virtual-machine" (not-allowed-value)');
    const [p] = checkAgainstSchemas({ provider: { lxd: [{ alias: 'b', remote: [{ name: 'x' }] }] } }, ALL);
    expect(p).toMatchObject({ kind: 'provider', type: 'lxd', name: 'b', path: 'remote[0].address' });
  });
});

describe('checkAgainstSchemas: accepted configurations', () => {
  test('expressions pass for every type; meta-arguments are ignored', () => {
    const body = {
      '//': { metadata: { path: 'x' } },
      name: '${var.name}',
      config: '${var.config}',
      profiles: ['${lxd_profile.p.name}', 'default'],
      running: '${var.running}',
      execs: '${var.execs}',
      timeouts: { create: '5m' },
      depends_on: ['lxd_network.n'],
      count: 2,
      provider: 'lxd.other',
      lifecycle: { ignore_changes: ['config'] },
      provisioner: [{ 'local-exec': { command: 'true' } }],
      dynamic: { device: { for_each: '${var.devices}', iterator: 'd', content: { name: '${d.key}', type: 'disk', properties: '${d.value}' } } },
    };
    expect(check(resource('lxd_instance', body))).toEqual([]);
    expect(check(resource('multipass_instance', { name: 'vm', cpus: '${var.cpus}' }))).toEqual([]);
    expect(check(resource('lxd_instance', { name: 'c', description: 'cost: $${not_an_expression}', running: '$${x}' }))).toEqual([
      'wrong-type running',
    ]);
  });

  test('convertPrimitives follows Terraform primitive conversions', () => {
    const tf = resource('multipass_instance', { name: 1, cpus: '2' });
    expect(check(tf)).toEqual(['wrong-type name', 'wrong-type cpus']);
    expect(checkAgainstSchemas(tf, ALL, { convertPrimitives: true })).toEqual([]);
    expect(summary(checkAgainstSchemas(resource('multipass_instance', { name: 'x', cpus: 'two' }), ALL, { convertPrimitives: true }))).toEqual([
      'wrong-type cpus',
    ]);
  });

  test('hand-written lxd v3, matchbox and multipass resources', () => {
    const tf = {
      terraform: { required_providers: { lxd: { source: 'terraform-lxd/lxd', version: '~> 3.0' } } },
      provider: {
        lxd: [{ default_remote: 'local', remote: [{ name: 'local', address: 'unix://', protocol: 'lxd' }] }],
        matchbox: [{ endpoint: 'm:8081', ca: '${file("ca.crt")}', client_cert: 'c', client_key: 'k' }],
        multipass: [{}],
      },
      resource: {
        lxd_network: { br: { name: 'lxdbr1', type: 'bridge', config: { 'ipv4.address': '10.0.3.1/24', 'ipv4.nat': 'true' } } },
        lxd_storage_pool: { pool: { name: 'pool', driver: 'dir', config: { source: '/var/lib/pool' } } },
        lxd_profile: {
          p: {
            name: 'web',
            config: { 'limits.cpu': '2', 'cloud-init.user-data': '#cloud-config\n' },
            device: [
              { name: 'root', type: 'disk', properties: { pool: '${lxd_storage_pool.pool.name}', path: '/' } },
              { name: 'eth0', type: 'nic', properties: { network: '${lxd_network.br.name}' } },
            ],
          },
        },
        lxd_instance: {
          c: {
            name: 'c1',
            image: 'ubuntu:24.04',
            type: 'virtual-machine',
            profiles: ['${lxd_profile.p.name}'],
            config: { 'limits.memory': '1GiB' },
            device: [{ name: 'eth0', type: 'nic', properties: { network: 'lxdbr1', 'ipv4.address': '10.0.3.10' } }],
            wait_for: [{ type: 'ipv4' }],
            execs: { hello: { command: ['echo', 'hi'], trigger: 'once' } },
          },
        },
        lxd_image: { img: { source_image: { image: 'images:debian/12', copy_aliases: true } } },
        matchbox_profile: { p: { name: 'worker', kernel: '/assets/vmlinuz', initrd: ['/assets/initrd'], args: ['ip=dhcp'], raw_ignition: '{}' } },
        matchbox_group: { g: { name: 'worker-1', profile: '${matchbox_profile.p.name}', selector: { mac: '52:54:00:a1:9c:ae' }, metadata: {} } },
        multipass_instance: { vm: { name: 'host', cpus: 2, memory: '2G', disk: '10G', image: '24.04', cloudinit_file: 'ci.yaml' } },
      },
      data: { multipass_instance: { vm: { name: 'host' } } },
    };
    expect(check(tf)).toEqual([]);
  });

  test('hand-written lxd v2.7.1 resources (limits map, top-level pool source)', () => {
    const tf = {
      provider: { lxd: [{ generate_client_certificates: true, remote: [{ name: 'local', scheme: 'unix', default: true }] }] },
      resource: {
        lxd_storage_pool: { pool: { name: 'pool', driver: 'dir', source: '/var/lib/pool' } },
        lxd_instance: { c: { name: 'c1', image: 'ubuntu:24.04', limits: { cpu: '2' }, wait_for_network: true } },
      },
    };
    expect(check(tf, [LXD_V2])).toEqual([]);
    expect(check(tf, [LXD])).toEqual([
      'unknown-argument source',
      'unknown-argument limits',
      'unknown-argument wait_for_network',
      'unknown-argument generate_client_certificates',
      'unknown-argument remote[0].scheme',
      'unknown-argument remote[0].default',
      'missing-required remote[0].address',
    ]);
  });
});

describe('schema file lookup', () => {
  test.each([
    ['terraform-lxd/lxd', undefined, LXD],
    ['terraform-lxd/lxd', '~> 3.0', LXD],
    ['registry.terraform.io/terraform-lxd/lxd', '3.0.2', LXD],
    ['terraform-lxd/lxd', '~> 2.7', LXD_V2],
    ['terraform-lxd/lxd', '>= 2.0, < 3.0', LXD_V2],
    ['terraform-lxd/lxd', '2.7.1', LXD_V2],
    ['terraform-lxd/lxd', '~> 4.0', undefined],
    ['poseidon/matchbox', '~> 0.5', MATCHBOX],
    ['larstobi/multipass', undefined, MULTIPASS],
    ['hashicorp/null', undefined, NULL],
    ['terraform.io/builtin/terraform', undefined, NULL],
    ['kreuzwerker/docker', undefined, undefined],
  ])('%s %s', (source, version, expected) => {
    expect(schemaFileForProvider(source, version)).toBe(expected);
  });

  test('schemaFilesForConfig uses required_providers and implied providers', () => {
    const tf = {
      terraform: { required_providers: { lxd: { source: 'terraform-lxd/lxd', version: '~> 2.7' }, matchbox: { source: 'poseidon/matchbox' } } },
      resource: { terraform_data: { t: {} }, lxd_instance: { c: { name: 'c' } } },
    };
    expect(schemaFilesForConfig(tf)).toEqual([LXD_V2, MATCHBOX, NULL]);
  });
});

describe('JSON synthesized through the generated bindings', () => {
  test('lxd v3 + matchbox + multipass stack passes', () => {
    const app = Testing.app();
    const stack = new TerraformStack(app, 'stack');
    new LxdProvider(stack, 'lxd', { remote: [{ name: 'local', address: 'unix://' }], defaultRemote: 'local' });
    new MatchboxProvider(stack, 'matchbox', { endpoint: 'matchbox:8081', ca: 'ca', clientCert: 'cert', clientKey: 'key' });
    new MultipassProvider(stack, 'multipass');
    const net = new Network(stack, 'net', { name: 'lxdbr1', type: 'bridge', config: { 'ipv4.address': '10.0.3.1/24' } });
    const pool = new StoragePool(stack, 'pool', { name: 'pool', driver: 'dir' });
    const profile = new Profile(stack, 'profile', {
      name: 'web',
      device: [{ name: 'root', type: 'disk', properties: { pool: pool.name, path: '/' } }],
    });
    const image = new Image(stack, 'img', { sourceImage: { image: 'images:debian/12' } });
    new Instance(stack, 'c', {
      name: 'c1',
      image: image.fingerprint,
      profiles: [profile.name],
      config: { 'limits.cpu': '2' },
      device: [{ name: 'eth0', type: 'nic', properties: { network: net.name } }],
      waitFor: [{ type: 'ipv4' }],
      execs: { hello: { command: ['echo', 'hi'] } },
      timeouts: { create: '10m' },
    });
    const mbProfile = new MatchboxProfile(stack, 'mbp', { name: 'worker', kernel: '/k', initrd: ['/i'], args: ['ip=dhcp'] });
    new MatchboxGroup(stack, 'mbg', { name: 'worker-1', profile: mbProfile.name, selector: { mac: '52:54:00:a1:9c:ae' } });
    const vm = new MultipassInstance(stack, 'vm', { name: 'host', cpus: 2, memory: '2G' });
    new DataMultipassInstance(stack, 'vm-data', { name: vm.name });

    const tf = JSON.parse(Testing.synth(stack));
    expect(tf.terraform.required_providers.lxd).toEqual({ source: 'registry.terraform.io/terraform-lxd/lxd', version: '3.0.2' });
    expect(schemaFilesForConfig(tf)).toEqual([LXD, MATCHBOX, MULTIPASS]);
    expect(checkAgainstSchemas(tf, schemaFilesForConfig(tf)).map(formatIssue)).toEqual([]);
  });

  test('lxd v2 bindings pass against the 2.7.1 schema; overrides are still checked', () => {
    const stack = new TerraformStack(Testing.app(), 'v2');
    new LxdV2Provider(stack, 'lxd', { remote: [{ name: 'local', scheme: 'unix', default: true }] });
    new LxdV2StoragePool(stack, 'pool', { name: 'pool', driver: 'dir', source: '/var/lib/pool' });
    const c = new LxdV2Instance(stack, 'c', { name: 'c1', image: 'ubuntu:24.04', limits: { cpu: '2' }, waitForNetwork: false });
    c.addOverride('type', 'vm');

    const tf = JSON.parse(Testing.synth(stack));
    expect(schemaFilesForConfig(tf)).toEqual([LXD_V2]);
    expect(summary(checkAgainstSchemas(tf, schemaFilesForConfig(tf)))).toEqual(['not-allowed-value type']);
  });
});
