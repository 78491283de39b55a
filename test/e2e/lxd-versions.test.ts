/**
 * What the scripts rely on across daemon versions, against a real LXD 5.0.2 and a real Incus 6.0:
 * `lxc query --wait` (every state-changing query of the library goes through changeQuery) waits for
 * an asynchronous operation and fails when it fails, where the plain form returns 0 as soon as the
 * operation is created; the daemon's version is read where a trust-password check reads it; the
 * check lets LXD 5.0 take its trust password; and the command forms that Incus 7 reads differently
 * (`config set KEY=VALUE`, `image set-property`) work on the versions here.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { changeQuery, preseedApply, script } from '../../src/lxd/cli';
import { BackendSpec, imageSetProperty, INCUS_BACKEND, LXD_BACKEND } from '../../src/lxd/backend';
import { refuseTrustPasswordLines, serverVersionLines } from '../../src/lxd/version';
import { cleanupAllIncus, startIncus } from './support/incus-daemon';
import { cleanupAll, DaemonFixture, RunResult, runAsync, startLxd } from './support/lxd-daemon';
import { describeE2E } from './support/prereqs';

jest.setTimeout(180000);

interface Daemon extends DaemonFixture {
  json(p: string): Promise<any>;
}

const cases: { label: string; b: BackendSpec; start: () => Promise<Daemon>; extra: string[] }[] = [
  {
    label: 'LXD 5.0',
    b: LXD_BACKEND,
    extra: [],
    start: async () => {
      const d = await startLxd({ name: 'versions' });
      return { ...d, json: d.lxcJson };
    },
  },
  {
    label: 'Incus 6.0',
    b: INCUS_BACKEND,
    extra: ['incus'],
    start: async () => {
      const d = await startIncus({ name: 'versions' });
      return { ...d, json: d.incusJson };
    },
  },
];

for (const { label, b, start, extra } of cases)
  describeE2E(
    `${label}: what the scripts rely on across versions`,
    () => {
      let d: Daemon;
      const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'versions-'));
      /** A script run as local-exec runs it: sh, the daemon's environment. */
      const sh = (text: string): Promise<RunResult> => runAsync('sh', ['-c', text], { env: d.env });
      const client = (args: string[]) => runAsync(b.client, args, { env: d.env });

      beforeAll(async () => {
        d = await start();
        await d.importBusybox();
        fs.mkdirSync(path.join(tmp, 'pool'));
        const init = await sh(
          preseedApply(
            {
              storagePools: [{ name: 'default', driver: 'dir', config: { source: path.join(tmp, 'pool') } }],
              profiles: [{ name: 'default', devices: { root: { type: 'disk', path: '/', pool: 'default' } } }],
            },
            b,
          ),
        );
        expect(init.stderr).toBe('');
      });
      afterAll(async () => {
        await (b.name === 'lxd' ? cleanupAll() : cleanupAllIncus());
        fs.rmSync(tmp, { recursive: true, force: true });
      });

      it('reads the daemon version where the scripts read it', async () => {
        const server = await d.json('/1.0');
        const r = await sh(
          script([...serverVersionLines(`${b.client} query /1.0`), 'echo "$lxd_version $lxd_major $lxd_minor"']),
        );
        expect(r.code).toBe(0);
        const [major, minor] = server.environment.server_version.split('.');
        expect(r.stdout).toBe(`${server.environment.server_version} ${major} ${minor}\n`);
        expect(server.environment.server_version).toMatch(b.name === 'lxd' ? /^5\.0\./ : /^6\.0\./);
      });

      it('changeQuery waits for an asynchronous operation: the instance exists when it returns', async () => {
        const r = await sh(
          changeQuery(b, 'POST', '/1.0/instances', { name: 'w1', source: { type: 'image', alias: 'busybox' } }),
        );
        expect([r.code, r.stderr]).toEqual([0, '']);
        expect(r.stdout).toBe(''); // the operation's reply is dropped
        expect((await d.json('/1.0/instances/w1')).status).toBe('Stopped');
        const patched = await sh(changeQuery(b, 'PATCH', '/1.0/instances/w1', { config: { 'user.note': 'waited' } }));
        expect(patched.code).toBe(0);
        expect((await d.json('/1.0/instances/w1')).config['user.note']).toBe('waited');
      });

      it('changeQuery fails when the operation fails, where the plain query may not', async () => {
        const body = { name: 'w2', source: { type: 'image', alias: 'no-such-image' } };
        const waited = await sh(changeQuery(b, 'POST', '/1.0/instances', body));
        expect(waited.code).not.toBe(0);
        expect(waited.stderr).toMatch(/^Error: /);
        const plain = await client([
          'query',
          '-X',
          'POST',
          '/1.0/instances',
          '--data',
          JSON.stringify({ ...body, name: 'w3' }),
        ]);
        // Incus 6.0 runs this creation as an operation: without --wait the failure passes with exit 0.
        // LXD 5.0.2 rejects it before creating one (as LXD 6.8+ now runs pool and network changes).
        expect(plain.code).toBe(b.name === 'incus' ? 0 : 1);
        if (b.name === 'incus')
          expect(JSON.parse(plain.stdout)).toMatchObject({ class: 'task', description: 'Creating instance' });
      });

      it('config set KEY=VALUE (Incus 7 deprecates KEY VALUE) and image set-property as the scripts write them', async () => {
        expect((await sh(`${b.client} config set 'user.cdktf.members.e2e=m2 m3'`)).code).toBe(0);
        expect((await client(['config', 'get', 'user.cdktf.members.e2e'])).stdout).toBe('m2 m3\n');
        const set = await sh(imageSetProperty(b, 'busybox', 'user.cdktf.owner', 'lab two'));
        expect([set.code, set.stderr]).toEqual([0, '']);
        expect((await client(['image', 'get-property', 'busybox', 'user.cdktf.owner'])).stdout).toBe('lab two\n');
      });

      if (b.name === 'lxd') {
        it('the trust-password check lets LXD 5.0 apply a preseed with core.trust_password', async () => {
          const r = await sh(
            script(refuseTrustPasswordLines('lxc query /1.0', 'the preseed of e2e')) +
              preseedApply({ config: { 'core.trust_password': 's3cret' } }),
          );
          expect([r.code, r.stderr]).toEqual([0, '']);
          expect((await d.json('/1.0')).config['core.trust_password']).toBe(true);
        });
      } else {
        it('Incus ships the images: and local: remotes only (OCI registries are added by the user)', async () => {
          const conf = fs.mkdtempSync(path.join(tmp, 'conf-'));
          const r = await runAsync('incus', ['remote', 'list', '-f', 'csv'], { env: { ...d.env, INCUS_CONF: conf } });
          expect(
            r.stdout
              .trim()
              .split('\n')
              .map((l) => l.split(',')[0].replace(/ \(current\)$/, ''))
              .sort(),
          ).toEqual([...INCUS_BACKEND.knownRemotes].sort());
        });
      }
    },
    extra,
  );
