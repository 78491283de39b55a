/**
 * Migration between two standalone LXD (and Incus) servers, each in its own network namespace
 * (the cluster fixture's daemons, no cluster formed): a container with a data file on the source
 * is taken by the destination's converge (`migrateFrom`): the library's script adds the source as
 * a remote with a trust token (never in any output), copies or moves the container cold, and the
 * instance converge applies the declared settings; converging again changes nothing.
 */
import * as fs from 'fs';
import { instanceMigrateFromRemote, migrationRemoteName } from '../../src/lxd/cluster';
import { instanceConverge } from '../../src/lxd/cli';
import { INCUS_BACKEND, LXD_BACKEND } from '../../src/lxd/backend';
import { INCUS, LXD } from './support/lib/daemon';
import { ClusterFixture, poolDir, startCluster } from './support/lxd-cluster';
import { describeE2E } from './support/prereqs';

jest.setTimeout(240000);

const cases = [
  { name: 'LXD', flavor: LXD, b: LXD_BACKEND, extra: [] as string[], subnet: '10.126.41' },
  { name: 'Incus', flavor: INCUS, b: INCUS_BACKEND, extra: ['incus'], subnet: '10.126.42' },
];

for (const { name: label, flavor, b, extra, subnet } of cases)
  describeE2E(
    `${label} migration between two standalone servers`,
    () => {
      let c: ClusterFixture;
      beforeAll(() => {
        c = startCluster(subnet, 2, flavor);
      });
      afterAll(() => {
        if (c) expect(c.stop()).toEqual([]);
      });
      const ok = (i: number, args: string[]) => {
        const r = c.lxc(i, args);
        if (r.code !== 0) throw new Error(`${b.client} ${args.join(' ')}: ${r.stderr}`);
        return r.stdout;
      };
      const state = (i: number, name: string) => ok(i, ['list', `^${name}$`, '-c', 'ns', '-f', 'csv']).trim();
      // LXD 5.0 names the client with --name; later LXD and Incus take it as an argument. The token is the last line.
      const token = (name: string) =>
        ok(0, ['config', 'trust', 'add', ...(flavor.kind === 'lxd' ? ['--name', name] : [name]), '--quiet'])
          .trim()
          .split('\n')
          .pop() ?? '';
      const address = `https://${subnet}.1:8443`;
      const converge = (name: string, mode: 'move' | 'copy', tok: string) => {
        const s =
          instanceMigrateFromRemote({ name, remote: migrationRemoteName(address), address, mode }, tok, b) +
          instanceConverge(
            {
              name,
              image: 'busybox',
              profiles: ['default'],
              config: { 'user.migrated': 'yes' },
              devices: {},
              state: 'running',
              description: 'migrated',
            },
            b,
          );
        return c.run(c.nodes[1].runner, s);
      };

      test('two servers: a pool and a root disk each, an image and containers with data on the source', () => {
        c.nodes.forEach((n, i) => {
          fs.mkdirSync(poolDir(n.daemon), { recursive: true });
          ok(i, ['config', 'set', 'core.https_address', n.address]);
          ok(i, ['storage', 'create', 'local', 'dir', `source=${poolDir(n.daemon)}`]);
          ok(i, ['profile', 'device', 'add', 'default', 'root', 'disk', 'path=/', 'pool=local']);
        });
        ok(0, ['image', 'import', c.image, '--alias', 'busybox']);
        for (const name of ['moved', 'copied']) {
          ok(0, ['launch', 'busybox', name]);
          ok(0, ['exec', name, '--', 'sh', '-c', `echo ${name}-data > /root/data`]);
        }
      });

      test('move: the container comes with its data and is gone from the source; the token is in no output', () => {
        const tok = token('dest-move');
        const out = converge('moved', 'move', tok);
        expect(out).not.toContain(tok);
        expect(state(1, 'moved')).toBe('moved,RUNNING');
        expect(ok(1, ['exec', 'moved', '--', 'cat', '/root/data']).trim()).toBe('moved-data');
        expect(ok(1, ['config', 'get', 'moved', 'user.migrated']).trim()).toBe('yes');
        expect(state(0, 'moved')).toBe('');
        converge('moved', 'move', 'spent'); // converged: nothing taken, the remote is not added again
        expect(state(1, 'moved')).toBe('moved,RUNNING');
        expect(ok(1, ['exec', 'moved', '--', 'cat', '/root/data']).trim()).toBe('moved-data');
      });

      test('copy: both exist, the source running again; converging again changes nothing', () => {
        // The destination's client trusts the source already (the remote added for the move): no new token needed.
        converge('copied', 'copy', '');
        expect(state(1, 'copied')).toBe('copied,RUNNING');
        expect(ok(1, ['exec', 'copied', '--', 'cat', '/root/data']).trim()).toBe('copied-data');
        expect(state(0, 'copied')).toBe('copied,RUNNING');
        const before = ok(1, ['config', 'show', 'copied']);
        converge('copied', 'copy', '');
        expect(ok(1, ['config', 'show', 'copied'])).toBe(before);
      });

      test('teardown', () => {
        for (const [i, name] of [
          [0, 'copied'],
          [1, 'copied'],
          [1, 'moved'],
        ] as const)
          ok(i, ['delete', '--force', name]);
        ok(0, ['image', 'delete', 'busybox']);
        for (let i = 0; i < 2; i++) {
          ok(i, ['profile', 'device', 'remove', 'default', 'root']);
          for (const img of ok(i, ['image', 'list', '-c', 'f', '-f', 'csv']).trim().split('\n').filter(Boolean))
            ok(i, ['image', 'delete', img]);
          ok(i, ['storage', 'delete', 'local']);
        }
      });
    },
    extra,
  );
