/** StoragePool: a size of zero bytes. */
import { StoragePool } from '../../../index';
import { checkLxdSize } from '../../../src/validation/size';
import { expectAccepted, expectRejected } from './helpers';

describe('StoragePool size', () => {
  it.each(['0GiB', '0', '0B', '0.0GB'])('rejects %j', (size) => {
    expectRejected(({ stack, host }) => new StoragePool(stack, 'data', { host, driver: 'btrfs', size }),
      { path: 'lab/data', property: 'size', value: size, reason: /more than zero bytes/, fix: /10GiB/ });
  });

  it('accepts a positive size', () => {
    expect(checkLxdSize('0GiB')).toBeUndefined(); // a size as such; only pool, disk and memory sizes must be positive
    expect(checkLxdSize('1B', { positive: true })).toBeUndefined();
    expectAccepted(({ stack, host }) => new StoragePool(stack, 'data', { host, driver: 'btrfs', size: '20GiB' }));
  });
});
