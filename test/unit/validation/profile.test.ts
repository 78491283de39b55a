/** Profile: a relative disk source. */
import { Profile } from '../../../index';
import { expectAccepted, expectRejected } from './helpers';

describe('Profile addDisk', () => {
  it('rejects a relative source', () => {
    expectRejected(({ stack, host }) => new Profile(stack, 'share', { host }).addDisk('apt', { source: 'etc/apt', path: '/etc/apt' }),
      { path: 'lab/share', property: 'addDisk(apt).source', value: 'etc/apt', reason: /not an absolute host path/, fix: /absolute path/ });
  });

  it('accepts an absolute source', () => {
    expectAccepted(({ stack, host }) => new Profile(stack, 'share', { host }).addDisk('apt', { source: '/etc/apt/', path: '/etc/apt/' }));
  });
});
