/**
 * MultipassVm and the CloudConfig it boots with: the launch timeout, and the cloud-config
 * values cloud-init's schema only types (lxd module sizes and prefixes, apt mirror, time zone).
 */
import { CloudConfig, MultipassVm } from '../../../index';
import { checkMirrorUri } from '../../../src/cloudinit/cloud-config';
import { checkLxdModule } from '../../../src/cloudinit/lxd-module';
import { checkTimezone } from '../../../src/cloudinit/timezone';
import { checkTimeoutSeconds } from '../../../src/multipass/vm';
import { expectAccepted, expectRejected } from '../../helpers';

describe('MultipassVm timeoutSeconds', () => {
  it.each([-1, 0, 1.5])('rejects %j', (timeoutSeconds) => {
    expectRejected(({ stack }) => new MultipassVm(stack, 'vm', { timeoutSeconds }), {
      path: 'lab/vm',
      property: 'timeoutSeconds',
      value: timeoutSeconds,
      reason: /whole number of seconds, at least 1/,
      fix: /600/,
    });
  });

  it('accepts a positive whole number', () => {
    expect(checkTimeoutSeconds(1)).toBeUndefined();
    expectAccepted(({ stack }) => new MultipassVm(stack, 'vm', { timeoutSeconds: 900 }));
  });
});

describe('CloudConfig lxd module', () => {
  const vm =
    (cloudConfig: CloudConfig) =>
    ({ stack }: { stack: import('../../../index').LabStack }) =>
      new MultipassVm(stack, 'vm', { cloudConfig });

  it.each([-10, 0, 2.5])('rejects storageCreateLoop %j', (storageCreateLoop) => {
    expectRejected(vm(new CloudConfig({ lxd: { init: { storageBackend: 'zfs', storageCreateLoop } } })), {
      path: 'lab/vm',
      property: 'cloudConfig.lxd.init.storageCreateLoop',
      value: storageCreateLoop,
      reason: /whole number of GB, at least 1/,
      fix: /20/,
    });
  });

  it.each([40, 0, 31, 32, 24.5])('rejects bridge ipv4Netmask %j', (ipv4Netmask) => {
    expectRejected(vm(new CloudConfig({ lxd: { bridge: { mode: 'new', ipv4Address: '10.0.8.1', ipv4Netmask } } })), {
      path: 'lab/vm',
      property: 'cloudConfig.lxd.bridge.ipv4Netmask',
      value: ipv4Netmask,
      reason: /prefix length from 1 to 30/,
      fix: /24/,
    });
  });

  it('rejects a bridge address that does not fit its netmask', () => {
    expectRejected(
      vm(new CloudConfig({ lxd: { bridge: { mode: 'new', ipv4Address: '10.0.8.0', ipv4Netmask: 24 } } })),
      {
        path: 'lab/vm',
        property: 'cloudConfig.lxd.bridge.ipv4Address',
        value: '10.0.8.0',
        reason: /network or broadcast/,
        fix: /10\.0\.8\.1\/24/,
      },
    );
    expectRejected(
      vm(new CloudConfig({ lxd: { bridge: { mode: 'new', ipv4Address: '10.0.8.300', ipv4Netmask: 24 } } })),
      {
        path: 'lab/vm',
        property: 'cloudConfig.lxd.bridge.ipv4Address',
        value: '10.0.8.300',
        reason: /not a valid IPv4 address/,
        fix: /dotted quad/,
      },
    );
  });

  it.each([-5, 0, 65536])('rejects bridge mtu %j', (mtu) => {
    expectRejected(vm(new CloudConfig({ lxd: { bridge: { mode: 'new', mtu } } })), {
      path: 'lab/vm',
      property: 'cloudConfig.lxd.bridge.mtu',
      value: mtu,
      reason: /68 to 65535/,
      fix: /1500/,
    });
  });

  it('rejects an unknown driver and a config key with a space in a typed preseed', () => {
    const err = expectRejected(
      vm(
        new CloudConfig({
          lxd: {
            preseed: {
              storagePools: [{ name: 'data', driver: 'ext4' }],
              config: { 'core.https address': '[::]:8443' },
            },
          },
        }),
      ),
      {
        path: 'lab/vm',
        property: 'cloudConfig.lxd.preseed.storagePools.data.driver',
        value: 'ext4',
        reason: /not a storage driver LXD knows/,
        fix: /dir, btrfs, lvm, zfs, ceph, cephfs, cephobject/,
      },
    );
    expect(err.problems.map((p) => p.property)).toEqual([
      'cloudConfig.lxd.preseed.storagePools.data.driver',
      'cloudConfig.lxd.preseed.config.core.https address',
    ]);
  });

  it('accepts the documented examples', () => {
    expect(
      checkLxdModule(
        { storageBackend: 'zfs', storagePool: 'datapool', storageCreateLoop: 10 },
        {
          mode: 'new',
          mtu: 1500,
          name: 'lxdbr0',
          ipv4Address: '10.0.8.1',
          ipv4Netmask: 24,
          ipv4DhcpFirst: '10.0.8.2',
          ipv4DhcpLast: '10.0.8.3',
        },
      ),
    ).toEqual([]);
    expect(checkLxdModule(undefined, { mode: 'new', mtu: -1, ipv4Address: 'auto' })).toEqual([]);
    expectAccepted(
      vm(
        new CloudConfig({
          lxd: {
            init: { storageBackend: 'zfs', storageCreateLoop: 10 },
            bridge: { mode: 'new', ipv4Address: '10.0.8.1', ipv4Netmask: 30, mtu: 9000 },
          },
        }),
      ),
    );
  });
});

describe('CloudConfig apt mirror', () => {
  it.each(['not a url', 'archive.ubuntu.com/ubuntu', 'mirror://x', 'http://', 'http://exa mple.com/ubuntu'])(
    'rejects %j',
    (uri) => {
      expectRejected(
        ({ stack }) =>
          new MultipassVm(stack, 'vm', {
            cloudConfig: new CloudConfig({ aptPrimary: [{ uri: 'http://jp.archive.ubuntu.com/ubuntu/' }, { uri }] }),
          }),
        {
          path: 'lab/vm',
          property: 'cloudConfig.aptPrimary[1].uri',
          value: uri,
          reason: /not an http\(s\), ftp or file URL/,
          fix: /http:\/\/archive\.ubuntu\.com\/ubuntu/,
        },
      );
    },
  );

  it.each([
    'http://jp.archive.ubuntu.com/ubuntu/',
    'https://mirror.example/ubuntu',
    'ftp://ftp.example/ubuntu',
    'file:/srv/mirror',
  ])('accepts %j', (uri) => {
    expect(checkMirrorUri(uri)).toBeUndefined();
  });
});

describe('CloudConfig timezone', () => {
  it.each([
    ['Mars/Olympus', /not a known IANA time zone/, /UTC, Europe\/Berlin or Asia\/Tokyo/],
    ['Tokyo', /not a known/, /Asia\/Tokyo/],
    ['asia/tokyo', /case-sensitive/, /write it as Asia\/Tokyo/],
    ['', /not a known/, /UTC/],
  ])('rejects %j', (timezone, reason, fix) => {
    expectRejected(({ stack }) => new MultipassVm(stack, 'vm', { cloudConfig: new CloudConfig({ timezone }) }), {
      path: 'lab/vm',
      property: 'cloudConfig.timezone',
      value: timezone,
      reason,
      fix,
    });
  });

  it.each([
    'UTC',
    'Etc/UTC',
    'Asia/Tokyo',
    'America/Argentina/Buenos_Aires',
    'Asia/Kolkata',
    'Europe/Kyiv',
    'Etc/GMT+5',
    'US/Pacific',
  ])('accepts %j', (timezone) => {
    expect(checkTimezone(timezone)).toBeUndefined();
  });

  it('a valid cloud-config synthesizes', () => {
    expectAccepted(
      ({ stack }) =>
        new MultipassVm(stack, 'vm', {
          cloudConfig: new CloudConfig({
            timezone: 'Asia/Tokyo',
            aptPrimary: [{ uri: 'http://jp.archive.ubuntu.com/ubuntu/' }],
          }),
        }),
    );
  });
});

describe('MultipassVm cloudConfig.incus.backportsMirror', () => {
  const debian12 = { distro: 'debian', version: '12' } as const;
  it.each([
    'http://deb.debian.org/debian\ndeb http://evil.example/debian bookworm main',
    'http://deb.debian.org/debian bookworm-backports main contrib #',
    'deb.debian.org/debian',
    '$MIRROR\n',
  ])('rejects %j (it is one word of an apt source line)', (backportsMirror) => {
    expectRejected(
      ({ stack }) =>
        new MultipassVm(stack, 'vm', {
          backend: 'incus',
          cloudConfig: new CloudConfig({ incus: { os: debian12, backportsMirror } }),
        }),
      {
        path: 'lab/vm',
        property: 'cloudConfig.incus.backportsMirror',
        value: backportsMirror,
        reason: /one word of an apt source line/,
        fix: /\$MIRROR or http:\/\/deb\.debian\.org\/debian/,
      },
    );
  });

  it.each(['$MIRROR', '$PRIMARY', 'http://deb.debian.org/debian', 'https://mirror.example.com/debian/'])(
    'accepts %j',
    (backportsMirror) => {
      const config = new CloudConfig({ incus: { os: debian12, backportsMirror } });
      expect(config.render()).toContain(`source: deb ${backportsMirror} bookworm-backports main\n`);
      expectAccepted(({ stack }) => new MultipassVm(stack, 'vm', { backend: 'incus', cloudConfig: config }));
    },
  );
});

describe('MultipassVm props with a NUL byte or a wrong type', () => {
  it.each([
    ['cloudConfig.runcmd[0]', new CloudConfig({ runcmd: ['echo \0'] }), 'echo \0'],
    [
      'cloudConfig.writeFiles[0].content',
      new CloudConfig({ writeFiles: [{ path: '/etc/motd', content: 'hi\0' }] }),
      'hi\0',
    ],
    [
      'cloudConfig.users[0].sshAuthorizedKeys[0]',
      new CloudConfig({ users: [{ name: 'ops', sshAuthorizedKeys: ['ssh-ed25519 A\0'] }] }),
      'ssh-ed25519 A\0',
    ],
  ])('rejects %s', (property, cloudConfig, value) => {
    expectRejected(({ stack }) => new MultipassVm(stack, 'vm', { cloudConfig }), {
      path: 'lab/vm',
      property,
      value,
      reason: /NUL byte/,
      fix: /remove the NUL byte/,
    });
  });

  it('rejects a NUL byte in a mount, and protect given as a string', () => {
    expectRejected(({ stack }) => new MultipassVm(stack, 'vm', { mounts: [{ source: '/srv\0', target: '/srv' }] }), {
      path: 'lab/vm',
      property: 'mounts[0].source',
      value: '/srv\0',
      reason: /NUL byte/,
    });
    expectRejected(({ stack }) => new MultipassVm(stack, 'vm', { protect: 'no' as never }), {
      path: 'lab/vm',
      property: 'protect',
      value: 'no',
      reason: /would count as true/,
      fix: /true or false/,
    });
  });
});
