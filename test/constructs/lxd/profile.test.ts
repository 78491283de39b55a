/** Profile: a relative disk source. */
import { Profile } from '../../../index';
import { expectAccepted, expectRejected } from '../../helpers';

describe('Profile addDisk', () => {
  it('rejects a relative source', () => {
    expectRejected(
      ({ stack, host }) =>
        new Profile(stack, 'share', { host }).addDisk('apt', { source: 'etc/apt', path: '/etc/apt' }),
      {
        path: 'lab/share',
        property: 'addDisk(apt).source',
        value: 'etc/apt',
        reason: /not an absolute host path/,
        fix: /absolute path/,
      },
    );
  });

  it('accepts an absolute source', () => {
    expectAccepted(({ stack, host }) =>
      new Profile(stack, 'share', { host }).addDisk('apt', { source: '/etc/apt/', path: '/etc/apt/' }),
    );
  });
});

describe('Profile props with a NUL byte', () => {
  it('rejects one in a config value, a device or an addDisk path', () => {
    expectRejected(({ stack, host }) => new Profile(stack, 'p', { host, config: { 'user.x': 'a\0' } }), {
      path: 'lab/p',
      property: 'config.user.x',
      value: 'a\0',
      reason: /NUL byte/,
    });
    expectRejected(
      ({ stack, host }) => new Profile(stack, 'p', { host, devices: { gpu: { type: 'gpu', id: '\0' } } }),
      { path: 'lab/p', property: 'devices.gpu.id', value: '\0', reason: /NUL byte/ },
    );
    expectRejected(
      ({ stack, host }) => new Profile(stack, 'p', { host }).addDisk('apt', { source: '/etc/apt', path: '/etc/apt\0' }),
      { path: 'lab/p', property: 'addDisk(apt).path', value: '/etc/apt\0', reason: /NUL byte/ },
    );
  });
});
