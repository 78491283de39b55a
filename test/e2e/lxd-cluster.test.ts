/**
 * A real two-member LXD (and Incus) cluster formed by the library's scripts: daemons in two network
 * namespaces joined by a veth pair; the bootstrap and the token join (the token never in any
 * output), pools and a bridge per member then globally, a container created on the targeted
 * member, moved to the other with its data, published, relaunched from its image; and a clean
 * teardown where the joined member leaves the cluster.
 */
import * as fs from 'fs';
import { clusterBootstrap, clusterJoin, clusterMemberRemove, clusterMembersConverge } from '../../src/lxd/cluster';
import {
  instanceConverge,
  instanceDelete,
  imageDelete,
  networkConvergeCluster,
  poolConvergeCluster,
} from '../../src/lxd/cli';
import { imagePublish } from '../../src/lxd/publish';
import { INCUS_BACKEND, LXD_BACKEND } from '../../src/lxd/backend';
import { INCUS, LXD } from './support/lib/daemon';
import { ClusterFixture, poolDir, startCluster } from './support/lxd-cluster';
import { describeE2E } from './support/prereqs';

jest.setTimeout(240000);

const cases = [
  { name: 'LXD', flavor: LXD, b: LXD_BACKEND, extra: [] as string[] },
  { name: 'Incus', flavor: INCUS, b: INCUS_BACKEND, extra: ['incus'] },
];

for (const { name: label, flavor, b, extra } of cases)
  describeE2E(
    `${label} cluster (two daemons in two network namespaces)`,
    () => {
      let c: ClusterFixture;
      beforeAll(() => {
        c = startCluster('10.126.31', 2, flavor);
      });
      afterAll(() => {
        if (c) expect(c.stop()).toEqual([]);
      });
      const ok = (i: number, args: string[]) => {
        const r = c.lxc(i, args);
        if (r.code !== 0) throw new Error(`${b.client} ${args.join(' ')}: ${r.stderr}`);
        return r.stdout;
      };
      const where = (name: string) => ok(0, ['list', `^${name}$`, '-c', 'nsL', '-f', 'csv']).trim();
      const container = (name: string, image: string, target: string) =>
        instanceConverge(
          { name, image, profiles: ['default'], config: {}, devices: {}, state: 'running', description: '', target },
          b,
        );

      test('bootstrap and join with a token; converging again changes nothing', () => {
        const [m1, m2] = c.nodes;
        c.run(m1.runner, clusterBootstrap(m1, b));
        const join = clusterJoin(m2, m1.address, { cluster: m1.runner, member: m2.runner }, b);
        const out = c.run('sh -s', join);
        expect(out).not.toMatch(/eyJ/); // base64 of '{"' starts every token
        c.run('sh -s', join);
        c.run(m1.runner, clusterBootstrap(m1, b));
        c.run(m1.runner, clusterMembersConverge(['m2'], 'user.cdktf.members.e2e', b));
        const members = ok(0, ['cluster', 'list', '-f', 'csv']);
        expect(members).toMatch(/^m1,https:\/\/10\.126\.31\.1:8443,.*ONLINE/m);
        expect(members).toMatch(/^m2,https:\/\/10\.126\.31\.2:8443,.*ONLINE/m);
        expect(ok(0, ['cluster', 'list-tokens', '-f', 'csv']).trim()).toBe('');
      });

      test('pool and bridge per member then global; a container lands on its target, moves with its data, is published and relaunched', () => {
        const [, m2] = c.nodes;
        // The library's cluster scripts: defined on each member, then created cluster-wide; converging again changes nothing.
        for (const n of c.nodes) fs.mkdirSync(poolDir(n.daemon), { recursive: true });
        const pool = poolConvergeCluster(
          { name: 'local', driver: 'dir', config: {}, description: '' },
          c.nodes.map((n) => ({ member: n.name, config: { source: poolDir(n.daemon) } })),
          b,
        );
        const net = networkConvergeCluster(
          {
            name: 'cbr0',
            type: 'bridge',
            description: '',
            config: { 'ipv4.address': '10.126.32.1/24', 'ipv6.address': 'none', 'ipv4.nat': 'true' },
          },
          c.nodes.map((n) => ({ member: n.name, config: {} })),
          b,
        );
        for (let i = 0; i < 2; i++) {
          c.run(c.nodes[0].runner, pool);
          c.run(c.nodes[0].runner, net);
        }
        expect(JSON.parse(ok(0, ['query', '/1.0/storage-pools/local'])).status).toBe('Created');
        expect(JSON.parse(ok(0, ['query', '/1.0/networks/cbr0'])).config).toMatchObject({
          'ipv4.address': '10.126.32.1/24',
          'ipv4.nat': 'true',
        });
        for (const n of c.nodes)
          expect(JSON.parse(ok(0, ['query', `/1.0/storage-pools/local?target=${n.name}`])).config.source).toBe(
            poolDir(n.daemon),
          );
        ok(0, ['profile', 'device', 'add', 'default', 'root', 'disk', 'path=/', 'pool=local']);
        ok(0, ['profile', 'device', 'add', 'default', 'eth0', 'nic', 'network=cbr0', 'name=eth0']);
        ok(0, ['image', 'import', c.image, '--alias', 'busybox']);

        c.run(c.nodes[0].runner, container('web', 'busybox', 'm2'));
        expect(where('web')).toBe('web,RUNNING,m2');
        ok(0, ['exec', 'web', '--', 'sh', '-c', 'echo keep-me > /root/data']);
        c.run(c.nodes[0].runner, container('web', 'busybox', 'm1'));
        expect(where('web')).toBe('web,RUNNING,m1');
        expect(ok(0, ['exec', 'web', '--', 'cat', '/root/data']).trim()).toBe('keep-me');
        c.run(c.nodes[0].runner, container('web', 'busybox', 'm1')); // converged: no move
        expect(where('web')).toBe('web,RUNNING,m1');

        const publish = imagePublish(
          { instance: 'web', alias: 'web-img', properties: { os: 'busybox' }, rebuild: '1' },
          b,
        );
        c.run(c.nodes[0].runner, publish);
        const fp = ok(0, ['image', 'list', 'web-img', '-c', 'f', '-f', 'csv']).trim();
        c.run(c.nodes[0].runner, publish);
        expect(ok(0, ['image', 'list', 'web-img', '-c', 'f', '-f', 'csv']).trim()).toBe(fp); // not rebuilt
        expect(where('web')).toBe('web,RUNNING,m1'); // started again after the publish

        c.run(c.nodes[0].runner, container('clone', 'web-img', m2.name));
        expect(where('clone')).toBe('clone,RUNNING,m2');
        expect(ok(0, ['exec', 'clone', '--', 'cat', '/root/data']).trim()).toBe('keep-me');
      });

      test('teardown leaves no object and no joined member', () => {
        const m1 = c.nodes[0];
        for (const s of [
          instanceDelete('clone', b),
          instanceDelete('web', b),
          imageDelete('web-img', b),
          imageDelete('busybox', b),
        ])
          c.run(m1.runner, s);
        ok(0, ['profile', 'device', 'remove', 'default', 'root']);
        ok(0, ['profile', 'device', 'remove', 'default', 'eth0']);
        ok(0, ['network', 'delete', 'cbr0']);
        ok(0, ['storage', 'delete', 'local']);
        c.run(m1.runner, clusterMembersConverge([], 'user.cdktf.members.e2e', b));
        c.run(m1.runner, clusterMemberRemove('m2', b)); // already gone: no error
        expect(
          ok(0, ['cluster', 'list', '-f', 'csv'])
            .trim()
            .split('\n')
            .map((l) => l.split(',')[0]),
        ).toEqual(['m1']);
        expect(ok(0, ['list', '-f', 'csv']).trim()).toBe('');
        expect(ok(0, ['image', 'list', '-f', 'csv']).trim()).toBe('');
        expect(ok(0, ['config', 'get', 'user.cdktf.members.e2e']).trim()).toBe('');
      });
    },
    extra,
  );
