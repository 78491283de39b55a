/** LxdCluster, PublishedImage and Container targets: synthesized resources and early validation. */
import { App, Testing } from '../../../constructs/core/cdk';
import { Container, LabStack, LxdCluster, PublishedImage, SshHost } from '../../../index';
import { Json, localExec, resourceBy, synthJson, tfUnescape } from '../../helpers';
import { expectRejected } from '../../helpers';

function clusterStack() {
  const app = Testing.app();
  const stack = new LabStack(app, 'lab');
  const h1 = new SshHost(stack, 'h1', { address: '10.0.0.1', user: 'ubuntu', sudo: true });
  const h2 = new SshHost(stack, 'h2', { address: '10.0.0.2', user: 'ubuntu', sudo: true });
  const cluster = new LxdCluster(stack, 'cl', {
    members: [
      { host: h1, name: 'm1', address: '10.0.0.1:8443' },
      {
        host: h2,
        name: 'm2',
        address: '10.0.0.2:8443',
        memberConfig: [{ entity: 'storage-pool', name: 'local', key: 'source', value: '/srv/p' }],
      },
    ],
  });
  return { app, stack, cluster, h1, h2 };
}

const script = (r: Json, when?: 'destroy') => {
  const e = localExec(r, when);
  return when ? e.environment.CDKTF_LAB_SCRIPT : tfUnescape(e.environment.CDKTF_LAB_SCRIPT);
};

describe('LxdCluster', () => {
  test('bootstrap on the first member, join from the deploying machine through both runners', () => {
    const { stack } = clusterStack();
    const json = synthJson(stack);
    const boot = resourceBy(json, 'cl_bootstrap_converge');
    expect(localExec(boot).command).toContain("-p 22 -- ubuntu@10.0.0.1 'sudo sh -s'");
    expect(script(boot)).toContain('core.https_address: 10.0.0.1:8443');
    const bootObject = resourceBy(json, 'cl_bootstrap_object');
    expect(bootObject.provisioner).toBeUndefined();
    const join = resourceBy(json, 'cl_member-m2_converge');
    expect(localExec(join).command).toMatch(/\| sh -s$/);
    const s = script(join);
    expect(s).toContain('lxc cluster add m2 --quiet');
    expect(s).toContain("ubuntu@10.0.0.2 'sudo sh -s'");
    expect(s).toContain('member_config');
    const member = resourceBy(json, 'cl_member-m2_object');
    expect(script(member, 'destroy')).toBe('${self.input.destroy}');
    expect(tfUnescape(member.input.destroy)).toContain('lxc cluster remove m2');
    const members = resourceBy(json, 'cl_membership_converge');
    expect(tfUnescape(localExec(members).environment.CDKTF_LAB_SCRIPT)).toContain(
      'lxc config set user.cdktf.members.lab=m2',
    );
  });

  test('containers placed with target, a target change is a converge (a move), not a replacement', () => {
    const { stack, cluster } = clusterStack();
    new Container(stack, 'web', { host: cluster.host, image: 'busybox', target: 'm2' });
    const json = synthJson(stack);
    const converge = resourceBy(json, 'web_instance_converge');
    expect(converge.triggers_replace.settings.target).toBe('m2');
    expect(resourceBy(json, 'web_instance_object').triggers_replace.target).toBeUndefined();
    expect(script(converge)).toContain('--target m2');
  });

  test('a published image is a container image and waits for its source container', () => {
    const { stack, cluster } = clusterStack();
    const base = new Container(stack, 'base', { host: cluster.host, image: 'busybox', target: 'm1' });
    const img = new PublishedImage(stack, 'base-img', {
      container: base,
      properties: { os: 'busybox' },
      rebuild: '2024-06-01',
    });
    new Container(stack, 'clone', { host: cluster.host, image: img, target: 'm2' });
    const json = synthJson(stack);
    const conv = resourceBy(json, 'base-img_image_converge');
    expect(script(conv)).toContain('lxc publish base --force --alias base-img os=busybox');
    expect(JSON.stringify(resourceBy(json, 'base-img_image_object').depends_on)).toContain('base_instance');
    expect(JSON.stringify(resourceBy(json, 'clone_instance_object').depends_on)).toContain('base-img_image');
    expect(resourceBy(json, 'clone_instance_object').triggers_replace.image).toBe('base-img');
  });
});

describe('validation', () => {
  test('a cluster without members', () => {
    expectRejected(({ stack }) => new LxdCluster(stack, 'cl', { members: [] }), {
      path: 'lab/cl',
      property: 'members',
      value: 0,
    });
  });
  test('a member address without a port', () => {
    expectRejected(
      ({ stack, host }) => new LxdCluster(stack, 'cl', { members: [{ host, name: 'm1', address: '10.0.0.1' }] }),
      { path: 'lab/cl', property: 'members[0].address', value: '10.0.0.1', reason: 'not host:port' },
    );
  });
  test('two members with one name', () => {
    expectRejected(
      ({ stack, host }) =>
        new LxdCluster(stack, 'cl', {
          members: [
            { host, name: 'm1', address: '10.0.0.1:8443' },
            { host, name: 'm1', address: '10.0.0.2:8443' },
          ],
        }),
      { path: 'lab/cl', property: 'members[1].name', value: 'm1', fix: 'own name' },
    );
  });
  test('a bad target and a bad rebuild value', () => {
    expectRejected(({ stack, host }) => new Container(stack, 'c', { host, image: 'busybox', target: 'no good' }), {
      path: 'lab/c',
      property: 'target',
      value: 'no good',
    });
    expectRejected(
      ({ stack, host }) =>
        new PublishedImage(stack, 'i', {
          container: new Container(stack, 'c', { host, image: 'busybox' }),
          rebuild: '',
        }),
      { path: 'lab/i', property: 'rebuild', value: '' },
    );
  });
  test('library-owned properties are refused', () => {
    expectRejected(
      ({ stack, host }) =>
        new PublishedImage(stack, 'i', {
          container: new Container(stack, 'c', { host, image: 'busybox' }),
          properties: { 'user.cdktf.owner': 'x' },
        }),
      { path: 'lab/i', property: 'properties.user.cdktf.owner', value: 'user.cdktf.owner' },
    );
  });
});

void App;
