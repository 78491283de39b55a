/**
 * One identity per daemon (constructs/core/daemons.ts): which host constructs reach the same daemon,
 * and the conflicts that are synth errors naming both constructs.
 */
import { App, Testing } from '../../../constructs/core/cdk';
import {
  Container,
  ContainerHost,
  HostReference,
  LabStack,
  LocalHost,
  LxdCluster,
  MultipassVm,
  SshHost,
} from '../../../index';
import { expectAppSynthRejected, expectProblem, synthJson } from '../../helpers';

const stack = (app: App = Testing.app(), id = 'lab') => new LabStack(app, id);

describe('which daemon a host reaches', () => {
  it('an ssh host is its address and port, whatever the user; a jump host makes another machine', () => {
    const s = stack();
    const alice = new SshHost(s, 'alice', { address: '10.0.0.5', user: 'alice' });
    const bob = new SshHost(s, 'bob', { address: '10.0.0.5', user: 'bob', sudo: true });
    const other = new SshHost(s, 'other', { address: '10.0.0.5', port: 2222 });
    expect(alice.hostId).toBe('ssh:10.0.0.5:22/lxd');
    expect(bob.hostId).toBe(alice.hostId);
    expect(other.hostId).toBe('ssh:10.0.0.5:2222/lxd');
  });

  it('the deploying machine is one daemon per backend; a VM is its name; a reference is its host', () => {
    const a = stack(Testing.app(), 'a');
    expect(new LocalHost(a, 'l').hostId).toBe('local/lxd');
    expect(new LocalHost(a, 'i', { backend: 'incus' }).hostId).toBe('local/incus');
    const vm = new MultipassVm(a, 'vm', { name: 'lab-vm' });
    expect(vm.hostId).toBe('multipass:lab-vm/lxd');
    expect(new HostReference(a, 'ref', { host: vm }).hostId).toBe(vm.hostId);
  });

  it("an instance used as a host is that instance on its parent's daemon, the cluster for a member", () => {
    const s = stack();
    const m1 = new SshHost(s, 'm1', { address: '10.0.0.11' });
    const m2 = new SshHost(s, 'm2', { address: '10.0.0.12', user: 'alice', sudo: true });
    const c = new Container(s, 'mb', { host: m2, image: 'busybox' });
    const inside = new ContainerHost(s, 'inside', { container: c });
    expect(inside.hostId).toBe('ssh:10.0.0.12:22/lxd/instance:mb/lxd');
    new LxdCluster(s, 'cluster', {
      members: [
        { host: m1, name: 'm1', address: '10.0.0.11:8443' },
        { host: m2, name: 'm2', address: '10.0.0.12:8443' },
      ],
    });
    // Every member is the cluster, and so is an instance on any member.
    expect(m1.hostId).toBe('cluster:ssh:10.0.0.11:22/lxd');
    expect(m2.hostId).toBe(m1.hostId);
    expect(inside.hostId).toBe('cluster:ssh:10.0.0.11:22/lxd/instance:mb/lxd');
  });

  it('host constructs of one daemon share one prune in a stack; the cluster is read through its first member', () => {
    const s = stack();
    const m1 = new SshHost(s, 'm1', { address: '10.0.0.11' });
    const m2 = new SshHost(s, 'm2', { address: '10.0.0.12' });
    new SshHost(s, 'm1-again', { address: '10.0.0.11', user: 'bob' });
    const cluster = new LxdCluster(s, 'cluster', {
      members: [
        { host: m1, name: 'm1', address: '10.0.0.11:8443' },
        { host: m2, name: 'm2', address: '10.0.0.12:8443' },
      ],
    });
    new Container(s, 'web', { host: cluster.host, image: 'busybox' });
    new Container(s, 'db', { host: m2, image: 'busybox' });
    const data = synthJson(s).resource.terraform_data;
    const befores = Object.entries(data).filter(([k]) => /^lifecycle_.*_before_/.test(k));
    expect(befores.map(([k]) => k.replace(/_before_.*/, '')).sort()).toEqual([
      'lifecycle_cluster-ssh-10-0-0-11-22-lxd',
      'lifecycle_local',
    ]);
    const cluster0 = befores.find(([k]) => k.startsWith('lifecycle_cluster'))![1] as any;
    expect(cluster0.triggers_replace.declared).toEqual({ instance: ['db', 'web'] });
    expect(cluster0.input.runner).toContain('-- 10.0.0.11');
  });
});

describe('conflicting declarations for one daemon are synth errors naming both constructs', () => {
  it('two backends on one ssh machine', () => {
    const err = expectAppSynthRejected((app) => {
      const s = stack(app);
      new Container(s, 'a', { host: new SshHost(s, 'lxd', { address: '10.0.0.5' }), image: 'busybox' });
      new Container(s, 'b', {
        host: new SshHost(s, 'incus', { address: '10.0.0.5', user: 'x', backend: 'incus' }),
        image: 'images:debian/12',
      });
    });
    expectProblem(err, {
      path: 'lab/incus',
      property: 'backend',
      value: 'incus',
      reason: /lab\/lxd reaches the same machine \(ssh 10\.0\.0\.5:22\) with backend lxd/,
      fix: /one backend per machine/,
    });
  });

  it('two members of one cluster on one machine', () => {
    const err = expectAppSynthRejected((app) => {
      const s = stack(app);
      const a = new SshHost(s, 'a', { address: '10.0.0.5', user: 'alice' });
      const b = new SshHost(s, 'b', { address: '10.0.0.5', user: 'bob' });
      new LxdCluster(s, 'cluster', {
        members: [
          { host: a, name: 'm1', address: '10.0.0.5:8443' },
          { host: b, name: 'm2', address: '10.0.0.6:8443' },
        ],
      });
    });
    expectProblem(err, {
      path: 'lab/cluster',
      property: 'members[1].host',
      value: 'lab/b',
      reason: /members\[0\] is on the same daemon \(ssh 10\.0\.0\.5:22\)/,
      fix: /own machine/,
    });
  });

  it('a machine in two clusters', () => {
    const err = expectAppSynthRejected((app) => {
      const s = stack(app);
      const a = new SshHost(s, 'a', { address: '10.0.0.5' });
      const b = new SshHost(s, 'b', { address: '10.0.0.6' });
      const c = new SshHost(s, 'c', { address: '10.0.0.7' });
      new LxdCluster(s, 'one', {
        members: [
          { host: a, name: 'm1', address: '10.0.0.5:8443' },
          { host: b, name: 'm2', address: '10.0.0.6:8443' },
        ],
      });
      new LxdCluster(s, 'two', {
        members: [
          { host: c, name: 'm3', address: '10.0.0.7:8443' },
          { host: b, name: 'm4', address: '10.0.0.6:8443' },
        ],
      });
    });
    expectProblem(err, {
      path: 'lab/two',
      property: 'members[1].host',
      value: 'lab/b',
      reason: /already a member of lab\/one/,
    });
  });

  it('one name on the members of a cluster, declared through two members', () => {
    const err = expectAppSynthRejected((app) => {
      const s = stack(app);
      const a = new SshHost(s, 'a', { address: '10.0.0.5' });
      const b = new SshHost(s, 'b', { address: '10.0.0.6' });
      new LxdCluster(s, 'cluster', {
        members: [
          { host: a, name: 'm1', address: '10.0.0.5:8443' },
          { host: b, name: 'm2', address: '10.0.0.6:8443' },
        ],
      });
      new Container(s, 'web', { host: a, image: 'busybox' });
      new Container(s, 'web2', { host: b, image: 'busybox', name: 'web' });
    });
    expectProblem(err, {
      path: 'lab/web2',
      property: 'name',
      value: 'web',
      reason: /same daemon \(cluster m1\+m2 via ssh 10\.0\.0\.5:22\)/,
    });
  });
});
