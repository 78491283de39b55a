/**
 * MatchboxServer (installed or imported), MatchboxGroup: an imported server without client
 * credentials under the provider rendering, and string props with a NUL byte.
 */
import { App } from '../../../constructs/core/cdk';
import { LabStack, LocalHost, MatchboxGroup, MatchboxProfile, MatchboxServer, ValidationErrors } from '../../../index';
import { tmpDir, validationErrorOf, expectProblem } from '../../helpers';
import { expectRejected } from '../../helpers';

const SHA = 'a'.repeat(64);

describe('MatchboxServer.fromServerAttributes under the provider rendering', () => {
  it('without credentials, is a validation error naming the server, the property and the fix', () => {
    const app = new App({ outdir: tmpDir('mbx-provider-') });
    const stack = new LabStack(app, 'lab', { rendering: 'provider' });
    const server = MatchboxServer.fromServerAttributes(stack, 'pxe', {
      host: new LocalHost(stack, 'host'),
      address: '10.0.0.2',
    });
    const error = validationErrorOf(() => new MatchboxProfile(stack, 'worker', { server, kernel: '/assets/vmlinuz' }));
    expect(ValidationErrors.isValidationError(error)).toBe(true);
    expectProblem(error, {
      path: 'lab/pxe',
      property: 'credentials',
      value: undefined,
      reason: /imported without client credentials/,
      fix: /fromServerAttributes, or use the cli rendering/,
    });
    expect(error.message).toContain('[lab/pxe] credentials = undefined: ');
  });
});

describe('Matchbox props with a NUL byte', () => {
  it.each([
    [
      'MatchboxServer dnsmasq.interface',
      (l: { stack: LabStack; host: LocalHost }) =>
        new MatchboxServer(l.stack, 'mb', {
          host: l.host,
          address: '192.168.0.1',
          sha256: SHA,
          dnsmasq: { interface: 'eth1\0', subnet: '192.168.0.1/24' },
        }),
      'lab/mb',
      'dnsmasq.interface',
      'eth1\0',
    ],
    [
      'MatchboxProfile args',
      (l: { stack: LabStack; host: LocalHost }) => {
        const server = new MatchboxServer(l.stack, 'mb', { host: l.host, address: '192.168.0.1', sha256: SHA });
        new MatchboxProfile(l.stack, 'p', { server, kernel: '/assets/vmlinuz', args: ['console=ttyS0\0'] });
      },
      'lab/p',
      'args[0]',
      'console=ttyS0\0',
    ],
    [
      'MatchboxGroup metadata',
      (l: { stack: LabStack; host: LocalHost }) => {
        const server = new MatchboxServer(l.stack, 'mb', { host: l.host, address: '192.168.0.1', sha256: SHA });
        new MatchboxGroup(l.stack, 'g', {
          profile: new MatchboxProfile(l.stack, 'p', { server }),
          metadata: { key: '\0' },
        });
      },
      'lab/g',
      'metadata.key',
      '\0',
    ],
  ])('%s', (_name, build, path, property, value) => {
    expectRejected(
      (l) => {
        build(l);
      },
      { path, property, value, reason: /NUL byte/, fix: /remove the NUL byte/ },
    );
  });
});
