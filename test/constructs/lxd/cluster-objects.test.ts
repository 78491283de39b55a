/**
 * Pools and networks of a cluster: defined on each member (`--target M`, member-specific keys)
 * then globally, run under sh against a fake lxc that answers `lxc query` with the object as LXD
 * prints it (status, locations) and logs every argv; and the constructs that render them.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { Testing } from '../../../constructs/core/cdk';
import { Bridge, LabStack, LxdCluster, SshHost, StoragePool } from '../../../index';
import { networkConverge, networkConvergeCluster, poolConverge, poolConvergeCluster } from '../../../src/lxd/cli';
import { MemberObjectConfig, NetworkModel, StoragePoolModel } from '../../../src/lxd/model';
import { localExec, resourceBy, synthJson, tfUnescape, tmpDir } from '../../helpers';
import { expectRejected } from '../../helpers';

/** A fake lxc: `query URL` prints $FAKE_SHOWN (exit 1 when unset: missing), `get` prints $FAKE_OLD. */
function fakeLxc(): { bin: string; log: string } {
  const dir = tmpDir('cluster-objects-');
  const bin = path.join(dir, 'bin');
  fs.mkdirSync(bin);
  fs.writeFileSync(
    path.join(bin, 'lxc'),
    `#!${process.execPath}
const fs = require('fs');
const argv = process.argv.slice(2);
fs.appendFileSync(process.env.FAKE_LOG, JSON.stringify(argv) + '\\n');
if (argv[0] === 'query' && argv[1] !== '-X') {
  if (process.env.FAKE_SHOWN === undefined) { process.stderr.write('Error: not found\\n'); process.exit(1); }
  process.stdout.write(process.env.FAKE_SHOWN + '\\n');
}
if (argv[1] === 'get') process.stdout.write(process.env.FAKE_OLD || '');
`,
    { mode: 0o755 },
  );
  return { bin, log: path.join(dir, 'calls.log') };
}

/** Runs a script against the fake; the argv of every lxc call, in order. */
function run(s: string, shown?: object): string[][] {
  const { bin, log } = fakeLxc();
  const env: NodeJS.ProcessEnv = { PATH: `${bin}:/usr/bin:/bin`, FAKE_LOG: log, FAKE_OLD: 'user.old' };
  if (shown) env.FAKE_SHOWN = JSON.stringify(shown, null, '\t'); // lxc query indents with tabs
  const r = spawnSync('sh', ['-s'], { input: s, env, encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return fs
    .readFileSync(log, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
}

const pool: StoragePoolModel = {
  name: 'local',
  driver: 'dir',
  config: { source: '/srv/lxd', 'rsync.bwlimit': '10MiB' },
  description: 'pool',
};
const poolMembers: MemberObjectConfig[] = [
  { member: 'm1', config: { source: '/srv/lxd' } },
  { member: 'm2', config: { source: '/data/lxd' } },
];
const poolShown = (status: string, locations: string[]) => ({
  config: { 'rsync.bwlimit': '10MiB' },
  description: 'say "status":"Created"',
  name: 'local',
  driver: 'dir',
  used_by: [],
  status,
  locations,
});
const globalPoolCreate = [
  'storage',
  'create',
  'local',
  'dir',
  'rsync.bwlimit=10MiB',
  'user.cdktf.managed-keys=rsync.bwlimit',
];
const poolPatch = [
  'query',
  '-X',
  'PATCH',
  '/1.0/storage-pools/local',
  '--wait',
  '--data',
  JSON.stringify({
    description: 'pool',
    config: { 'rsync.bwlimit': '10MiB', 'user.cdktf.managed-keys': 'rsync.bwlimit' },
  }),
];

describe('cluster storage pool script', () => {
  test('missing: defined on each member with its keys, then created globally with the others, then patched', () => {
    expect(run(poolConvergeCluster(pool, poolMembers))).toEqual([
      ['query', '/1.0/storage-pools/local'],
      ['storage', 'create', 'local', 'dir', 'source=/srv/lxd', '--target', 'm1'],
      ['storage', 'create', 'local', 'dir', 'source=/data/lxd', '--target', 'm2'],
      globalPoolCreate,
      poolPatch,
    ]);
  });

  test('pending on m1 (an apply cut short): m1 is skipped, m2 defined, then the global create', () => {
    expect(run(poolConvergeCluster(pool, poolMembers), poolShown('Pending', ['m1']))).toEqual([
      ['query', '/1.0/storage-pools/local'],
      ['storage', 'create', 'local', 'dir', 'source=/data/lxd', '--target', 'm2'],
      globalPoolCreate,
      poolPatch,
    ]);
  });

  test('pending on every member: only the global create', () => {
    expect(run(poolConvergeCluster(pool, poolMembers), poolShown('Pending', ['m1', 'm2']))).toEqual([
      ['query', '/1.0/storage-pools/local'],
      globalPoolCreate,
      poolPatch,
    ]);
  });

  test('created: only patched, keys set before and no longer declared removed', () => {
    expect(run(poolConvergeCluster(pool, poolMembers), poolShown('Created', ['m1', 'm2']))).toEqual([
      ['query', '/1.0/storage-pools/local'],
      ['storage', 'get', 'local', 'user.cdktf.managed-keys'],
      poolPatch,
      ['storage', 'unset', 'local', 'user.old'],
    ]);
  });

  test('a member name that is a prefix of another is not taken for it', () => {
    const calls = run(poolConvergeCluster(pool, [{ member: 'm1', config: {} }]), poolShown('Pending', ['m10']));
    expect(calls[1]).toEqual(['storage', 'create', 'local', 'dir', '--target', 'm1']);
  });

  test('the one-daemon script is not changed by any of this', () => {
    expect(poolConverge(pool)).not.toContain('--target');
    expect(poolConverge(pool)).toContain('lxc query -X POST /1.0/storage-pools');
  });
});

describe('cluster network script', () => {
  const net: NetworkModel = {
    name: 'cbr0',
    type: 'bridge',
    description: '',
    config: {
      'ipv4.address': 'auto',
      'ipv4.nat': 'true',
      'ipv6.address': 'none',
      'bridge.external_interfaces': 'eth1',
    },
  };
  const members: MemberObjectConfig[] = [
    { member: 'm1', config: { 'bridge.external_interfaces': 'eth1' } },
    { member: 'm2', config: {} },
  ];
  const globalCreate = [
    'network',
    'create',
    'cbr0',
    'ipv4.address=auto',
    'ipv4.nat=true',
    'ipv6.address=none',
    'user.cdktf.managed-keys=ipv4.address ipv4.nat ipv6.address',
  ];
  // `auto` is sent only at creation: LXD would pick a new subnet each time.
  const patch = [
    'query',
    '-X',
    'PATCH',
    '/1.0/networks/cbr0',
    '--wait',
    '--data',
    JSON.stringify({
      description: '',
      config: {
        'ipv4.nat': 'true',
        'ipv6.address': 'none',
        'user.cdktf.managed-keys': 'ipv4.address ipv4.nat ipv6.address',
      },
    }),
  ];

  test('missing: on each member (member keys only), then globally with addresses', () => {
    expect(run(networkConvergeCluster(net, members))).toEqual([
      ['query', '/1.0/networks/cbr0'],
      ['network', 'create', 'cbr0', 'bridge.external_interfaces=eth1', '--target', 'm1'],
      ['network', 'create', 'cbr0', '--target', 'm2'],
      globalCreate,
      patch,
    ]);
  });

  test('pending on both: the global create; created: only patched', () => {
    const shown = (status: string) => ({
      config: {},
      description: '',
      name: 'cbr0',
      type: 'bridge',
      managed: true,
      status,
      locations: ['m1', 'm2'],
    });
    expect(run(networkConvergeCluster(net, members), shown('Pending'))).toEqual([
      ['query', '/1.0/networks/cbr0'],
      globalCreate,
      patch,
    ]);
    expect(run(networkConvergeCluster(net, members), shown('Created'))).toEqual([
      ['query', '/1.0/networks/cbr0'],
      ['network', 'get', 'cbr0', 'user.cdktf.managed-keys'],
      patch,
      ['network', 'unset', 'cbr0', 'user.old'],
    ]);
    expect(networkConverge(net)).not.toContain('--target');
  });
});

function clusterStack() {
  const app = Testing.app();
  const stack = new LabStack(app, 'lab');
  const h1 = new SshHost(stack, 'h1', { address: '10.0.0.1', user: 'ubuntu', sudo: true });
  const h2 = new SshHost(stack, 'h2', { address: '10.0.0.2', user: 'ubuntu', sudo: true });
  const cluster = new LxdCluster(stack, 'cl', {
    members: [
      { host: h1, name: 'm1', address: '10.0.0.1:8443' },
      { host: h2, name: 'm2', address: '10.0.0.2:8443' },
    ],
  });
  return { stack, cluster, h1, h2 };
}

describe('StoragePool and Bridge on a cluster', () => {
  test('per-member keys rendered per member, the rest globally; after the cluster is formed', () => {
    const { stack, cluster } = clusterStack();
    new StoragePool(stack, 'local', {
      host: cluster.host,
      cluster,
      driver: 'lvm',
      size: '10GiB',
      perMember: { m2: { source: '/dev/sdb' } },
    });
    const br = new Bridge(stack, 'cbr0', {
      host: cluster.host,
      cluster,
      ipv4Address: '10.10.0.1/24',
      perMember: { m1: { 'bridge.external_interfaces': 'eth1' } },
    });
    br.addStaticLease({ hostname: 'pxe', ipv4Address: '10.10.0.5' });
    const json = synthJson(stack);
    const poolConv = resourceBy(json, 'local_pool_converge');
    const s = tfUnescape(localExec(poolConv).environment.CDKTF_LAB_SCRIPT);
    expect(s).toContain('lxc storage create local lvm size=10GiB --target m1 >/dev/null');
    expect(s).toContain('lxc storage create local lvm size=10GiB source=/dev/sdb --target m2 >/dev/null');
    expect(s).toContain(
      "lxc storage create local lvm 'user.cdktf.managed-keys=user.cdktf.owner user.cdktf.path' user.cdktf.owner=lab user.cdktf.path=lab/local >/dev/null",
    );
    expect(poolConv.triggers_replace.settings.perMember).toEqual([
      { member: 'm1', config: { size: '10GiB' } },
      { member: 'm2', config: { size: '10GiB', source: '/dev/sdb' } },
    ]);
    expect(JSON.stringify(resourceBy(json, 'local_pool_object').depends_on)).toContain('cl_membership');
    const n = tfUnescape(localExec(resourceBy(json, 'cbr0_network_converge')).environment.CDKTF_LAB_SCRIPT);
    expect(n).toContain('lxc network create cbr0 bridge.external_interfaces=eth1 --target m1 >/dev/null');
    expect(n).toContain('lxc network create cbr0 --target m2 >/dev/null');
    expect(n).toContain('ipv4.address=10.10.0.1/24');
    expect(n).toContain('dhcp-host=pxe,10.10.0.5');
  });

  test('a pool or network not on a cluster renders as before', () => {
    const { stack, h1 } = clusterStack();
    new StoragePool(stack, 'local', { host: h1, driver: 'dir' });
    const json = synthJson(stack);
    const conv = resourceBy(json, 'local_pool_converge');
    expect(conv.triggers_replace.settings.perMember).toBeUndefined();
    const claim = {
      owner: 'lab',
      from: [],
      adopt: false,
      what: 'pool local',
      path: 'lab/local',
      where: 'cluster m1+m2 via ssh 10.0.0.1:22',
    };
    expect(tfUnescape(localExec(conv).environment.CDKTF_LAB_SCRIPT)).toBe(
      poolConverge(
        { name: 'local', driver: 'dir', config: conv.triggers_replace.settings.config, description: '' },
        undefined,
        claim,
      ),
    );
  });
});

describe('validation', () => {
  const twoHosts = (stack: LabStack) => {
    const h1 = new SshHost(stack, 'h1', { address: '10.0.0.1', user: 'u' });
    const h2 = new SshHost(stack, 'h2', { address: '10.0.0.2', user: 'u' });
    const cluster = new LxdCluster(stack, 'cl', {
      members: [
        { host: h1, name: 'm1', address: '10.0.0.1:8443' },
        { host: h2, name: 'm2', address: '10.0.0.2:8443' },
      ],
    });
    return { h2, cluster };
  };
  test('perMember without a cluster', () => {
    expectRejected(
      ({ stack, host }) => new StoragePool(stack, 'p', { host, driver: 'dir', perMember: { m1: { source: '/a' } } }),
      { path: 'lab/p', property: 'perMember', reason: 'per-member keys need a cluster' },
    );
  });
  test('declared on another member than the first', () => {
    expectRejected(
      ({ stack }) => {
        const { h2, cluster } = twoHosts(stack);
        new Bridge(stack, 'b', { host: h2, cluster });
      },
      { path: 'lab/b', property: 'host', value: 'lab/h2', fix: 'cluster.host' },
    );
  });
  test('a member the cluster does not have', () => {
    expectRejected(
      ({ stack }) => {
        const { cluster } = twoHosts(stack);
        new StoragePool(stack, 'p', {
          host: cluster.host,
          cluster,
          driver: 'dir',
          perMember: { m3: { source: '/a' } },
        });
      },
      { path: 'lab/p', property: 'perMember.m3', value: 'm3', fix: 'm1, m2' },
    );
  });
  test('a cluster-wide key, or a member key the driver does not take, per member', () => {
    expectRejected(
      ({ stack }) => {
        const { cluster } = twoHosts(stack);
        new Bridge(stack, 'b', { host: cluster.host, cluster, perMember: { m1: { 'ipv4.address': '10.0.0.1/24' } } });
      },
      {
        path: 'lab/b',
        property: 'perMember.m1.ipv4.address',
        reason: 'not a member-specific key',
        fix: 'bridge.external_interfaces',
      },
    );
    expectRejected(
      ({ stack }) => {
        const { cluster } = twoHosts(stack);
        new StoragePool(stack, 'p', {
          host: cluster.host,
          cluster,
          driver: 'dir',
          perMember: { m1: { size: '1GiB' } },
        });
      },
      { path: 'lab/p', property: 'perMember.m1.size', value: 'size' },
    );
  });
});
