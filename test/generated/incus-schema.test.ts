/**
 * The Incus provider schema (generated/schemas/incus.json, derived from lxc/terraform-provider-incus v1.1.1) loads,
 * is found by source and version, and the generic checker works against it: hand-written configurations (including
 * the LXD v3 spellings that Incus does not take) and JSON synthesized through the generated bindings.
 */
import * as fs from 'fs';
import { TerraformStack, Testing } from '../../constructs/core/cdk';
import { checkAgainstSchemas, formatIssue, type ProviderSchemasJson, schemaFileForProvider, schemaFilesForConfig } from '../support/provider-schema-check';
import { checkerFor, resource, SCHEMAS, summary } from './schema-kit';
import { IncusProvider } from '../../generated/providers/incus/provider';
import { Image } from '../../generated/providers/incus/image';
import { Instance } from '../../generated/providers/incus/instance';
import { Network } from '../../generated/providers/incus/network';
import { Profile } from '../../generated/providers/incus/profile';
import { StoragePool } from '../../generated/providers/incus/storage-pool';

const { INCUS, LXD } = SCHEMAS;
const FQPN = 'registry.terraform.io/lxc/incus';
const check = checkerFor([INCUS]);

describe('incus.json', () => {
  const schema = JSON.parse(fs.readFileSync(INCUS, 'utf8')) as ProviderSchemasJson & {
    format_version: string;
    x_generated_from: { repo: string; ref: string; commit: string };
  };
  const incus = schema.provider_schemas[FQPN];

  test('has the shape of the other schemas and names its upstream', () => {
    expect(schema.format_version).toBe('1.0');
    expect(Object.keys(schema.provider_schemas)).toEqual([FQPN]);
    expect(incus.x_version).toBe('v1.1.1');
    expect(schema.x_generated_from).toMatchObject({
      repo: 'https://github.com/lxc/terraform-provider-incus',
      ref: 'v1.1.1',
      commit: 'ffcc51c5a62b839bd85da9cb2fd28fe5edf38fd3',
    });
    expect(Object.keys(incus.resource_schemas ?? {})).toEqual([
      'incus_image',
      'incus_instance',
      'incus_network',
      'incus_profile',
      'incus_storage_pool',
    ]);
    expect(Object.keys(incus.provider?.block.block_types ?? {})).toEqual(['remote']);
  });

  test.each([
    ['lxc/incus', undefined, INCUS],
    [FQPN, '~> 1.1', INCUS],
    ['lxc/incus', '1.1.1', INCUS],
    ['lxc/incus', '~> 0.3', undefined],
    ['terraform-lxd/lxd', undefined, LXD],
  ])('schemaFileForProvider(%s, %s)', (source, version, expected) => {
    expect(schemaFileForProvider(source, version)).toBe(expected);
  });
});

describe('checkAgainstSchemas against the Incus provider', () => {
  test('a provider without remotes, and remotes without an address, are valid (LXD v3 requires both)', () => {
    expect(check({ provider: { incus: [{}] } })).toEqual([]);
    expect(check({ provider: { incus: [{ remote: [{ name: 'local' }], default_remote: 'local', accept_remote_certificate: true }] } })).toEqual([]);
    expect(check({ provider: { incus: [{ remote: [{ name: 'r', address: 'https://h:8443', protocol: 'lxd', bearer_token: 't' }] }] } })).toEqual([
      'not-allowed-value remote[0].protocol',
      'unknown-argument remote[0].bearer_token',
    ]);
    expect(check({ provider: { incus: [{ remote: [{ address: 'unix://' }] }] } })).toEqual(['missing-required remote[0].name']);
  });

  test("LXD v3 spellings that Incus does not take: source_image.image, execs, timeouts, wait_for 'bogus'", () => {
    expect(check(resource('incus_image', { source_image: { image: 'images:debian/12' } }))).toEqual([
      'unknown-argument source_image.image',
      'missing-required source_image.name',
      'missing-required source_image.remote',
    ]);
    expect(check(resource('incus_instance', { name: 'c', execs: { x: { command: ['true'] } }, timeouts: { create: '5m' } }))).toEqual([
      'unknown-argument execs',
      'unknown-argument timeouts',
    ]);
    expect(check(resource('incus_instance', { name: 'c', wait_for: [{ type: 'cloud-init' }, { type: 'bogus' }] }))).toEqual([
      'not-allowed-value wait_for[1].type',
    ]);
    expect(check(resource('incus_cached_image', { source_remote: 'images', source_image: 'debian/12' }))).toEqual(['unknown-type ']);
  });

  test('computed-only attributes and enumerations', () => {
    expect(check(resource('incus_instance', { name: 'c', ipv4_address: '10.0.0.2', status: 'Running' }))).toEqual([
      'computed-only ipv4_address',
      'computed-only status',
    ]);
    expect(check(resource('incus_network', { name: 'br', type: 'bridge', managed: true }))).toEqual(['computed-only managed']);
    expect(check(resource('incus_storage_pool', { name: 'p', driver: 'truenas' }))).toEqual([]);
    expect(check(resource('incus_storage_pool', { name: 'p', driver: 'xfs' }))).toEqual(['not-allowed-value driver']);
    expect(check(resource('incus_storage_pool', { name: 'p' }))).toEqual(['missing-required driver']);
  });
});

describe('JSON synthesized through the generated Incus bindings', () => {
  test('provider, pool, bridge, profile, cached image and instance pass', () => {
    const stack = new TerraformStack(Testing.app(), 'incus');
    new IncusProvider(stack, 'incus', { remote: [{ name: 'local', address: 'unix://' }], defaultRemote: 'local' });
    const pool = new StoragePool(stack, 'pool', { name: 'default', driver: 'dir', config: { source: '/var/lib/incus/storage-pools/default' } });
    const net = new Network(stack, 'net', {
      name: 'incusbr0',
      type: 'bridge',
      config: { 'ipv4.address': '10.231.7.1/24', 'ipv4.nat': 'true', 'ipv6.address': 'none' },
    });
    const profile = new Profile(stack, 'profile', {
      name: 'web',
      device: [
        { name: 'root', type: 'disk', properties: { pool: pool.name, path: '/' } },
        { name: 'eth0', type: 'nic', properties: { network: net.name } },
      ],
    });
    const image = new Image(stack, 'img', { sourceImage: { remote: 'images', name: 'debian/12' }, alias: [{ name: 'debian12' }] });
    new Instance(stack, 'c', {
      name: 'web1',
      image: image.fingerprint,
      profiles: [profile.name],
      config: { 'limits.cpu': '1', 'user.role': 'web' },
      device: [
        { name: 'eth0', type: 'nic', properties: { network: net.name, 'ipv4.address': '10.231.7.60' } },
        { name: 'http', type: 'proxy', properties: { listen: 'tcp:127.0.0.1:8080', connect: 'tcp:127.0.0.1:80' } },
      ],
      waitFor: [{ type: 'ipv4', nic: 'eth0' }],
      exec: { hello: { command: ['echo', 'hi'], trigger: 'once' } },
    });

    const tf = JSON.parse(Testing.synth(stack));
    expect(tf.terraform.required_providers.incus).toEqual({ source: 'registry.terraform.io/lxc/incus', version: '1.1.1' });
    expect(tf.resource.incus_image.img.source_image).toEqual({ remote: 'images', name: 'debian/12' });
    expect(schemaFilesForConfig(tf)).toEqual([INCUS]);
    expect(checkAgainstSchemas(tf, schemaFilesForConfig(tf)).map(formatIssue)).toEqual([]);
  });

  test('overrides are still checked', () => {
    const stack = new TerraformStack(Testing.app(), 'bad');
    new IncusProvider(stack, 'incus');
    const c = new Instance(stack, 'c', { name: 'c1', image: 'images:debian/12' });
    c.addOverride('type', 'vm');
    c.addOverride('limits', { cpu: '2' });
    const tf = JSON.parse(Testing.synth(stack));
    expect(summary(checkAgainstSchemas(tf, schemaFilesForConfig(tf)))).toEqual(['unknown-argument limits', 'not-allowed-value type']);
  });
});
