/**
 * cloud-config for an Incus VM host (src/cloudinit/incus.ts): every rendering passes the real
 * `cloud-init schema` (22.4.2); the package comes from bookworm-backports on Debian 12 and from the
 * archive on Ubuntu 24.04+; the preseed is a root-only file applied once by `incus admin init --preseed`;
 * what Incus rejects is reported before anything is rendered. The first-boot script is run for real
 * against a stand-in `incus` that records its calls.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { parse } from 'yaml';
import {
  checkIncusCloudConfig,
  INCUS_PRESEED_PATH,
  incusCloudConfigHasSecret,
  incusCloudConfigParts,
  IncusCloudConfigOptions,
  incusPreseedScript,
  renderIncusCloudConfig,
} from '../../../src/cloudinit/incus';
import { PreseedDocument } from '../../../src/lxd/preseed';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'incus-cloudinit-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
let n = 0;

/** Runs `cloud-init schema --config-file` on `text`. */
function schemaCheck(text: string): { status: number | null; output: string } {
  const file = path.join(dir, `user-data-${n++}.yaml`);
  fs.writeFileSync(file, text);
  const r = spawnSync('cloud-init', ['schema', '--config-file', file], { encoding: 'utf8', timeout: 60000 });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}
function expectSchemaValid(text: string): void {
  expect(schemaCheck(text)).toEqual({ status: 0, output: expect.stringContaining('Valid cloud-config') });
}

/** The LXD preseed the library's CloudConfig would apply for a dir pool and a NAT bridge. */
const PRESEED: PreseedDocument = {
  config: { 'core.https_address': '[::]:8443', 'images.auto_update_interval': 6 },
  networks: [
    { name: 'incusbr0', config: { 'ipv4.address': '10.20.0.1/24', 'ipv4.nat': 'true', 'ipv6.address': 'none' } },
  ],
  storagePools: [{ name: 'default', driver: 'dir' }],
  profiles: [
    {
      name: 'default',
      devices: {
        root: { type: 'disk', path: '/', pool: 'default' },
        eth0: { type: 'nic', name: 'eth0', network: 'incusbr0' },
      },
    },
  ],
};
const DEBIAN12 = { distro: 'debian', version: '12' } as const;

describe('incusCloudConfigParts', () => {
  test('Ubuntu 24.04 (default): the archive package, the preseed as a root-only file, one first-boot script', () => {
    const parts = incusCloudConfigParts({ preseed: PRESEED });
    expect(parts.apt).toBeUndefined();
    expect(parts.packages).toEqual(['incus']);
    expect(parts.write_files).toEqual([
      { path: INCUS_PRESEED_PATH, content: expect.any(String), permissions: '0600', owner: 'root:root' },
    ]);
    expect(parse(parts.write_files![0].content)).toEqual({
      config: { 'core.https_address': '[::]:8443', 'images.auto_update_interval': 6 },
      networks: [
        {
          name: 'incusbr0',
          type: 'bridge',
          config: { 'ipv4.address': '10.20.0.1/24', 'ipv4.nat': 'true', 'ipv6.address': 'none' },
        },
      ],
      storage_pools: [{ name: 'default', driver: 'dir' }],
      profiles: [
        {
          name: 'default',
          devices: {
            eth0: { name: 'eth0', network: 'incusbr0', type: 'nic' },
            root: { path: '/', pool: 'default', type: 'disk' },
          },
        },
      ],
    });
    expect(parts.runcmd).toEqual([['sh', '-c', incusPreseedScript()]]);
    expect(incusPreseedScript()).toContain('incus admin init --preseed < /var/lib/cloud/incus-preseed.yaml');
    expectSchemaValid(renderIncusCloudConfig({ preseed: PRESEED }));
  });

  test('Debian 12: a bookworm-backports apt source and an install with -t (plain `packages: [incus]` cannot resolve QEMU 8)', () => {
    const parts = incusCloudConfigParts({ preseed: PRESEED, os: DEBIAN12 });
    expect(parts.apt).toEqual({
      sources: { 'incus-backports.list': { source: 'deb $MIRROR bookworm-backports main' } },
    });
    expect(parts.packages).toBeUndefined();
    expect(parts.runcmd).toEqual([
      ['sh', '-c', 'DEBIAN_FRONTEND=noninteractive apt-get install -y -t bookworm-backports incus'],
      ['sh', '-c', incusPreseedScript()],
    ]);
    expectSchemaValid(renderIncusCloudConfig({ preseed: PRESEED, os: DEBIAN12 }));
    const own = incusCloudConfigParts({
      os: DEBIAN12,
      package: 'incus-base',
      backportsMirror: 'http://mirror.example.test/debian',
    });
    expect(own.apt?.sources['incus-backports.list'].source).toBe(
      'deb http://mirror.example.test/debian bookworm-backports main',
    );
    expect(own.runcmd).toEqual([
      ['sh', '-c', 'DEBIAN_FRONTEND=noninteractive apt-get install -y -t bookworm-backports incus-base'],
    ]);
    expect(own.write_files).toBeUndefined();
  });

  test('Debian 13 and later Ubuntu releases take the archive package; no preseed means install only', () => {
    expect(incusCloudConfigParts({ os: { distro: 'debian', version: '13' } })).toEqual({ packages: ['incus'] });
    expect(incusCloudConfigParts({ os: { distro: 'ubuntu', version: '26.04' }, package: 'incus-base' })).toEqual({
      packages: ['incus-base'],
    });
    expectSchemaValid(renderIncusCloudConfig({ os: { distro: 'debian', version: '13' } }));
  });

  test('a preseed given as YAML text is written as is; a custom path is quoted in the script', () => {
    const text = 'storage_pools:\n- name: default\n  driver: dir\n';
    const parts = incusCloudConfigParts({ preseed: text, preseedPath: "/root/my preseed's.yaml" });
    expect(parts.write_files?.[0]).toMatchObject({ path: "/root/my preseed's.yaml", content: text });
    expect(parts.runcmd?.[0][2]).toContain(`incus admin init --preseed < '/root/my preseed'\\''s.yaml'`);
    expectSchemaValid(renderIncusCloudConfig({ preseed: text, preseedPath: "/root/my preseed's.yaml" }));
  });

  test('a cluster join token makes the parts secret', () => {
    expect(incusCloudConfigHasSecret({ preseed: PRESEED })).toBe(false);
    expect(
      incusCloudConfigHasSecret({ preseed: { cluster: { enabled: true, serverName: 'n2', clusterToken: 'tok' } } }),
    ).toBe(true);
  });
});

describe('checkIncusCloudConfig', () => {
  const props = (o: IncusCloudConfigOptions) => checkIncusCloudConfig(o).map((p) => `${p.property}: ${p.reason}`);

  test('a valid preseed on a supported OS has no problems', () => {
    expect(props({ preseed: PRESEED })).toEqual([]);
    expect(props({ preseed: PRESEED, os: DEBIAN12 })).toEqual([]);
    expect(
      props({
        preseed: {
          storagePools: [
            { name: 'nas', driver: 'truenas' },
            { name: 'l', driver: 'lvmcluster' },
          ],
        },
      }),
    ).toEqual([]);
  });

  test('what Incus rejects at `incus admin init`: trust password, fan bridge, vendor drivers, join password', () => {
    const problems = checkIncusCloudConfig({
      preseed: {
        config: { 'core.trust_password': 's3cret' },
        networks: [{ name: 'fan0', config: { 'bridge.mode': 'fan' } }],
        storagePools: [{ name: 'arr', driver: 'alletra' }],
        cluster: { serverName: 'n2', clusterAddress: '10.0.0.1:8443', clusterPassword: 'pw' },
      },
    });
    expect(problems.map((p) => `${p.property}: ${p.reason}`)).toEqual([
      'preseed.storagePools.arr.driver: not a storage driver Incus knows',
      'preseed.config.core.trust_password: Incus has no trust password',
      'preseed.networks.fan0.config.bridge.mode: Incus has no fan bridges',
      'preseed.cluster.clusterPassword: Incus has no cluster join password',
    ]);
    expect(JSON.stringify(problems)).not.toContain('s3cret');
    expect(JSON.stringify(problems)).not.toContain('"pw"');
  });

  test('releases without an incus package, and a relative preseed path', () => {
    expect(props({ os: { distro: 'ubuntu', version: '22.04' } })).toEqual([
      'os: no incus package for this release (Incus is in Debian 12 backports, Debian 13+, Ubuntu 24.04+)',
    ]);
    expect(props({ os: { distro: 'debian', version: '11' } })).toHaveLength(1);
    expect(props({ os: { distro: 'ubuntu', version: 'noble' } })).toHaveLength(1);
    expect(props({ os: { distro: 'ubuntu', version: '24.10' } })).toEqual([]);
    expect(props({ preseedPath: 'preseed.yaml' })).toEqual(['preseedPath: not an absolute path']);
  });
});

describe('the first-boot script', () => {
  /** A stand-in `incus` that appends its argv and stdin to a log. */
  function standin(): { bin: string; log: string } {
    const bin = fs.mkdtempSync(path.join(dir, 'bin-'));
    const log = path.join(bin, 'calls.log');
    fs.writeFileSync(
      path.join(bin, 'incus'),
      `#!/bin/sh\necho "incus $*" >> ${log}\n[ "$2" = init ] && sed 's/^/  stdin: /' >> ${log}\nexit 0\n`,
      { mode: 0o755 },
    );
    return { bin, log };
  }

  test('waits, applies the preseed from the file, removes it, and does nothing the second time', () => {
    const { bin, log } = standin();
    const file = path.join(dir, 'preseed.yaml');
    const parts = incusCloudConfigParts({ preseed: PRESEED, preseedPath: file });
    fs.writeFileSync(file, parts.write_files![0].content, { mode: 0o600 });
    const [cmd, flag, script] = parts.runcmd![0];
    const env = { ...process.env, PATH: `${bin}:${process.env.PATH}` };
    expect(spawnSync(cmd, [flag, script], { env, encoding: 'utf8' }).status).toBe(0);
    const calls = fs.readFileSync(log, 'utf8');
    expect(calls).toMatch(/^incus admin waitready --timeout=600\nincus admin init --preseed\n {2}stdin: config:\n/);
    expect(calls).toContain('  stdin:   - name: incusbr0\n');
    expect(fs.existsSync(file)).toBe(false);
    expect(fs.existsSync(`${file}.done`)).toBe(true);
    expect(spawnSync(cmd, [flag, script], { env, encoding: 'utf8' }).status).toBe(0);
    expect(fs.readFileSync(log, 'utf8')).toBe(calls);
  });

  test('a failing init fails the script and leaves the file and no marker (runcmd reports it)', () => {
    const { bin } = standin();
    fs.writeFileSync(
      path.join(bin, 'incus'),
      '#!/bin/sh\n[ "$2" = init ] && { echo "Error: bad preseed" >&2; exit 1; }\nexit 0\n',
      { mode: 0o755 },
    );
    const file = path.join(dir, 'bad.yaml');
    fs.writeFileSync(file, 'x: 1\n');
    const r = spawnSync('sh', ['-c', incusPreseedScript(file)], {
      env: { ...process.env, PATH: `${bin}:${process.env.PATH}` },
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('Error: bad preseed');
    expect(fs.existsSync(file)).toBe(true);
    expect(fs.existsSync(`${file}.done`)).toBe(false);
  });
});
