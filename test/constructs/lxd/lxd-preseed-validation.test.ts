/** LxdPreseed: unknown storage pool drivers and config keys LXD cannot store. */
import * as fs from 'fs';
import { TerraformVariable } from '../../../constructs/core/cdk';
import { LocalHost, LxdPreseed } from '../../../index';
import { checkPreseed } from '../../../src/lxd/preseed';
import { expectAccepted, expectRejected } from '../../helpers';

describe('LxdPreseed storage pool driver', () => {
  it.each(['ext4', 'ZFS', 'lvmcluster'])('rejects %j on an LXD host', (driver) => {
    expectRejected(
      ({ stack, host }) =>
        new LxdPreseed(stack, 'init', { host, preseed: { storagePools: [{ name: 'data', driver }] } }),
      {
        path: 'lab/init',
        property: 'preseed.storagePools.data.driver',
        value: driver,
        reason: /not a storage driver LXD knows/,
        fix: /use one of dir, btrfs, lvm, zfs, ceph, cephfs, cephobject/,
      },
    );
  });

  it('knows the drivers of the host backend', () => {
    expectRejected(
      ({ stack }) =>
        new LxdPreseed(stack, 'init', {
          host: new LocalHost(stack, 'incus', { backend: 'incus' }),
          preseed: { storagePools: [{ name: 'data', driver: 'powerflex' }] },
        }),
      {
        path: 'lab/init',
        property: 'preseed.storagePools.data.driver',
        value: 'powerflex',
        reason: /Incus/,
        fix: /lvmcluster/,
      },
    );
    expect(checkPreseed({ storagePools: [{ name: 'd', driver: 'lvmcluster' }] }, 'incus')).toEqual([]);
  });

  it.each(['dir', 'btrfs', 'lvm', 'zfs', 'ceph', 'cephfs', 'cephobject'])('accepts the LXD 5.0 driver %s', (driver) => {
    expectAccepted(
      ({ stack, host }) =>
        new LxdPreseed(stack, 'init', { host, preseed: { storagePools: [{ name: 'data', driver }] } }),
    );
  });
});

describe('LxdPreseed config keys', () => {
  it.each([
    ['preseed.config.core.https address', { config: { 'core.https address': '[::]:8443' } }, 'core.https address'],
    [
      'preseed.networks.br0.config.ipv4 .address',
      { networks: [{ name: 'br0', config: { 'ipv4 .address': 'auto' } }] },
      'ipv4 .address',
    ],
    [
      'preseed.storagePools.data.config.volume size',
      { storagePools: [{ name: 'data', driver: 'dir', config: { 'volume size': '1GiB' } }] },
      'volume size',
    ],
    [
      'preseed.profiles.default.config.limits.cpu ',
      { profiles: [{ name: 'default', config: { 'limits.cpu ': '2' } }] },
      'limits.cpu ',
    ],
    [
      'preseed.projects.p.config.features images',
      { projects: [{ name: 'p', config: { 'features images': 'true' } }] },
      'features images',
    ],
  ])('rejects %s', (property, preseed, value) => {
    expectRejected(({ stack, host }) => new LxdPreseed(stack, 'init', { host, preseed }), {
      path: 'lab/init',
      property,
      value,
      reason: /not a valid config key/,
      fix: /limits\.memory/,
    });
  });

  it('accepts dotted keys', () => {
    expectAccepted(
      ({ stack, host }) =>
        new LxdPreseed(stack, 'init', {
          host,
          preseed: {
            config: { 'core.https_address': '[::]:8443', 'images.auto_update_interval': 6 },
            profiles: [{ name: 'default', config: { 'limits.memory': '2GiB' } }],
          },
        }),
    );
  });
});

describe('LxdPreseed values', () => {
  it('rejects a NUL byte in a config value', () => {
    expectRejected(
      ({ stack, host }) =>
        new LxdPreseed(stack, 'init', { host, preseed: { config: { 'core.https_address': '[::]:8443\0' } } }),
      { path: 'lab/init', property: 'preseed.config.core.https_address', value: '[::]:8443\0', reason: /NUL byte/ },
    );
  });

  it('takes a TerraformVariable.value (a token object) where a string goes, as it takes .stringValue', () => {
    for (const read of [(v: TerraformVariable) => v.value, (v: TerraformVariable) => v.stringValue]) {
      const [file] = expectAccepted(({ stack, host }) => {
        const trustPassword = new TerraformVariable(stack, 'trust_password', { type: 'string', sensitive: true });
        new LxdPreseed(stack, 'init', { host, preseed: { config: { 'core.trust_password': read(trustPassword) } } });
      });
      expect(fs.readFileSync(file, 'utf8')).toContain('core.trust_password: ${jsonencode(var.trust_password)}');
    }
  });
});
