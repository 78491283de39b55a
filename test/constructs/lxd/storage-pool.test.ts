/** StoragePool: a size of zero bytes. */
import { StoragePool } from '../../../index';
import { checkLxdSize } from '../../../src/validation/size';
import { expectAccepted, expectRejected } from '../../helpers';

describe('StoragePool size', () => {
  it.each(['0GiB', '0', '0B', '0.0GB'])('rejects %j', (size) => {
    expectRejected(({ stack, host }) => new StoragePool(stack, 'data', { host, driver: 'btrfs', size }), {
      path: 'lab/data',
      property: 'size',
      value: size,
      reason: /more than zero bytes/,
      fix: /10GiB/,
    });
  });

  it('accepts a positive size', () => {
    expect(checkLxdSize('0GiB')).toBeUndefined(); // a size as such; only pool, disk and memory sizes must be positive
    expect(checkLxdSize('1B', { positive: true })).toBeUndefined();
    expectAccepted(({ stack, host }) => new StoragePool(stack, 'data', { host, driver: 'btrfs', size: '20GiB' }));
  });
});

describe('StoragePool props with a NUL byte or a wrong type', () => {
  it('rejects a NUL byte in source, and protect given as a string', () => {
    expectRejected(({ stack, host }) => new StoragePool(stack, 'data', { host, driver: 'dir', source: '/srv/lxd\0' }), {
      path: 'lab/data',
      property: 'source',
      value: '/srv/lxd\0',
      reason: /NUL byte/,
      fix: /remove the NUL byte/,
    });
    expectRejected(
      ({ stack, host }) => new StoragePool(stack, 'data', { host, driver: 'dir', protect: 'no' as never }),
      { path: 'lab/data', property: 'protect', value: 'no', reason: /would count as true/, fix: /true or false/ },
    );
  });
});
