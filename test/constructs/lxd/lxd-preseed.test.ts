/**
 * Preseed: seed 001's cluster preseeds (node01 bootstrap, node02 join) rendered from the typed
 * model parse back to a tree whose every key is allowed by LXD's strict preseed parser
 * (reference/formats/lxd-preseed.md, section 2), with string values in every string map.
 */
import * as fs from 'fs';
import { Testing } from '../../../constructs/core/cdk';
import { parse } from 'yaml';
import { LabStack, LocalHost, LxdPreseed, PreseedDocument, preseedTree, renderPreseed } from '../../../index';
import { initToPreseed } from '../../../src/cloudinit/lxd-module';
import { validationErrorOf } from '../../helpers';

// ---------------------------------------------------------------------------------------------
// The key tree of `api.InitPreseed` (section 2 of lxd-preseed.md)
// ---------------------------------------------------------------------------------------------

type Spec =
  'string' | 'bool' | 'anyMap' | 'stringMap' | 'devices' | { readonly list: Spec } | { readonly [key: string]: Spec };

const S = 'string' as const;
const MEMBER_CONFIG: Spec = { entity: S, name: S, key: S, value: S, description: S };
const VOLUME_SOURCE: Spec = {
  name: S,
  type: S,
  pool: S,
  certificate: S,
  mode: S,
  operation: S,
  secrets: 'stringMap',
  volume_only: 'bool',
  refresh: 'bool',
  project: S,
  location: S,
};
const PRESEED: Spec = {
  config: 'anyMap',
  networks: { list: { name: S, type: S, config: 'stringMap', description: S, project: S } },
  storage_pools: { list: { name: S, driver: S, config: 'stringMap', description: S } },
  storage_volumes: {
    list: {
      name: S,
      type: S,
      content_type: S,
      config: 'stringMap',
      description: S,
      restore: S,
      source: VOLUME_SOURCE,
      pool: S,
      project: S,
    },
  },
  profiles: { list: { name: S, description: S, config: 'stringMap', devices: 'devices' } },
  projects: { list: { name: S, description: S, config: 'stringMap', storage: S, network: S } },
  cluster: {
    server_name: S,
    enabled: 'bool',
    member_config: { list: MEMBER_CONFIG },
    cluster_address: S,
    cluster_certificate: S,
    server_address: S,
    cluster_token: S,
    cluster_password: S,
    cluster_certificate_path: S,
  },
};

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every key or value of `value` that LXD's strict parser would reject, as `path: reason`. */
function checkTree(value: unknown, spec: Spec, at = ''): string[] {
  const where = at || '(top)';
  if (spec === 'string')
    return typeof value === 'string' ? [] : [`${where}: expected a string, got ${JSON.stringify(value)}`];
  if (spec === 'bool')
    return typeof value === 'boolean' ? [] : [`${where}: expected a boolean, got ${JSON.stringify(value)}`];
  if (spec === 'anyMap') return isPlainObject(value) ? [] : [`${where}: expected a map`];
  if (spec === 'stringMap') {
    if (!isPlainObject(value)) return [`${where}: expected a map of strings`];
    return Object.entries(value).flatMap(([k, v]) => checkTree(v, 'string', `${at}.${k}`));
  }
  if (spec === 'devices') {
    if (!isPlainObject(value)) return [`${where}: expected a map of devices`];
    return Object.entries(value).flatMap(([k, v]) => [
      ...checkTree(v, 'stringMap', `${at}.${k}`),
      ...(isPlainObject(v) && typeof v.type === 'string' ? [] : [`${at}.${k}: a device needs a type`]),
    ]);
  }
  if ('list' in spec && Object.keys(spec).length === 1 && typeof spec.list !== 'undefined') {
    if (!Array.isArray(value)) return [`${where}: expected a list`];
    return value.flatMap((v, i) => checkTree(v, spec.list as Spec, `${at}[${i}]`));
  }
  if (!isPlainObject(value)) return [`${where}: expected an object`];
  const fields = spec as Record<string, Spec>;
  return Object.entries(value).flatMap(([k, v]) =>
    k in fields ? checkTree(v, fields[k], `${at}.${k}`) : [`${at}.${k}: unknown field (strict parse error)`],
  );
}

// ---------------------------------------------------------------------------------------------
// Seed 001
// ---------------------------------------------------------------------------------------------

const SEED = fs.readFileSync('/work/shared/seeds/001_1a1a667dda2a9cf1.txt', 'utf8');

/** The YAML of a ```name.yml fenced block of the seed. */
function seedBlock(name: string): string {
  const start = SEED.indexOf(`\`\`\`${name}\n`);
  if (start < 0) throw new Error(`no block ${name}`);
  const body = SEED.slice(start + name.length + 4);
  return body.slice(0, body.indexOf('\n```'));
}

/** The certificate of node02.yml as the PEM it was meant to be (one base64 line per line). */
function seedCertificate(): string {
  const block = seedBlock('node02.yml');
  const lines = block.slice(block.indexOf('-----BEGIN CERTIFICATE-----')).split('\n');
  const end = lines.findIndex((l) => l.startsWith('-----END'));
  return `${lines.slice(0, end).join('\n')}\n-----END CERTIFICATE-----\n`;
}

const NODE01: PreseedDocument = {
  config: { 'core.https_address': '192.168.10.170:8443', 'core.trust_password': 'cluster' },
  cluster: { serverName: 'node01', enabled: true, clusterAddress: '', clusterCertificate: '', clusterPassword: '' },
  networks: [{ name: 'lxdfan0', type: 'bridge', description: '', config: { 'bridge.mode': 'fan' } }],
  storagePools: [{ name: 'default', driver: 'btrfs' }],
  profiles: [
    {
      name: 'default',
      description: '',
      config: {},
      devices: { eth0: { name: 'eth0', nictype: 'bridged', parent: 'lxdfan0', type: 'nic' } },
    },
  ],
};

const NODE02: PreseedDocument = {
  config: {
    'core.trust_password': 'password',
    'core.https_address': '192.168.10.180:8443',
    'images.auto_update_interval': 15,
  },
  storagePools: [{ name: 'default', driver: 'btrfs' }],
  networks: [{ name: 'lxdbr0', type: 'bridge', config: { 'ipv4.address': '172.16.0.2/24', 'ipv6.address': 'none' } }],
  profiles: [
    {
      name: 'default',
      devices: {
        root: { path: '/', pool: 'default', type: 'disk' },
        eth0: { name: 'eth0', nictype: 'bridged', parent: 'lxdbr0', type: 'nic' },
      },
    },
  ],
  cluster: {
    enabled: true,
    serverName: 'node02',
    serverAddress: '192.168.10.180:8443',
    clusterAddress: '10.0.0.1:8443',
    clusterCertificate: seedCertificate(),
    clusterPassword: 'cluster',
    memberConfig: [{ entity: 'storage-pool', name: 'default', key: 'source', value: '' }],
  },
};

describe('the key-tree checker', () => {
  it('accepts the example shipped in preseed_yaml_fields.md and rejects unknown fields and non-string values', () => {
    const doc = fs.readFileSync('/work/shared/reference/formats/lxd-preseed.md', 'utf8');
    const example = doc.slice(doc.indexOf('```yaml\nconfig:') + 8);
    expect(checkTree(parse(example.slice(0, example.indexOf('```'))), PRESEED)).toEqual([]);
    expect(
      checkTree({ profiles: [{ name: 'x', 'security.nesting': true, config: { 'limits.cpu': 2 } }] }, PRESEED),
    ).toEqual([
      '.profiles[0].security.nesting: unknown field (strict parse error)',
      '.profiles[0].config.limits.cpu: expected a string, got 2',
    ]);
  });

  it("flags the seed's own node01.yml: `managed` is not a preseed field", () => {
    expect(checkTree(parse(seedBlock('node01.yml')), PRESEED)).toEqual([
      '.networks[0].managed: unknown field (strict parse error)',
    ]);
  });
});

describe.each([
  ['node01 (bootstrap)', NODE01],
  ['node02 (join)', NODE02],
])('seed 001 %s', (_name, doc) => {
  const text = renderPreseed(doc);
  const tree = parse(text);

  it('parses back to a tree that LXD strict parsing accepts', () => {
    expect(checkTree(tree, PRESEED)).toEqual([]);
    expect(tree).toEqual(preseedTree(doc));
  });

  it('keeps cluster fields, member_config and secrets exactly', () => {
    expect(tree.cluster.enabled).toBe(true);
    expect(tree.cluster.server_name).toBe(doc.cluster!.serverName);
    expect(tree.cluster.cluster_password).toBe(doc.cluster!.clusterPassword);
    expect(tree.cluster.cluster_certificate).toBe(doc.cluster!.clusterCertificate);
    expect(tree.cluster.member_config ?? []).toEqual(doc.cluster!.memberConfig ?? []);
    expect(tree.config['core.trust_password']).toBe(doc.config!['core.trust_password']);
  });

  it('network, pool and profile config and device values are strings', () => {
    const maps = [
      ...(tree.networks ?? []).map((n: { config?: object }) => n.config),
      ...(tree.storage_pools ?? []).map((p: { config?: object }) => p.config),
      ...(tree.profiles ?? []).flatMap((p: { config?: object; devices?: Record<string, object> }) => [
        p.config,
        ...Object.values(p.devices ?? {}),
      ]),
    ].filter((m) => m !== undefined);
    expect(maps.length).toBeGreaterThan(1);
    for (const m of maps) for (const v of Object.values(m)) expect(typeof v).toBe('string');
  });

  it('is applied by LxdPreseed as a sensitive converge', () => {
    const stack = new LabStack(Testing.app(), 'lab');
    const p = new LxdPreseed(stack, 'init', { host: new LocalHost(stack, 'h'), preseed: doc });
    expect(p.preseed).toBe(doc);
    expect(Testing.synth(stack, true)).toContain('${sensitive(');
  });
});

describe('seed 001 node02 specifics', () => {
  it("renders the certificate as a real multi-line PEM (the seed's own YAML does not even parse)", () => {
    const tree = parse(renderPreseed(NODE02));
    expect(tree.cluster.cluster_certificate).toBe(NODE02.cluster!.clusterCertificate);
    expect(tree.cluster.cluster_certificate.split('\n')).toHaveLength(32); // BEGIN, 30 base64 lines, END, ''
    expect(tree.cluster.cluster_certificate).toMatch(
      /^-----BEGIN CERTIFICATE-----\nMIIFXDCC[\s\S]*\n-----END CERTIFICATE-----\n$/,
    );
    // the seed's double-quoted scalar continues at column 0, inside a mapping: not YAML
    expect(() => parse(seedBlock('node02.yml'))).toThrow(/Missing closing "quote/);
  });

  it('keeps an integer server config value (the top-level config map takes any type)', () => {
    expect(parse(renderPreseed(NODE02)).config['images.auto_update_interval']).toBe(15);
  });
});

describe('other preseeds the library renders', () => {
  it('cloud-init init/bridge translations and a join token pass the key tree', () => {
    const docs: PreseedDocument[] = [
      initToPreseed(
        { storageBackend: 'zfs', storageCreateLoop: 80, networkAddress: '0.0.0.0', trustPassword: 's' },
        { mode: 'new', ipv4Address: '10.0.0.1', ipv4Netmask: 24, domain: 'lab.test', mtu: 1400 },
      ),
      initToPreseed(undefined, { mode: 'existing', name: 'br0' }),
      {
        cluster: { serverName: 'n3', enabled: true, clusterToken: 'tok', serverAddress: '10.0.0.3:8443' },
        storageVolumes: [{ name: 'backups', pool: 'default', contentType: 'filesystem', config: { size: '10GiB' } }],
        projects: [{ name: 'lab', config: { 'features.images': 'true' }, storage: 'default', network: 'lxdbr0' }],
      },
    ];
    for (const d of docs) expect(checkTree(parse(renderPreseed(d)), PRESEED)).toEqual([]);
  });

  it('LxdPreseed rejects a join with both a token and a password', () => {
    const stack = new LabStack(Testing.app(), 'lab');
    const err = validationErrorOf(
      () =>
        new LxdPreseed(stack, 'p', {
          host: new LocalHost(stack, 'h'),
          preseed: { cluster: { enabled: true, clusterToken: 't', clusterPassword: 'p' } },
        }),
    );
    expect(err.problems[0]).toMatchObject({
      path: 'lab/p',
      property: 'preseed.cluster',
      fix: expect.stringContaining('clusterToken'),
    });
  });
});
