/**
 * Object names are unique per machine across the whole app: hosts that reach the same machine
 * (an SshHost, a HostReference to it, another SshHost to the same address) share one registry.
 */
import { App, Testing } from '../../../constructs/core/cdk';
import { Container, HostReference, LabStack, LocalHost, SshHost } from '../../../index';
import { ValidationError } from '../../../src/validation/errors';

const synthError = (build: (app: App) => void): ValidationError => {
  const app = Testing.app();
  build(app);
  try {
    app.synth();
  } catch (e) {
    if (e instanceof ValidationError) return e;
    throw e;
  }
  throw new Error('synth succeeded');
};

it('three containers named web on one ssh machine, through three host constructs in two stacks, are two errors naming both', () => {
  const err = synthError((app) => {
    const a = new LabStack(app, 'a');
    const ssh = new SshHost(a, 'lxd01', { address: '10.0.0.5', user: 'ubuntu' });
    new Container(a, 'web', { host: ssh, image: 'busybox' });
    const b = new LabStack(app, 'b');
    new Container(b, 'web', { host: new HostReference(b, 'ref', { host: ssh }), image: 'busybox' });
    new Container(b, 'web2', {
      host: new SshHost(b, 'again', { address: '10.0.0.5', user: 'root' }),
      image: 'busybox',
      name: 'web',
    });
  });
  expect(err.problems.map((p) => [p.path, p.property, p.value])).toEqual([
    ['b/web', 'name', 'web'],
    ['b/web2', 'name', 'web'],
  ]);
  for (const p of err.problems) {
    expect(p.reason).toBe('another instance on the same daemon (ssh 10.0.0.5:22) already has this name: a/web');
    expect(p.fix).toMatch(/give each instance on a daemon its own name/);
  }
});

it("the same name on two machines, or on one machine's LXD and Incus, is fine", () => {
  const app = Testing.app();
  const s = new LabStack(app, 's');
  new Container(s, 'a', { host: new SshHost(s, 'h1', { address: '10.0.0.5' }), image: 'busybox', name: 'web' });
  new Container(s, 'b', { host: new SshHost(s, 'h2', { address: '10.0.0.6' }), image: 'busybox', name: 'web' });
  new Container(s, 'c', { host: new LocalHost(s, 'lxd'), image: 'busybox', name: 'web' });
  new Container(s, 'd', { host: new LocalHost(s, 'incus', { backend: 'incus' }), image: 'busybox', name: 'web' });
  expect(() => app.synth()).not.toThrow();
});
