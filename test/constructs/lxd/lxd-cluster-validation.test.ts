/** LxdCluster: member answers (`memberConfig`) with a NUL byte. */
import { LxdCluster, SshHost } from '../../../index';
import { expectRejected } from '../../helpers';

describe('LxdCluster members', () => {
  it('rejects a NUL byte in a member answer', () => {
    expectRejected(
      ({ stack, host }) =>
        new LxdCluster(stack, 'cl', {
          members: [
            { host, name: 'm1', address: '10.0.0.1:8443' },
            {
              host: new SshHost(stack, 'h2', { address: '10.0.0.2' }),
              name: 'm2',
              address: '10.0.0.2:8443',
              memberConfig: [{ entity: 'storage-pool', name: 'local', key: 'source', value: '/srv\0' }],
            },
          ],
        }),
      {
        path: 'lab/cl',
        property: 'members[1].memberConfig[0].value',
        value: '/srv\0',
        reason: /NUL byte/,
        fix: /remove the NUL byte/,
      },
    );
  });
});
