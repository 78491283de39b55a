/**
 * cloud-init: every CloudConfig rendered here passes the real `cloud-init schema` (22.4.2), and
 * `lxd.init`/`lxd.bridge` come out as an `lxd.preseed` with NAT set the way LXD reads it.
 */
import * as fs from 'fs';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { Testing } from '../../../constructs/core/cdk';
import { parse } from 'yaml';
import { CloudConfig, CloudConfigProps, LabStack, MultipassVm } from '../../../index';
import { buildLab } from '../../../examples/default';
import { localExec, resourceBy, synthJson, tfUnescape, tmpDir } from '../../helpers';

const dir = tmpDir('spine-cloudinit-');
let n = 0;

/** Runs `cloud-init schema --config-file` on `text`. */
function schemaCheck(text: string): { status: number | null; output: string } {
  const file = path.join(dir, `user-data-${n++}.yaml`);
  fs.writeFileSync(file, text);
  const r = spawnSync('cloud-init', ['schema', '--config-file', file], { encoding: 'utf8', timeout: 60000 });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

function expectSchemaValid(text: string): void {
  const r = schemaCheck(text);
  expect({ status: r.status, output: r.output }).toEqual({
    status: 0,
    output: expect.stringContaining('Valid cloud-config'),
  });
}

const APT_JP = [{ arches: ['amd64', 'default'], uri: 'http://jp.archive.ubuntu.com/ubuntu/' }];

/** Seed 000, cloud-config example 1. */
const SEED000_V1: CloudConfigProps = {
  locale: 'en_US.utf8',
  timezone: 'Asia/Tokyo',
  packageUpgrade: true,
  packageRebootIfRequired: true,
  aptPrimary: APT_JP,
  lxd: { init: { storageBackend: 'zfs', storageCreateLoop: 80 }, bridge: { mode: 'new', name: 'lxdbr0' } },
};

/** Seed 000, cloud-config example 2: fixed bridge address, no IPv6, a domain, containers from runcmd. */
const SEED000_V2: CloudConfigProps = {
  ...SEED000_V1,
  lxd: {
    init: { storageBackend: 'zfs', storageCreateLoop: 80 },
    bridge: {
      mode: 'new',
      name: 'lxdbr0',
      ipv4Address: '192.168.255.1',
      ipv4Netmask: 24,
      ipv4Nat: true,
      ipv6Address: 'none',
      domain: 'my-lxd.test',
    },
  },
  runcmd: [
    'sudo -u multipass lxc init ubuntu:18.04 u1',
    'sudo -u multipass lxc network attach lxdbr0 u1 eth0 eth0',
    'sudo -u multipass lxc config device set u1 eth0 ipv4.address 192.168.255.2',
    'sudo -u multipass lxc start u1',
  ],
};

const FULL: CloudConfigProps = {
  hostname: 'lab',
  locale: 'en_US.UTF-8',
  timezone: 'UTC',
  packageUpdate: true,
  packageUpgrade: false,
  aptPrimary: [{ uri: 'http://deb.example.test/ubuntu/' }, { arches: ['arm64'], uri: 'http://ports.example.test/' }],
  packages: ['jq', 'curl', 'zfsutils-linux'],
  users: [
    {
      name: 'ops',
      sshAuthorizedKeys: ['ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIB ops@lab'],
      sudo: 'ALL=(ALL) NOPASSWD:ALL',
      groups: ['lxd', 'adm'],
    },
    { name: 'ci_bot', shell: '/bin/sh' },
  ],
  sshAuthorizedKeys: ['ssh-rsa AAAAB3NzaC1yc2E default@lab'],
  writeFiles: [
    { path: '/etc/motd', content: 'welcome: "lab" $(not run)\n', permissions: '0644', owner: 'root:root' },
    { path: '/etc/lab/flag', content: 'x', append: true, defer: true },
  ],
  runcmd: ['echo "hello" > /tmp/x', ['lxc', 'list', '--format', 'csv']],
  lxd: { init: { storageBackend: 'btrfs', storageCreateLoop: 20, networkAddress: '0.0.0.0', networkPort: 8443 } },
};

const PRESEED_TYPED: CloudConfigProps = {
  lxd: {
    preseed: {
      config: { 'core.https_address': '[::]:8443', 'images.auto_update_interval': 6 },
      networks: [
        { name: 'lxdbr0', config: { 'ipv4.address': '10.20.0.1/24', 'ipv4.nat': 'true', 'ipv6.address': 'none' } },
      ],
      storagePools: [{ name: 'default', driver: 'dir' }],
      profiles: [
        {
          name: 'default',
          devices: {
            root: { type: 'disk', path: '/', pool: 'default' },
            eth0: { type: 'nic', name: 'eth0', network: 'lxdbr0' },
          },
        },
      ],
    },
  },
};

const PRESEED_RAW: CloudConfigProps = {
  packages: ['lxd'],
  lxd: { preseed: 'config: {}\nstorage_pools:\n- name: default\n  driver: dir\n' },
};

describe('cloud-init schema', () => {
  it('rejects a broken config (the checker works)', () => {
    expect(schemaCheck('#cloud-config\npackages: 5\nlxd:\n  init:\n    storage_backend: ext4\n').status).not.toBe(0);
  });

  it.each([
    ['seed 000 example 1', SEED000_V1],
    ['seed 000 example 2', SEED000_V2],
    ['users, keys, write_files, runcmd, apt mirrors, packages', FULL],
    ['typed preseed', PRESEED_TYPED],
    ['raw preseed string', PRESEED_RAW],
    ['empty', {}],
  ])('%s is valid', (_name, props) => {
    const text = new CloudConfig(props).render();
    expect(text.startsWith('#cloud-config\n')).toBe(true);
    expectSchemaValid(text);
  });

  it('the user-data that MultipassVm puts in the environment of the default example is valid', () => {
    const json = synthJson(buildLab(Testing.app()));
    const userData = tfUnescape(localExec(resourceBy(json, 'vm_converge')).environment.CDKTF_LAB_USER_DATA);
    expect(parse(userData)).toMatchObject({ packages: ['jq'], lxd: { preseed: expect.any(String) } });
    expectSchemaValid(userData);
  });
});

describe('lxd module rendering', () => {
  it('renders lxd.bridge with ipv4Nat as an lxd.preseed with ipv4.nat: "true" and no lxd.bridge', () => {
    const text = new CloudConfig(SEED000_V2).render();
    const doc = parse(text);
    expect(Object.keys(doc.lxd)).toEqual(['preseed']);
    expect(text).not.toMatch(/^\s+bridge:/m);
    expect(typeof doc.lxd.preseed).toBe('string');
    expect(doc.lxd.preseed).toContain('ipv4.nat: "true"');
    const preseed = parse(doc.lxd.preseed);
    expect(preseed.networks).toEqual([
      {
        name: 'lxdbr0',
        type: 'bridge',
        config: {
          'dns.domain': 'my-lxd.test',
          'ipv4.address': '192.168.255.1/24',
          'ipv4.nat': 'true',
          'ipv6.address': 'none',
        },
      },
    ]);
    expect(preseed.storage_pools).toEqual([{ name: 'default', driver: 'zfs', config: { size: '80GB' } }]);
    expect(preseed.profiles[0].devices).toEqual({
      root: { type: 'disk', path: '/', pool: 'default' },
      eth0: { type: 'nic', name: 'eth0', network: 'lxdbr0' },
    });
    expect(doc.runcmd).toEqual(SEED000_V2.runcmd);
    expect(doc.apt).toEqual({ primary: APT_JP });
  });

  it('keeps ipv4.nat "false" when asked and sends every network config value as a string', () => {
    const preseed = parse(
      parse(
        new CloudConfig({
          lxd: { bridge: { mode: 'new', ipv4Address: '10.1.0.1', ipv4Netmask: 24, ipv4Nat: false, mtu: 1400 } },
        }).render(),
      ).lxd.preseed,
    );
    expect(preseed.networks[0].config).toEqual({
      'ipv4.address': '10.1.0.1/24',
      'ipv4.nat': 'false',
      'ipv6.address': 'none',
      'bridge.mtu': '1400',
    });
  });

  it('rejects lxd.preseed combined with lxd.init or lxd.bridge', () => {
    for (const lxd of [
      { preseed: 'config: {}\n', init: {} },
      { preseed: { config: {} }, bridge: { mode: 'new' as const } },
    ]) {
      const problems = new CloudConfig({ lxd }).validate('lab/vm');
      expect(problems).toEqual([
        expect.objectContaining({
          path: 'lab/vm',
          property: 'cloudConfig.lxd',
          fix: expect.stringContaining('preseed'),
        }),
      ]);
      const stack = new LabStack(Testing.app(), 'lab');
      expect(() => new MultipassVm(stack, 'vm', { cloudConfig: new CloudConfig({ lxd }) })).toThrow(
        /cannot be combined/,
      );
    }
  });
});
