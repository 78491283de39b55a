/** A cluster formed outside the app: `LxdCluster.fromClusterAttributes` places objects on its members. */
import { Testing } from '../../../constructs/core/cdk';
import { LabStack, LxdCluster, SshHost, StoragePool } from '../../../index';
import { localExec, resourceBy, synthJson, tfUnescape } from '../../helpers';
import { expectRejected } from '../../helpers';

describe('LxdCluster.fromClusterAttributes', () => {
  it('pools on it are defined per member, through the given host, without forming a cluster', () => {
    const stack = new LabStack(Testing.app(), 'lab');
    const node1 = new SshHost(stack, 'node1', { address: '10.0.0.1', user: 'ubuntu' });
    const cluster = LxdCluster.fromClusterAttributes(stack, 'cluster', {
      host: node1,
      memberNames: ['node1', 'node2'],
    });
    expect(cluster.memberNames).toEqual(['node1', 'node2']);
    new StoragePool(stack, 'local', {
      host: cluster.host,
      cluster,
      driver: 'lvm',
      size: '10GiB',
      perMember: { node2: { source: '/dev/sdb' } },
    });
    const json = synthJson(stack);
    const s = tfUnescape(localExec(resourceBy(json, 'local_pool_converge')).environment.CDKTF_LAB_SCRIPT);
    expect(s).toContain('lxc storage create local lvm size=10GiB --target node1 >/dev/null');
    expect(s).toContain('lxc storage create local lvm size=10GiB source=/dev/sdb --target node2 >/dev/null');
    expect(Object.keys(json.resource.terraform_data).filter((k) => k.startsWith('cluster_'))).toEqual([]);
  });

  it('checks member names where objects name them', () => {
    expectRejected(
      ({ stack, host }) => {
        const cluster = LxdCluster.fromClusterAttributes(stack, 'cluster', { host, memberNames: ['node1'] });
        new StoragePool(stack, 'local', { host, cluster, driver: 'lvm', perMember: { node9: { source: '/dev/sdb' } } });
      },
      { path: 'lab/local', property: 'perMember.node9', value: 'node9', reason: /not a member/, fix: /node1/ },
    );
  });

  it.each([
    [[], 'memberNames', [], /at least one member/, /lxc cluster list/],
    [['node1', 'node1'], 'memberNames[1]', 'node1', /listed twice/, /each member once/],
    [['node 1'], 'memberNames[0]', 'node 1', /./, /./],
  ])('rejects memberNames %j', (memberNames, property, value, reason, fix) => {
    expectRejected(({ stack, host }) => LxdCluster.fromClusterAttributes(stack, 'cluster', { host, memberNames }), {
      path: 'lab/cluster',
      property,
      value,
      reason,
      fix,
    });
  });
});
