/**
 * The provider rendering of a cluster: `Container.target` becomes the instance's `target`, and pools
 * and networks of a cluster become the provider's per-member fields (terraform-lxd v3's
 * `member_overrides`; one resource per member with `target` before the cluster-wide one on v2 and
 * Incus). Every stack passes the provider schemas.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from '../../../constructs/core/cdk';
import { Bridge, Container, LabStack, LabStackProps, LxdCluster, Profile, SshHost, StoragePool } from '../../../index';
import { BackendName } from '../../../src/lxd/backend';
import { checkAgainstSchemas, formatIssue, schemaFilesForConfig } from '../../support/provider-schema-check';

type Json = Record<string, any>;

/** A two-member cluster with a pool, a bridge, a profile and a placed container, rendered as `props` asks. */
function clusterStack(props: LabStackProps, backend: BackendName = 'lxd'): Json {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'provider-cluster-'));
  const app = new App({ outdir });
  const stack = new LabStack(app, 'cluster', props);
  const host = (id: string, address: string) =>
    new SshHost(stack, id, {
      address,
      backend,
      lxdRemote: { address: `https://${address}:8443`, trustToken: 'token' },
    });
  const cluster = new LxdCluster(stack, 'cluster', {
    members: [
      { host: host('node01', '10.0.0.11'), name: 'node01', address: '10.0.0.11:8443' },
      { host: host('node02', '10.0.0.12'), name: 'node02', address: '10.0.0.12:8443' },
    ],
  });
  const pool = new StoragePool(stack, 'local', {
    host: cluster.host,
    cluster,
    driver: 'btrfs',
    size: '20GiB',
    description: 'per member',
    perMember: { node02: { size: '40GiB' } },
  });
  const bridge = new Bridge(stack, 'cbr0', {
    host: cluster.host,
    cluster,
    ipv4Address: '10.126.32.1/24',
    ipv6Address: 'none',
    perMember: { node02: { 'bridge.external_interfaces': 'eth1' } },
  });
  const profile = new Profile(stack, 'base', { host: cluster.host, rootPool: pool, network: bridge });
  new Container(stack, 'web', { host: cluster.host, image: 'images:debian/12', profiles: [profile], target: 'node02' });
  app.synth();
  return JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', 'cluster', 'cdk.tf.json'), 'utf8'));
}

const resources = (json: Json, type: string): [string, Json][] => Object.entries(json.resource?.[type] ?? {});
const schemaIssues = (json: Json) => checkAgainstSchemas(json, schemaFilesForConfig(json)).map(formatIssue);

describe('a cluster stack rendered with providers', () => {
  it.each([
    ['terraform-lxd v3', { rendering: 'provider' } as LabStackProps, 'lxd' as BackendName],
    [
      'terraform-lxd v2.7.1',
      { rendering: 'provider', lxdProviderVersion: 'v2' } as LabStackProps,
      'lxd' as BackendName,
    ],
    ['lxc/incus', { rendering: 'provider' } as LabStackProps, 'incus' as BackendName],
  ])('passes the provider schemas (%s)', (_name, props, backend) => {
    expect(schemaIssues(clusterStack(props, backend))).toEqual([]);
  });

  it('v3: one pool and one network with member_overrides; the container placed with target, moved in place', () => {
    const json = clusterStack({ rendering: 'provider' });
    const pools = resources(json, 'lxd_storage_pool');
    expect(pools).toHaveLength(1);
    expect(pools[0][1]).toMatchObject({
      name: 'local',
      driver: 'btrfs',
      config: { size: '20GiB' },
      description: 'per member',
      member_overrides: { node02: { config: { size: '40GiB' } } },
    });
    const networks = resources(json, 'lxd_network');
    expect(networks).toHaveLength(1);
    expect(networks[0][1]).toMatchObject({
      name: 'cbr0',
      config: { 'ipv4.address': '10.126.32.1/24', 'ipv6.address': 'none' },
      member_overrides: { node02: { config: { 'bridge.external_interfaces': 'eth1' } } },
    });
    const [, web] = resources(json, 'lxd_instance')[0];
    expect(web).toMatchObject({ name: 'web', target: 'node02', allow_restart: true });
    // The cluster itself (bootstrap, join, membership) stays scripts, and the pool waits for it.
    expect(
      resources(json, 'terraform_data')
        .map(([k]) => k)
        .filter((k) => k.startsWith('cluster_')),
    ).not.toEqual([]);
    expect(pools[0][1].depends_on.some((d: string) => d.startsWith('terraform_data.cluster_'))).toBe(true);
  });

  it('v2: the pool and the network are defined on each member (target), then cluster-wide after them', () => {
    const json = clusterStack({ rendering: 'provider', lxdProviderVersion: 'v2' });
    const pools = Object.fromEntries(
      resources(json, 'lxd_storage_pool').map(([k, r]) => [r.target ?? 'cluster', { key: k, ...r }]),
    );
    expect(Object.keys(pools).sort()).toEqual(['cluster', 'node01', 'node02']);
    expect(pools.node01).toMatchObject({ name: 'local', driver: 'btrfs', config: { size: '20GiB' } });
    expect(pools.node02).toMatchObject({ config: { size: '40GiB' } });
    expect(pools.cluster.config).toBeUndefined(); // every key of this pool is member-specific
    expect(pools.cluster.description).toBe('per member');
    expect(pools.node01.description).toBeUndefined();
    expect(pools.cluster.depends_on).toEqual(
      expect.arrayContaining([`lxd_storage_pool.${pools.node01.key}`, `lxd_storage_pool.${pools.node02.key}`]),
    );
    const nets = Object.fromEntries(resources(json, 'lxd_network').map(([, r]) => [r.target ?? 'cluster', r]));
    expect(nets.node01.config).toBeUndefined();
    expect(nets.node02.config).toEqual({ 'bridge.external_interfaces': 'eth1' });
    expect(nets.cluster.config).toMatchObject({ 'ipv4.address': '10.126.32.1/24' });
    expect(nets.cluster.config['bridge.external_interfaces']).toBeUndefined();
    expect(resources(json, 'lxd_instance')[0][1]).toMatchObject({ target: 'node02', allow_restart: true });
  });

  it('Incus: per-member pools and networks with target, and incus_instance.target', () => {
    const json = clusterStack({ rendering: 'provider' }, 'incus');
    const pools = resources(json, 'incus_storage_pool').map(([, r]) => r);
    expect(pools.map((p) => p.target ?? 'cluster').sort()).toEqual(['cluster', 'node01', 'node02']);
    expect(pools.find((p) => p.target === 'node02')).toMatchObject({ config: { size: '40GiB' } });
    expect(pools.find((p) => p.target === 'node02')?.description).toBeUndefined(); // the provider refuses one with target
    expect(
      resources(json, 'incus_network')
        .map(([, r]) => r.target ?? 'cluster')
        .sort(),
    ).toEqual(['cluster', 'node01', 'node02']);
    expect(resources(json, 'incus_instance')[0][1]).toMatchObject({ name: 'web', target: 'node02' });
    expect(resources(json, 'incus_instance')[0][1].allow_restart).toBeUndefined();
  });

  it('protect marks every per-member resource', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'provider-cluster-'));
    const app = new App({ outdir });
    const stack = new LabStack(app, 'p', { rendering: 'provider', lxdProviderVersion: 'v2' });
    const node = new SshHost(stack, 'n1', {
      address: '10.0.0.11',
      lxdRemote: { address: 'https://10.0.0.11:8443', trustToken: 't' },
    });
    const cluster = LxdCluster.fromClusterAttributes(stack, 'c', { host: node, memberNames: ['n1', 'n2'] });
    new StoragePool(stack, 'data', {
      host: node,
      cluster,
      driver: 'dir',
      protect: true,
      perMember: { n1: { source: '/srv/a' }, n2: { source: '/srv/b' } },
    });
    app.synth();
    const json = JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', 'p', 'cdk.tf.json'), 'utf8'));
    const pools = resources(json, 'lxd_storage_pool').map(([, r]) => r);
    expect(pools).toHaveLength(3);
    for (const p of pools) expect(p.lifecycle).toEqual({ prevent_destroy: true });
    expect(pools.filter((p) => p.target).map((p) => [p.target, p.source])).toEqual([
      ['n1', '/srv/a'],
      ['n2', '/srv/b'],
    ]);
    expect(schemaIssues(json)).toEqual([]);
  });
});
