/** The curated public surface: what index.ts publishes, the host contract and ValidationErrors. */
import { Construct } from 'constructs';
import { Testing } from '../constructs/core/cdk';
import * as api from '../index';
import { Container, HostReference, IHost, LabStack, SshHost, ValidationErrors } from '../index';
import { expectProblem, validationErrorOf } from './helpers';

it('index.ts publishes constructs and documented helpers, no internals', () => {
  const values = Object.keys(api).sort();
  for (const name of [
    'LabStack',
    'SshHost',
    'Container',
    'Bridge',
    'MatchboxServer',
    'CloudConfig',
    'renderPreseed',
    'installToDisk',
    'ValidationErrors',
  ]) {
    expect(values).toContain(name);
  }
  for (const name of [
    'ManagedObject',
    'HostBase',
    'tfLiteral',
    'sensitiveLiteral',
    'onLabStack',
    'validateTree',
    'matchbox',
    'runnerOf',
    'registerName',
    'claimAddress',
    'assertValid',
    'ValidationError',
  ]) {
    expect(values).not.toContain(name);
  }
});

it('hosts reaching one machine share a hostId; the transport is not on IHost', () => {
  const stack = new LabStack(Testing.app(), 's');
  const ssh = new SshHost(stack, 'a', { address: '10.0.0.5', user: 'ubuntu' });
  const again = new SshHost(stack, 'b', { address: '10.0.0.5', user: 'root', backend: 'incus' });
  const ref = new HostReference(stack, 'ref', { host: ssh });
  expect(ssh.hostId).toBe('ssh:10.0.0.5:22/lxd');
  expect(ref.hostId).toBe(ssh.hostId);
  expect(again.hostId).toBe('ssh:10.0.0.5:22/incus');
  expect('runner' in ssh).toBe(false);
});

it('a hand-made IHost is refused with a validation error naming the path and the fix', () => {
  const stack = new LabStack(Testing.app(), 's');
  const fake: IHost = Object.assign(new Construct(stack, 'fake'), { hostId: 'x', ready: [], backend: 'lxd' as const });
  const error = validationErrorOf(() => new Container(stack, 'web', { host: fake, image: 'busybox' }));
  expectProblem(error, {
    path: 's/fake',
    property: 'host',
    value: 'Construct',
    reason: /this IHost has no transport/,
    fix: /use one of the library's hosts/,
  });
  expect(ValidationErrors.isValidationError(error)).toBe(true);
});

it('ValidationErrors recognizes synth errors and returns their problems', () => {
  const app = Testing.app();
  const stack = new LabStack(app, 's');
  let caught: unknown;
  try {
    new Container(stack, 'web', {
      host: new SshHost(stack, 'h', { address: '10.0.0.5' }),
      image: 'busybox',
      name: 'bad_name',
    });
  } catch (e) {
    caught = e;
  }
  expect(ValidationErrors.isValidationError(caught)).toBe(true);
  expect(ValidationErrors.problemsOf(caught).map((p) => [p.path, p.property, p.value])).toEqual([
    ['s/web', 'name', 'bad_name'],
  ]);
  expect(ValidationErrors.isValidationError(new Error('x'))).toBe(false);
  expect(ValidationErrors.problemsOf('x')).toEqual([]);
});

it('importers return Imported constructs of the interface; the escape hatch lists the resources', () => {
  const stack = new LabStack(Testing.app(), 's');
  const host = new api.LocalHost(stack, 'local');
  const pool = api.StoragePool.fromPoolName(stack, 'pool', host, 'default');
  const profile = api.Profile.fromProfileName(stack, 'default', host, 'default');
  const br = api.Bridge.fromBridgeAttributes(stack, 'br', { host, networkName: 'lxdbr0', ipv4Cidr: '10.0.3.1/24' });
  const old = api.Container.fromContainerName(stack, 'old', host, 'legacy');
  expect([pool.poolName, profile.profileName, br.networkName, br.ipv4Cidr, old.containerName]).toEqual([
    'default',
    'default',
    'lxdbr0',
    '10.0.3.1/24',
    'legacy',
  ]);
  expect(pool.constructor.name).toBe('ImportedStoragePool');
  expect(() => api.Bridge.fromBridgeName(stack, 'bad', host, 'bad name')).toThrow(
    /\[s\/bad\] networkName = "bad name"/,
  );
  const web = new Container(stack, 'web', {
    host,
    image: 'busybox',
    profiles: [profile],
    nics: [{ bridge: br, ipv4Address: '10.0.3.10' }],
  });
  expect(web.terraformResources.map((r) => r.node.id)).toEqual(['object', 'converge']);
});

it('a provider-only attribute throws a clear error under cli instead of being undefined', () => {
  const cli = new api.MultipassVm(new LabStack(Testing.app(), 'cli'), 'vm', {});
  expect(() => cli.ipv4Address).toThrow(
    /\[cli\/vm\] ipv4Address = "\(read under rendering: cli\)": .*unknown to Terraform under the cli rendering\. Fix: use LabStack's rendering: 'provider'/,
  );
  const provider = new api.MultipassVm(new LabStack(Testing.app(), 'p', { rendering: 'provider' }), 'vm', {});
  expect(provider.ipv4Address).toMatch(/\$\{TfToken/);
});
